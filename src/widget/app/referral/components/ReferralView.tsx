import type { LoyaltyModel } from '../../models/loyaltyModel';
import type { ReferralModel } from '../referralModel';
import { AdvocateSection } from './AdvocateSection';
import { FriendOffer } from './FriendOffer';
import { useReferralText } from './useReferralText';

/**
 * The Refer-a-friend view: a friend's offer first when this visitor came through a link, then the
 * shopper's own link (signed in) or a way in to get one (guest).
 */
export function ReferralView({ referral, loyalty }: { referral: ReferralModel; loyalty: LoyaltyModel }) {
  const { t } = useReferralText();
  const lookup = referral.offer.value;
  const signedIn = loyalty.status.value === 'customer';
  const joinUrl = loyalty.joinUrl.value;
  const signInUrl = loyalty.signInUrl.value;
  return (
    <div class="stack">
      {lookup ? <FriendOffer referral={referral} lookup={lookup} /> : null}
      {signedIn ? (
        <AdvocateSection referral={referral} loyalty={loyalty} />
      ) : (
        <section class="card" aria-labelledby="sadakat-referral-guest">
          <h3 class="card-title" id="sadakat-referral-guest">
            {t('ref.guestTitle')}
          </h3>
          <p class="card-text">{t('ref.guestBody')}</p>
          <div class="actions">
            {joinUrl ? (
              <a class="button button-primary" part="button button-primary" href={joinUrl}>
                {t('ref.join')}
              </a>
            ) : null}
            {signInUrl ? (
              <a class="button" part="button" href={signInUrl}>
                {t('ref.signIn')}
              </a>
            ) : null}
          </div>
        </section>
      )}
    </div>
  );
}
