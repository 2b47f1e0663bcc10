import { useRef } from 'preact/hooks';
import { Icon } from '../../components/Icon';
import type { ReferralModel } from '../referralModel';
import { useReferralText } from './useReferralText';

/**
 * The launcher's greeting for a friend who arrived through a referral link: who invited them and
 * the offer, with a button that opens the claim. It never takes focus (a live region announces
 * it); Escape and ✕ dismiss it for the session. CSS keeps it by the launcher (referral.css).
 */
export function FriendGreeting({ referral, launcher, onOpen }: { referral: ReferralModel; launcher: HTMLElement; onOpen(): void }) {
  const { t, offer } = useReferralText();
  const ref = useRef<HTMLElement>(null);
  const lookup = referral.offer.value;
  const visible = referral.greetingVisible.value && lookup?.friendOffer != null;

  const text =
    lookup?.friendOffer != null
      ? lookup.advocateFirstName
        ? t('friend.greeting', { name: lookup.advocateFirstName, offer: offer(lookup.friendOffer) })
        : t('friend.greetingNoName', { offer: offer(lookup.friendOffer) })
      : '';

  return (
    <>
      <p class="visually-hidden" role="status">
        {visible ? text : ''}
      </p>
      {visible ? (
        <section
          ref={ref}
          class="referral-greeting"
          data-placement={(launcher.getRootNode() as ShadowRoot).host?.getAttribute('data-position') === 'bottom-start' ? 'top-start' : 'top-end'}
          aria-labelledby="sadakat-greeting-title"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            referral.dismissGreeting();
            launcher.focus();
          }}
        >
          <div class="referral-greeting-head">
            <Icon name="gift" />
            <h2 class="card-title" id="sadakat-greeting-title">
              {text}
            </h2>
            <button
              type="button"
              class="icon-button"
              part="close-button"
              aria-label={t('friend.dismiss')}
              onClick={() => {
                referral.dismissGreeting();
                launcher.focus();
              }}
            >
              <Icon name="close" />
            </button>
          </div>
          <button type="button" class="button button-primary" part="button button-primary" onClick={onOpen}>
            {t('friend.open')}
          </button>
        </section>
      ) : null}
    </>
  );
}
