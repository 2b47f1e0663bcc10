/** Languages with a complete catalog. Turkish is the source language and the final fallback. */
export const LANGUAGES = ['tr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface ResolvedLocale {
  /** Full canonical tag used for `Intl` formatting, e.g. `en-GB`. */
  tag: string;
  /** Catalog language, e.g. `en`. */
  language: Language;
  dir: 'ltr' | 'rtl';
}

const RTL = ['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug'];

function canonical(tag: string | null | undefined): string | null {
  if (!tag) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * The locale chain: the `locale` option, then the page's `<html lang>`, then the browser's
 * languages, then Turkish. The first tag whose language has a catalog wins.
 */
export function resolveLocale(option: string | undefined, doc: Document, nav: Pick<Navigator, 'languages'> | undefined): ResolvedLocale {
  const candidates = [option, doc.documentElement.lang, ...(nav?.languages ?? [])];
  for (const candidate of candidates) {
    const tag = canonical(candidate);
    const language = tag?.split('-')[0]?.toLowerCase();
    if (tag && (LANGUAGES as readonly string[]).includes(language ?? '')) {
      return { tag, language: language as Language, dir: RTL.includes(language ?? '') ? 'rtl' : 'ltr' };
    }
  }
  return { tag: 'tr', language: 'tr', dir: 'ltr' };
}

/** `{one, other}` forms picked with `Intl.PluralRules`. */
export interface PluralForms {
  one: string;
  other: string;
}

/** Formats a points amount: `1.250 puan`, `1,250 points`; `signed` adds `+` to gains. */
export function formatPoints(tag: string, count: number, forms: PluralForms, signed = false): string {
  const form = new Intl.PluralRules(tag).select(Math.abs(count)) === 'one' ? forms.one : forms.other;
  return form.replace('{count}', new Intl.NumberFormat(tag, signed ? { signDisplay: 'exceptZero' } : {}).format(count));
}
