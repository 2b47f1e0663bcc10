import { campaignMultiplier, type EarnRule } from '../../../contract';
import { useI18n } from '../i18n';
import type { EarnModel } from '../models/earnModel';
import type { LoyaltyModel } from '../models/loyaltyModel';
import { BirthdayForm } from './BirthdayForm';
import { ClaimAction } from './ClaimAction';

type Rule<K extends EarnRule['kind']> = Extract<EarnRule, { kind: K }>;

/** Every way to earn: the order rate (with the tier and a live campaign), tasks to claim, the rest. */
export function EarnView({ model, earn }: { model: LoyaltyModel; earn: EarnModel }) {
  const { t, points, money, number } = useI18n();
  const programme = model.programme.value;
  const customer = model.customer.value;
  if (!programme) return null;
  const rules = programme.earnRules.filter((rule): rule is Exclude<EarnRule, Rule<'order'>> => rule.kind !== 'order' && rule.points > 0);
  const order = programme.earnRules.find((rule): rule is Rule<'order'> => rule.kind === 'order');
  const birthday = rules.find((rule): rule is Rule<'birthday'> => rule.kind === 'birthday');
  const actions = rules.filter((rule): rule is Rule<'action'> => rule.kind === 'action');
  const other = rules.filter((rule) => rule.kind !== 'birthday' && rule.kind !== 'action');

  const tier = customer?.tier.current ? programme.tiers.find((candidate) => candidate.id === customer.tier.current?.id) : undefined;
  const now = new Date();
  const campaign = programme.campaigns
    .filter((c) => Date.parse(c.startsAt) <= now.getTime() && now.getTime() < Date.parse(c.endsAt))
    .sort((a, b) => b.multiplier - a.multiplier)[0];
  const live = campaignMultiplier(programme.campaigns, now);
  const tierMultiplier = tier?.multiplier ?? 1;
  const unit = money(1, programme.currency);

  return (
    <div class="stack">
      <p class="card-text">{t('earn.intro')}</p>
      {order ? (
        <section class="card" aria-labelledby="sadakat-earn-order">
          <h3 class="card-title" id="sadakat-earn-order">
            {t('earn.orderTitle')}
          </h3>
          <p class="earn-rate">{t('earn.orderRate', { unit, points: points(order.pointsPerUnit) })}</p>
          {tier && tier.multiplier > 1 ? <p class="card-text">{t('earn.orderTier', { tier: tier.name, multiplier: number(tier.multiplier) })}</p> : null}
          {campaign ? <p class="card-text">{t('earn.orderCampaign', { name: campaign.name, multiplier: number(campaign.multiplier) })}</p> : null}
          {tierMultiplier * live > 1 ? (
            <p class="chip earn-total">{t('earn.orderTotal', { unit, points: points(Math.round(order.pointsPerUnit * tierMultiplier * live * 100) / 100) })}</p>
          ) : null}
        </section>
      ) : null}
      {(birthday || actions.length) && customer ? (
        <section class="card" aria-labelledby="sadakat-earn-tasks">
          <h3 class="card-title" id="sadakat-earn-tasks">
            {t('earn.tasks')}
          </h3>
          <ul class="tasks">
            {birthday ? (
              <li class="task">
                <BirthdayForm rule={birthday} earn={earn} />
              </li>
            ) : null}
            {actions.map((rule) => (
              <li key={rule.id} class="task">
                <ClaimAction rule={rule} earn={earn} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {other.length || (!customer && (birthday || actions.length)) ? (
        <section class="card" aria-labelledby="sadakat-earn-other">
          <h3 class="card-title" id="sadakat-earn-other">
            {t('earn.other')}
          </h3>
          <ul class="bullets">
            {(customer ? other : rules).map((rule) => (
              <li key={rule.id}>{rule.kind === 'action' ? t('earn.action', { label: rule.label, points: points(rule.points) }) : t(`earn.${rule.kind}`, { points: points(rule.points) })}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
