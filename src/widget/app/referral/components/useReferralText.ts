import { useMemo } from 'preact/hooks';
import type { FriendOffer } from '../../../../contract';
import { useI18n } from '../../i18n';
import { referralCatalogs } from '../i18n/catalogs';
import { referralText, type ReferralText } from '../i18n/referralText';

/**
 * The referral strings for the current locale, plus the friend's offer in words ("%10 indirim").
 * The panel loads the shown language's strings before it creates the referral feature; after a
 * change of language the previous one shows until the new one has arrived, like the panel's.
 */
export function useReferralText(): { t: ReferralText; offer(offer: FriendOffer): string } {
  const translator = useI18n();
  const catalog = referralCatalogs.catalogFor(translator.locale.language);
  return useMemo(() => {
    // Never null once the feature exists (mountApp loads the strings first); an empty text is only
    // the type's fallback (a static import of a language here would put it in the referral chunk).
    const t: ReferralText = catalog ? referralText(translator, catalog) : () => '';
    return {
      t,
      offer: (offer: FriendOffer) =>
        t(`offer.${offer.kind}`, {
          value: offer.value ?? 0,
          amount: offer.value === null ? '' : translator.money(offer.value, offer.currency),
        }),
    };
  }, [translator, catalog]);
}
