import { z } from 'zod/mini';
import { LocaleTag, PublishableKey, SafeUrl } from '../../contract/primitives';

const CssValue = z.string().check(z.maxLength(300), z.regex(/^[^;{}<>\\]*$/));

/** `/loyalty` or `/api/v2/sadakat`: segments of URL-safe characters, no `..`, no query. */
const BasePath = z.string().check(z.maxLength(200), z.regex(/^(?:\/(?!\.\.?(?:\/|$))[\w.~-]+)*\/?$/));

/** Header names the widget sets itself; a shop's `headers` never override them. */
export const RESERVED_HEADERS = ['authorization', 'content-type', 'idempotency-key'];
/** A header a shop may add: an HTTP token for a name, one line of text for a value. */
const goodHeader = (name: string, value: unknown) =>
  /^[\w!#$%&'*+.^`|~-]+$/.test(name) && !RESERVED_HEADERS.includes(name.toLowerCase()) && typeof value === 'string' && value.length <= 2000 && !/[\r\n\0]/.test(value);
// Plain checks rather than z.record: the page-view script carries this, and every byte counts.
const isHeaderMap = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.entries(value).every(([name, header]) => goodHeader(name, header));

/** `init({ theme: { … } })` keys and the public token each one sets on the host element. */
export const THEME_TOKENS = {
  accent: 'color-accent',
  accentContrast: 'color-accent-contrast',
  surface: 'color-surface',
  text: 'color-text',
  textMuted: 'color-text-muted',
  border: 'color-border',
  success: 'color-success',
  danger: 'color-danger',
  focus: 'color-focus',
  fontFamily: 'font-family',
  fontSize: 'font-size',
  radius: 'radius',
  space1: 'space-1',
  space2: 'space-2',
  space3: 'space-3',
  space4: 'space-4',
  space5: 'space-5',
  space6: 'space-6',
  shadow: 'shadow',
  launcherSize: 'launcher-size',
  launcherInsetInline: 'launcher-inset-inline',
  launcherInsetBlock: 'launcher-inset-block',
  panelWidth: 'panel-width',
  zIndex: 'z-index',
  duration: 'duration',
} as const;
export type ThemeTokenKey = keyof typeof THEME_TOKENS;

export const ColorMode = z.enum(['auto', 'light', 'dark']);
export type ColorMode = z.infer<typeof ColorMode>;

const stringTokens = Object.fromEntries(
  Object.keys(THEME_TOKENS)
    .filter((key) => key !== 'zIndex')
    .map((key) => [key, z.optional(CssValue)]),
) as Record<Exclude<ThemeTokenKey, 'zIndex'>, z.ZodMiniOptional<typeof CssValue>>;

/** A theme object: `mode` plus any public token by its camelCase name. */
export const ThemeObject = z.strictObject({
  mode: z.optional(ColorMode),
  ...stringTokens,
  zIndex: z.optional(z.union([z.int(), CssValue])),
});
export type ThemeObject = z.infer<typeof ThemeObject>;

/**
 * Options of `init()`, `createSadakat()` and the script tag's `data-*` attributes (one schema for
 * all three). Defaults are applied by the widget, not here, so that `init()` on a running widget
 * changes only the fields it names.
 */
export const WidgetOptions = z.strictObject({
  /** The shop's publishable key, `pk_live_…`. Required. */
  shop: PublishableKey,
  /** Origin of the Sadakat API. @default the origin the script was loaded from (script tag only) */
  api: z.optional(SafeUrl),
  /** Customer token (JWT) minted by the shop's server; omit or `null` for a guest. */
  customerToken: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(8192)))),
  /** BCP-47 tag. @default `<html lang>`, then the browser's languages, then `tr` */
  locale: z.optional(LocaleTag),
  /** `auto` follows `prefers-color-scheme`; an object sets tokens. @default 'auto' */
  theme: z.optional(z.union([ColorMode, ThemeObject])),
  /** Where guests join. @default the programme's `joinUrl` */
  joinUrl: z.optional(SafeUrl),
  /** Where guests sign in. @default the programme's `signInUrl` */
  signInUrl: z.optional(SafeUrl),
  /** Launcher corner, logical (mirrors in RTL). @default 'bottom-end' */
  position: z.optional(z.enum(['bottom-end', 'bottom-start'])),
  /** Request timeout in milliseconds. @default 8000 */
  timeout: z.optional(z.int().check(z.minimum(1), z.maximum(120_000))),
  /** CSP nonce for the fallback `<style>` element. @default the script tag's nonce */
  nonce: z.optional(z.string().check(z.maxLength(200))),
  /**
   * Referral capture on landing pages (README "Referrals"): the URL parameter that carries a
   * friend's code, how many days it is remembered, and which code wins when a shopper arrives
   * through several links (`first`: the earliest unexpired one; `last`: the latest).
   * @default { param: 'ref', days: 30, touch: 'first' }
   */
  referral: z.optional(
    z.strictObject({
      param: z.optional(z.string().check(z.minLength(1), z.maxLength(32))),
      days: z.optional(z.int().check(z.minimum(1), z.maximum(365))),
      touch: z.optional(z.enum(['first', 'last'])),
    }),
  ),
  /** A `fetch` to use instead of the global one (custom auth, routing, proxies, tests). @default window.fetch */
  fetch: z.optional(z.custom<typeof fetch>((value) => typeof value === 'function')),
  /** Path under `api` where the Sadakat routes live, e.g. `/loyalty` → `https://api/loyalty/v1/boot`. @default '' */
  basePath: z.optional(BasePath),
  /** Extra headers on every API request, or a function returning them per request. Cannot set `Authorization`, `Content-Type` or `Idempotency-Key`. @default none */
  headers: z.optional(z.custom<Record<string, string> | (() => Record<string, string>)>((value) => typeof value === 'function' || isHeaderMap(value))),
  /** Called once when the API answers 401 to a signed-in request: return a fresh token (the request is retried once), `null` (signed out) or another customer's token (the widget re-boots as them). @default none */
  getCustomerToken: z.optional(z.custom<() => string | null | Promise<string | null>>((value) => typeof value === 'function')),
});
export type WidgetOptions = z.input<typeof WidgetOptions>;
export type ParsedOptions = z.output<typeof WidgetOptions>;

