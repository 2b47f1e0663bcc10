import type { AppContext } from '../../core/appContext';
import { CODE } from '../../core/referralCapture';

const MAX_RAW = 32;

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

/** The `referral` option with its defaults (README "Referrals"). */
export function referralOptions(given: AppContext['referral']): { param: string; days: number; touch: 'first' | 'last' } {
  return { param: given.param ?? 'ref', days: given.days ?? 30, touch: given.touch ?? 'first' };
}
