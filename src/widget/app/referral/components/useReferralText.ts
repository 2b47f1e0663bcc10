import { useMemo } from 'preact/hooks';
import type { FriendOffer } from '../../../../contract';
import { useI18n } from '../../i18n';
import { referralText, type ReferralText } from '../messages';

/** The referral strings for the current locale, plus the friend's offer in words ("%10 indirim"). */
export function useReferralText(): { t: ReferralText; offer(offer: FriendOffer): string } {
  const translator = useI18n();
  return useMemo(() => {
    const t = referralText(translator);
    return {
      t,
      offer: (offer: FriendOffer) =>
        t(`offer.${offer.kind}`, {
          value: offer.value ?? 0,
          amount: offer.value === null ? '' : translator.money(offer.value, offer.currency),
        }),
    };
  }, [translator]);
}
