import { z } from 'zod/mini';

/** Points are whole numbers within the safe-integer range; `1e309`, `NaN` and fractions fail. */
export const Points = z.int();
export const NonNegativePoints = z.int().check(z.minimum(0));

/**
 * A money amount in the shop's currency, major units, at most two decimals. The check compares the
 * number with itself rounded to cents (`toFixed(2)`), not `n * 100` with an integer: in binary
 * floating point `19.99 * 100` is `1998.9999999999998`, which would wrongly refuse 19.99.
 */
export const MoneyAmount = z.number().check(
  z.minimum(0),
  z.maximum(100_000_000),
  z.refine((n) => Number.isFinite(n) && Number(n.toFixed(2)) === n, 'at most two decimals'),
);

/** ISO 4217 currency code. */
export const Currency = z.string().check(z.regex(/^[A-Z]{3}$/));

/** ISO-8601 timestamp in UTC, as the server stores it. */
export const Timestamp = z.iso.datetime();

/** A BCP-47 language tag such as `tr`, `en-GB`. */
export const LocaleTag = z.string().check(z.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8}){0,3}$/));

/** Short opaque identifiers chosen by the server (UUIDs or slugs). */
export const Id = z.string().check(z.minLength(1), z.maxLength(100));

/** An id the shop chose for an order, a refund or a review: 1–64 printable ASCII characters, no spaces. */
export const ShopRef = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces'));

/** The shop's own customer id: the customer token's `sub`. */
export const CustomerId = z.string().check(z.minLength(1), z.maxLength(200));

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A day of the year as `MM-DD` (a birthday without its year); `02-29` is allowed. */
export const MonthDay = z.string().check(
  z.regex(/^\d{2}-\d{2}$/, 'MM-DD'),
  z.refine((value) => {
    const [month, day] = value.split('-').map(Number) as [number, number];
    return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]!;
  }, 'not a day of the year'),
);

/** A URL the widget may link to: https only (http for loopback during development). */
export const SafeUrl = z.string().check(
  z.maxLength(2000),
  z.refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
    } catch {
      return false;
    }
  }, 'must be an https URL'),
);

/** Shop-authored text, per locale: `{ tr: 'Altın', en: 'Gold' }`. The server resolves it for the widget. */
export const LocalizedText = z.record(z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})?$/)), z.string().check(z.maxLength(500)));

/** Shop-authored text as the widget receives it: one string, resolved for the shopper's locale. */
export const DisplayText = z.string().check(z.maxLength(500));

/** Publishable shop keys look like `pk_live_…` / `pk_test_…` / `pk_demo_…`. Safe to show in a page. */
export const PublishableKey = z.string().check(z.regex(/^pk_[a-z]+_[A-Za-z0-9]{6,64}$/));
