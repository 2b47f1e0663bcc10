import type { LoyaltyModel } from '../models/loyaltyModel';
import { useI18n } from '../i18n';
import { CampaignBanner } from './CampaignBanner';
import { EarnRuleList } from './EarnRuleList';
import { Icon } from './Icon';

/** For shoppers who are not signed in: how the programme works (the way in is in the header). */
export function GuestView({ model }: { model: LoyaltyModel }) {
  const { t, points, money, number } = useI18n();
  const programme = model.programme.value;
  if (!programme) return null;
  const rewards = [...programme.rewards].sort((a, b) => a.cost - b.cost).slice(0, 3);
  const tiers = [...programme.tiers].sort((a, b) => a.threshold - b.threshold);
  const threshold = (value: number) => (programme.tierBasis === 'amount_spent' ? money(value, programme.currency) : points(value));

  return (
    <div class="stack">
      {model.sessionRejected.value ? (
        <p class="notice" role="status">
          {t('guest.sessionRejected')}
        </p>
      ) : null}
      <CampaignBanner programme={programme} />
      <section class="card" aria-labelledby="sadakat-earn-title">
        <h3 class="card-title" id="sadakat-earn-title">
          {t('guest.earn')}
        </h3>
        <EarnRuleList programme={programme} />
      </section>
      {rewards.length ? (
        <section class="card" aria-labelledby="sadakat-rewards-title">
          <h3 class="card-title" id="sadakat-rewards-title">
            {t('guest.rewards')}
          </h3>
          <ul class="rows">
            {rewards.map((reward) => (
              <li key={reward.id} class="row" part="reward">
                <Icon name="gift" />
                <span class="row-text">
                  <bdi>{reward.name}</bdi>
                </span>
                <span class="chip chip-muted">{points(reward.cost)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {tiers.length ? (
        <section class="card" aria-labelledby="sadakat-tiers-title">
          <h3 class="card-title" id="sadakat-tiers-title">
            {t('guest.tiers')}
          </h3>
          <ul class="rows">
            {tiers.map((tier) => (
              <li key={tier.id} class="row" part="tier">
                <Icon name="star" />
                <span class="row-text">
                  <bdi>{tier.name}</bdi>
                  {tier.threshold > 0 ? <span class="row-hint">{t('guest.tierFrom', { amount: threshold(tier.threshold) })}</span> : null}
                </span>
                {tier.multiplier > 1 ? <span class="chip chip-muted">{t('tier.multiplier', { multiplier: number(tier.multiplier) })}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
