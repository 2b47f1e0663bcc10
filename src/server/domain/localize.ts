/** Shop-authored text for `locale`: exact tag, then its language, then the shop default, then any. */
export function localize(text: Record<string, string>, locale: string, fallback: string): string {
  const language = locale.split('-')[0] ?? locale;
  return text[locale] ?? text[language] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}

/** The catalog languages we serve; everything else falls back to the shop's default. */
export function resolveLocale(requested: string | undefined, shopDefault: string): string {
  if (!requested) return shopDefault;
  try {
    return Intl.getCanonicalLocales(requested)[0] ?? shopDefault;
  } catch {
    return shopDefault;
  }
}
