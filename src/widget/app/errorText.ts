import type { WidgetErrorCode } from '../core/result';
import type { MessageKey } from '../i18n/tr';
import type { Translator } from '../i18n/translate';

const KNOWN = new Set([
  'insufficient_points',
  'price_changed',
  'tier_required',
  'reward_not_found',
  'already_claimed',
  'birthday_already_set',
  'validation_failed',
  'unauthorized',
]);

/** A failed redemption or claim in the shopper's language; never the server's text. */
export function errorText(t: Translator['t'], code: WidgetErrorCode): string {
  if (code === 'network' || code === 'timeout') return t('claim.network');
  return KNOWN.has(code) ? t(`claim.${code}` as MessageKey) : t('claim.generic');
}
