import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n';
import type { LoyaltyModel } from '../models/loyaltyModel';
import type { RewardsModel } from '../models/rewardsModel';
import { CouponCode } from './CouponCode';
import { Icon } from './Icon';
import { RedeemConfirm } from './RedeemConfirm';

/** The catalogue (affordable vs locked, said in words), the confirmation, the issued code, the codes. */
export function RewardsView({ model, rewards }: { model: LoyaltyModel; rewards: RewardsModel }) {
  const { t, points, money, locale } = useI18n();
  const programme = model.programme.value;
  const customer = model.customer.value;
  const issuedTitle = useRef<HTMLHeadingElement>(null);
  const issued = rewards.issued.value;
  useEffect(() => {
    if (issued) issuedTitle.current?.focus();
  }, [issued?.code]);
  if (!programme) return null;
  const confirming = rewards.confirming.value;
  const date = (iso: string) => new Intl.DateTimeFormat(locale.tag, { dateStyle: 'medium' }).format(new Date(iso));

  return (
    <div class="stack">
      {customer ? <p class="card-text">{t('rewards.balance', { amount: points(customer.balance) })}</p> : null}
      {issued ? (
        <section class="card issued" aria-labelledby="sadakat-issued-title">
          <h3 class="card-title" id="sadakat-issued-title" tabIndex={-1} ref={issuedTitle}>
            <Icon name="check" /> {t('rewards.issuedTitle')}
          </h3>
          <p class="card-text">{issued.rewardName}</p>
          <CouponCode code={issued.code} id="sadakat-issued-code" />
          <p class="card-text">{t('rewards.howTo')}</p>
          <button type="button" class="link-button" part="button" onClick={() => rewards.dismissCode()}>
            {t('rewards.done')}
          </button>
        </section>
      ) : null}
      {confirming && customer ? <RedeemConfirm reward={confirming} balance={customer.balance} rewards={rewards} /> : null}
      <section class="card card-flush" aria-labelledby="sadakat-catalogue">
        <h3 class="card-title card-pad" id="sadakat-catalogue">
          {t('rewards.catalogue')}
        </h3>
        <ul class="catalogue">
          {rewards.rows.value.map(({ reward, lock }) => (
            <li key={reward.id} class={lock ? 'catalogue-item locked' : 'catalogue-item'} part="reward">
              <span class="link-icon">
                <Icon name={lock ? 'lock' : 'gift'} />
              </span>
              <span class="row-text">
                <span class="link-title">{reward.name}</span>
                <span class="row-hint">
                  {points(reward.cost)}
                  {reward.minOrder ? ` · ${t('rewards.minOrder', { amount: money(reward.minOrder, programme.currency) })}` : ''}
                </span>
                {customer ? (
                  <span class={lock ? 'status status-locked' : 'status status-ok'}>
                    {!lock
                      ? t('rewards.available')
                      : lock.by === 'tier'
                        ? t('rewards.lockedTier', { tier: lock.tierName })
                        : t('rewards.lockedPoints', { amount: points(lock.remaining) })}
                  </span>
                ) : null}
              </span>
              {customer && !lock ? (
                <button
                  type="button"
                  class="button button-small button-primary"
                  part="button button-primary"
                  aria-label={`${t('rewards.redeem')}: ${reward.name}`}
                  onClick={() => rewards.ask(reward)}
                >
                  {t('rewards.redeem')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {!customer && (model.joinUrl.value || model.signInUrl.value) ? (
        <div class="actions">
          {model.joinUrl.value ? (
            <a class="button button-primary" part="button button-primary" href={model.joinUrl.value}>
              {t('guest.join')}
            </a>
          ) : null}
          {model.signInUrl.value ? (
            <p class="signin">
              {t('guest.member')}{' '}
              <a class="text-link" href={model.signInUrl.value}>
                {t('guest.signIn')}
              </a>
            </p>
          ) : null}
        </div>
      ) : null}
      {customer ? (
        <section class="card" aria-labelledby="sadakat-codes">
          <h3 class="card-title" id="sadakat-codes">
            {t('rewards.codes')}
          </h3>
          {rewards.coupons.value.length === 0 ? (
            <p class="card-text">{t('rewards.codesEmpty')}</p>
          ) : (
            <ul class="codes">
              {rewards.coupons.value.map((coupon) => (
                <li key={coupon.code} class="code-item">
                  <span class="link-title">{coupon.rewardName}</span>
                  {coupon.expiresAt ? <span class="row-hint">{t('rewards.expires', { date: date(coupon.expiresAt) })}</span> : null}
                  <CouponCode code={coupon.code} id={`sadakat-code-${coupon.code}`} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