const HINTS: Record<string, string> = {
  shop: 'a publishable key such as "pk_live_…"',
  api: 'an https URL',
  joinUrl: 'an https URL',
  signInUrl: 'an https URL',
  customerToken: 'a token string or null',
  locale: 'a language tag such as "tr" or "en-GB"',
  theme: '"auto", "light", "dark" or an object of tokens',
  position: '"bottom-end" or "bottom-start"',
  timeout: 'milliseconds, 1–120000',
  fetch: 'a function',
  basePath: 'a path such as "/loyalty"',
  headers: 'an object of strings, or a function',
  getCustomerToken: 'a function',
};

/** Attribute → option for the script tag (`dataset` camelCase). */
const DATA_KEYS = ['shop', 'api', 'basePath', 'customerToken', 'locale', 'theme', 'joinUrl', 'signInUrl', 'position'] as const;

export function optionsFromDataset(dataset: DOMStringMap): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const key of DATA_KEYS) {
    const value = dataset[key];
    if (value !== undefined) raw[key] = value;
  }
  return raw;
}

export interface OptionsResult {
  /** `null` when the widget cannot start (no valid `shop`). */
  options: ParsedOptions | null;
  /** One human-readable message per bad field, each naming the field. */
  warnings: string[];
}

type Issue = { code: string; path: PropertyKey[]; keys?: string[] };

/** Top-level keys named by a failed parse (`unrecognized_keys` names several). */
function issueKeys(issues: readonly Issue[]): string[] {
  return issues.flatMap((issue) => (issue.keys ? issue.keys : [String(issue.path[0] ?? '')]));
}

/**
 * Parses options leniently: a bad field is dropped with one warning naming it, and the widget
 * starts with the rest; only a bad or missing `shop` stops it.
 */
export function parseOptions(input: unknown): OptionsResult {
  const warnings: string[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    warnings.push('options must be an object such as { shop: "pk_live_…" }; Sadakat did not start');
    return { options: null, warnings };
  }
  const value: Record<string, unknown> = { ...input };
  const drop = (target: Record<string, unknown>, key: string, name: string, known: boolean, hint?: string) => {
    warnings.push(known ? `option "${name}" ignored: expected ${hint ?? 'a valid value'}` : `unknown option "${name}" ignored`);
    delete target[key];
  };

  // A theme object is checked token by token, so that one typo does not discard the whole theme.
  if (typeof value.theme === 'object' && value.theme !== null && !Array.isArray(value.theme)) {
    const theme: Record<string, unknown> = { ...value.theme };
    const parsed = ThemeObject.safeParse(theme);
    if (!parsed.success) {
      for (const key of new Set(issueKeys(parsed.error.issues))) {
        drop(theme, key, `theme.${key}`, key in ThemeObject.def.shape, key === 'mode' ? '"auto", "light" or "dark"' : 'a CSS value');
      }
    }
    value.theme = theme;
  }

  // Headers too are checked one by one: a reserved or malformed name drops only that header.
  if (typeof value.headers === 'object' && value.headers !== null && !Array.isArray(value.headers)) {
    const headers: Record<string, unknown> = { ...value.headers };
    for (const [name, header] of Object.entries(headers)) {
      if (!goodHeader(name, header)) {
        const reserved = RESERVED_HEADERS.includes(name.toLowerCase());
        drop(headers, name, `headers.${name}`, true, reserved ? 'a header other than Authorization, Content-Type and Idempotency-Key (Sadakat sets those)' : 'a valid header name and a one-line string value');
      }
    }
    value.headers = headers;
  }

  for (;;) {
    const parsed = WidgetOptions.safeParse(value);
    if (parsed.success) return { options: parsed.data, warnings };
    for (const key of new Set(issueKeys(parsed.error.issues))) {
      if (key === 'shop' || !(key in value)) {
        warnings.push(`option "shop" is ${value.shop === undefined ? 'missing' : 'invalid'}: expected ${HINTS.shop}; Sadakat did not start`);
        return { options: null, warnings };
      }
      drop(value, key, key, key in WidgetOptions.def.shape, HINTS[key]);
    }
  }
}
