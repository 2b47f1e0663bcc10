import { formatPoints, pluralForm, type ResolvedLocale } from './locale';
import type { MessageKey, Messages, Params } from './tr';

export interface Translator {
  locale: ResolvedLocale;
  /** A message with `{param}` slots filled; numbers are formatted for the locale. */
  t(key: MessageKey, params?: Params): string;
  /** `2.450 puan` / `2,450 points`; `signed` adds `+` to gains. */
  points(count: number, signed?: boolean): string;
  /** Money in the programme's currency: `₺550,00`. */
  money(amount: number, currency: string): string;
  number(value: number): string;
  /** `3 gün önce` / `3 days ago`. */
  relative(iso: string, now?: number): string;
  /** A calendar date: `23 Kas 2026` / `Nov 23, 2026`, in the browser's time zone. */
  date(iso: string): string;
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** A translator with `catalog`, the locale's language's catalog (see `catalogs.ts`, loaded lazily). */
export function createTranslator(locale: ResolvedLocale, catalog: Messages): Translator {
  // Each formatter is made on first use: an Intl constructor costs milliseconds on a throttled
  // phone, and the panel's first render (the first open) needs few of them.
  const once = <T>(make: () => T) => {
    let made: T | undefined;
    return () => (made ??= make());
  };
  const numbers = once(() => new Intl.NumberFormat(locale.tag));
  const plural = once(() => new Intl.PluralRules(locale.tag));
  const relative = once(() => new Intl.RelativeTimeFormat(locale.tag, { numeric: 'auto' }));
  const dates = once(() => new Intl.DateTimeFormat(locale.tag, { dateStyle: 'medium' }));

  // In a right-to-left language every filled-in value is a bidi isolate (FSI … PDI), so that a
  // Turkish reward name or "-1,000" keeps its own order inside an Arabic sentence.
  const [open, close] = locale.dir === 'rtl' ? ['\u2068', '\u2069'] : ['', ''];
  const fill = (text: string, params: Params) =>
    text.replace(/\{(\w+)\}/g, (slot, name: string) => {
      const value = params[name];
      return value === undefined ? slot : open + (typeof value === 'number' ? numbers().format(value) : value) + close;
    });

  const t = (key: MessageKey, params: Params = {}): string => {
    const message = catalog[key];
    if (typeof message === 'function') return message(params);
    if (typeof message === 'string') return fill(message, params);
    return fill(pluralForm(message, plural().select(Math.abs(Number(params.count ?? 0)))), params);
  };

  return {
    locale,
    t,
    points: (count, signed) => formatPoints(locale.tag, count, catalog.points, signed),
    money: (amount, currency) =>
      new Intl.NumberFormat(locale.tag, { style: 'currency', currency, maximumFractionDigits: Number.isInteger(amount) ? 0 : 2 }).format(amount),
    number: (value) => numbers().format(value),
    relative(iso, now = Date.now()) {
      const seconds = (Date.parse(iso) - now) / 1000;
      for (const [unit, size] of UNITS) {
        if (Math.abs(seconds) >= size) return relative().format(Math.round(seconds / size), unit);
      }
      return relative().format(0, 'minute');
    },
    date: (iso) => dates().format(new Date(iso)),
  };
}
