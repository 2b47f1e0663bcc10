const lira = new Intl.NumberFormat('tr-TR', { style: 'currency', currency: 'TRY' });

/**
 * Formats kuruş as Turkish shops write prices: `1.249,90 ₺`. ICU puts the sign first for tr-TR
 * (`₺1.249,90`), so the parts are reordered; `store.js` does the same in the browser.
 */
export function formatTry(kurus: number): string {
  const parts = lira.formatToParts(kurus / 100);
  const sign = parts.filter((part) => part.type === 'currency').map((part) => part.value).join('');
  const amount = parts
    .filter((part) => part.type !== 'currency' && part.type !== 'literal')
    .map((part) => part.value)
    .join('');
  return `${amount}\u00a0${sign}`;
}
