/** Shop-authored text for `locale`: exact tag, then its language, then the shop default, then any. */
export function localize(text: Record<string, string>, locale: string, fallback: string): string {
  const language = locale.split('-')[0] ?? locale;
  return text[locale] ?? text[language] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}

/** Canonical tags by requested tag: `Intl.getCanonicalLocales` was a tenth of a cached boot's CPU. */
const canonical = new Map<string, string | null>();
const CANONICAL_CACHE_SIZE = 1000;

/** The catalog languages we serve; everything else falls back to the shop's default. */
export function resolveLocale(requested: string | undefined, shopDefault: string): string {
  if (!requested) return shopDefault;
  let tag = canonical.get(requested);
  if (tag === undefined) {
    try {
      tag = Intl.getCanonicalLocales(requested)[0] ?? null;
    } catch {
      tag = null;
    }
    if (canonical.size >= CANONICAL_CACHE_SIZE) canonical.clear();
    canonical.set(requested, tag);
  }
  return tag ?? shopDefault;
}
