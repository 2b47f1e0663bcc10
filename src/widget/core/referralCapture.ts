/**
 * Referral capture: the only referral code in the page-view script. It reads `?ref=CODE` (the
 * parameter name is an option), keeps only what looks like one of our codes, and reads the
 * remembered code for `Sadakat.referral.code()`. Whether the code exists, remembering it and
 * greeting the friend happen in the lazily loaded referral chunk.
 */
import { storageKey } from './surveyTriggers';

/** 8 symbols of the referral alphabet (no 0/O, 1/I/L). ASCII only: look-alike letters never match. */
const CODE = /^[A-HJKMNP-Z2-9]{8}$/;
const MAX_RAW = 32;

export const referralStorageKey = (shop: string) => storageKey(shop, 'ref');

/** A candidate code from the landing URL, or `null`. Markup, long values and `__proto__` are dropped unread. */
export function referralFromUrl(href: string, param: string): string | null {
  let raw: string | null;
  try {
    raw = new URL(href).searchParams.get(param);
  } catch {
    return null;
  }
  if (!raw || raw.length > MAX_RAW) return null;
  const code = raw.trim().toUpperCase();
  return CODE.test(code) ? code : null;
}

/** The remembered code if it has not expired (first-party `localStorage`), else `null`. */
export function rememberedReferral(win: Window, shop: string, now = Date.now()): string | null {
  try {
    const stored: unknown = JSON.parse(win.localStorage.getItem(referralStorageKey(shop)) ?? 'null');
    const { code, expires } = (stored ?? {}) as { code?: unknown; expires?: unknown };
    return typeof code === 'string' && CODE.test(code) && typeof expires === 'number' && expires > now ? code : null;
  } catch {
    return null;
  }
}
