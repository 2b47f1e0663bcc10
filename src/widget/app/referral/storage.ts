import { rememberedReferral } from '../../core/referralCapture';
import { storageKey } from '../../core/surveyTriggers';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Remembers a code that the server confirmed exists, first-party, for `days`. First touch keeps an
 * unexpired earlier code (the friend who brought the shopper first gets the credit); last touch
 * replaces it. Returns the code now remembered. Storage may be off (private mode): then `code`.
 */
export function rememberReferral(win: Window, shop: string, code: string, options: { days: number; touch: 'first' | 'last' }, now = Date.now()): string {
  const earlier = rememberedReferral(win, shop, now);
  if (options.touch === 'first' && earlier) return earlier;
  try {
    win.localStorage.setItem(storageKey(shop, 'ref'), `${code}|${now + options.days * DAY_MS}`);
  } catch {
    // Not remembered across pages; this page still greets the friend.
  }
  return code;
}

/** A random id for this browser, so the shop counts a visitor once per code. */
export function visitorId(win: Window, shop: string): string {
  const key = storageKey(shop, 'visitor');
  try {
    const known = win.localStorage.getItem(key);
    if (known && /^[0-9a-f-]{36}$/.test(known)) return known;
    const id = win.crypto.randomUUID();
    win.localStorage.setItem(key, id);
    return id;
  } catch {
    return win.crypto.randomUUID();
  }
}

/** The friend's claimed discount code, kept so that it is shown again on later pages. */
export const claimStorageKey = (shop: string) => storageKey(shop, 'refclaim');

export function readJson(win: Window, key: string): unknown {
  try {
    return JSON.parse(win.sessionStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

export function writeJson(win: Window, key: string, value: unknown): void {
  try {
    win.sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Shown on this page only.
  }
}
