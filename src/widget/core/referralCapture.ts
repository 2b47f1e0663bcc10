/**
 * The only referral code in the page-view script: reading the remembered code for
 * `Sadakat.referral.code()` (synchronous, for the shop's checkout). Reading `?ref=` from the
 * landing URL, checking the code, remembering it and greeting the friend all happen in the lazily
 * loaded panel and referral chunks.
 */
import { storageKey } from './surveyTriggers';

/** 8 symbols of the referral alphabet (no 0/O, 1/I/L). ASCII only: look-alike letters never match. */
export const CODE = /^[A-HJKMNP-Z2-9]{8}$/;

/** The remembered code if it has not expired (first-party `localStorage`, `CODE|expiry-ms`), else `null`. */
export function rememberedReferral(win: Window, shop: string, now = Date.now()): string | null {
  try {
    const [code = '', expires] = (win.localStorage.getItem(storageKey(shop, 'ref')) ?? '').split('|');
    return CODE.test(code) && Number(expires) > now ? code : null;
  } catch {
    return null;
  }
}
