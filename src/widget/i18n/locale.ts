/** Languages with a complete catalog. Turkish is the source language and the last fallback. */
export const LANGUAGES = ['tr', 'en', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface ResolvedLocale {
  /** Full canonical tag used for `Intl` formatting, e.g. `en-GB`. */
  tag: string;
  /** Catalog language, e.g. `en`. */
  language: Language;
  dir: 'ltr' | 'rtl';
  /**
   * `true` when nothing in the chain had a catalog: the widget then asks the API without a locale,
   * so the shop's default language decides (and adopts it when it has a catalog for it).
   */
  fallback?: true;
}

/**
 * The catalogs' right-to-left languages (`Intl.Locale#getTextInfo` is not available everywhere).
 * Only languages with a catalog can be shown, so only they are listed; test/widget/i18n.test.ts
 * checks this list against `Intl` for every language in `LANGUAGES`.
 */
export const RTL_LANGUAGES: readonly Language[] = ['ar'];

function canonical(tag: string | null | undefined): string | null {
  if (!tag) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/** The locale for one tag, or `null` when its language has no catalog. */
export function localeFor(candidate: string | null | undefined): ResolvedLocale | null {
  const tag = canonical(candidate);
  const language = tag?.split('-')[0]?.toLowerCase() ?? '';
  if (!tag || !(LANGUAGES as readonly string[]).includes(language)) return null;
  return { tag, language: language as Language, dir: RTL_LANGUAGES.includes(language as Language) ? 'rtl' : 'ltr' };
}

/**
 * The locale chain: the `locale` option, then the page's `<html lang>`, then the browser's
 * languages, then the shop's default (Turkish until the API has said which it is). The first tag
 * whose language has a catalog wins; the full tag is kept for formatting (`en-GB` dates).
 */
export function resolveLocale(option: string | undefined, doc: Document, nav: Pick<Navigator, 'languages'> | undefined): ResolvedLocale {
  for (const candidate of [option, doc.documentElement.lang, ...(nav?.languages ?? [])]) {
    const locale = localeFor(candidate);
    if (locale) return locale;
  }
  return { tag: 'tr', language: 'tr', dir: 'ltr', fallback: true };
}

/**
 * Plural forms picked with `Intl.PluralRules`: `one` and `other` always, the others where the
 * language has them (Arabic: zero, two, few, many).
 */
export interface PluralForms {
  one: string;
  other: string;
  zero?: string;
  two?: string;
  few?: string;
  many?: string;
}

export function pluralForm(forms: PluralForms, rule: Intl.LDMLPluralRule): string {
  return forms[rule] ?? forms.other;
}

const formats = new Map<string, [Intl.PluralRules, Intl.NumberFormat]>();

/** Formats a points amount: `1.250 puan`, `1,250 points`; `signed` adds `+` to gains. */
export function formatPoints(tag: string, count: number, forms: PluralForms, signed = false): string {
  // Made once per locale: an Intl constructor costs a few ms on a throttled phone, and the launcher
  // formats on every state change.
  const key = tag + signed;
  let made = formats.get(key);
  if (!made) formats.set(key, (made = [new Intl.PluralRules(tag), new Intl.NumberFormat(tag, signed ? { signDisplay: 'exceptZero' } : {})]));
  return pluralForm(forms, made[0].select(Math.abs(count))).replace('{count}', made[1].format(count));
}
