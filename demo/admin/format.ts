import type { Locale } from './i18n';

const tag = (locale: Locale) => (locale === 'tr' ? 'tr-TR' : 'en-GB');

export function formatters(locale: Locale, currency = 'TRY') {
  const number = new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 1 });
  const money = new Intl.NumberFormat(tag(locale), { style: 'currency', currency, maximumFractionDigits: 2 });
  const moneyShort = new Intl.NumberFormat(tag(locale), { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    number: (n: number) => number.format(n),
    percent: (n: number | null) => (n === null ? '—' : `${locale === 'tr' ? '%' : ''}${number.format(n)}${locale === 'tr' ? '' : ' %'}`),
    money: (minor: number | null) => (minor === null ? '—' : money.format(minor / 100)),
    moneyShort: (minor: number) => moneyShort.format(minor / 100),
    date: (iso: string) => date.format(new Date(iso)),
  };
}

/** `2026-03` → "Mar 2026" / "Mar 2026"; quarters stay `2026-Q1`. */
export function periodLabel(label: string, locale: Locale): string {
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (!month) return label.replace('-', ' ');
  return new Intl.DateTimeFormat(tag(locale), { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
}
