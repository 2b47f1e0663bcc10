import { useRef } from 'preact/hooks';
import type { ReferralLookup } from '../../../../contract';
import { useI18n } from '../../i18n';
import type { ReferralModel } from '../referralModel';
import { useReferralText } from './useReferralText';

const ERRORS = { invalid: 'friend.invalidEmail', own: 'friend.own', failed: 'friend.failed' } as const;

/** The friend's side: who invited them and what they get, and the claim for their one discount code. */
export function FriendOffer({ referral, lookup }: { referral: ReferralModel; lookup: ReferralLookup }) {
  const { t, offer } = useReferralText();
  const { date, money } = useI18n();
  // Read at submit time: what the field holds then is what the shopper meant.
  const field = useRef<HTMLInputElement>(null);
  const claim = referral.claim.value;
  if (!lookup.friendOffer) return null;
  const gift = offer(lookup.friendOffer);
  const greeting = lookup.advocateFirstName
    ? t('friend.greeting', { name: lookup.advocateFirstName, offer: gift })
    : t('friend.greetingNoName', { offer: gift });

  if (claim.status === 'done') {
    const { result } = claim;
    return (
      <section class="card referral-friend" aria-labelledby="sadakat-friend-title">
        <h3 class="card-title" id="sadakat-friend-title">
          {t('friend.claimed')}
        </h3>
        <label class="field-label" for="sadakat-friend-code">
          {t('friend.codeLabel')}
        </label>
        <input id="sadakat-friend-code" class="code" readOnly value={result.discountCode} dir="ltr" onFocus={(event) => event.currentTarget.select()} />
        <p class="card-text">{t('friend.howTo')}</p>
        {result.friendOffer.minOrder !== null ? (
          <p class="row-hint">{t('friend.minOrder', { amount: money(result.friendOffer.minOrder, result.friendOffer.currency) })}</p>
        ) : null}
        {result.expiresAt ? <p class="row-hint">{t('friend.expires', { date: date(result.expiresAt) })}</p> : null}
      </section>
    );
  }

  const sending = claim.status === 'sending';
  const error = claim.status === 'error' ? t(ERRORS[claim.error]) : '';
  return (
    <section class="card referral-friend" aria-labelledby="sadakat-friend-title">
      <h3 class="card-title" id="sadakat-friend-title">
        {greeting}
      </h3>
      <form
        class="referral-claim"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void referral.claimDiscount(field.current?.value ?? '');
        }}
      >
        <label class="field-label" for="sadakat-friend-email">
          {t('friend.emailLabel')}
        </label>
        <input
          id="sadakat-friend-email"
          class="input"
          type="email"
          autocomplete="email"
          required
          ref={field}
          aria-describedby="sadakat-friend-privacy sadakat-friend-error"
          aria-invalid={claim.status === 'error' && claim.error === 'invalid' ? 'true' : undefined}
        />
        <p class="row-hint" id="sadakat-friend-privacy">
          {t('friend.privacy')}
        </p>
        <p class="form-error" id="sadakat-friend-error" role="alert">
          {error}
        </p>
        <button type="submit" class="button button-primary" part="button button-primary" aria-disabled={sending ? 'true' : undefined}>
          {sending ? t('friend.claiming') : t('friend.claim')}
        </button>
      </form>
    </section>
  );
}
