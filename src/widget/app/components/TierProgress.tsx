import type { CustomerSnapshot, PublicProgramme } from '../../../contract';
import { useI18n } from '../i18n';

/** Tier badge and the bar to the next tier, from this tier to the next: "Altın'a 550 puan kaldı". */
export function TierProgress({ customer, programme }: { customer: CustomerSnapshot; programme: PublicProgramme }) {
  const { t, points, money } = useI18n();
  const { tier } = customer;
  const amount = (value: number) => (tier.basis === 'amount_spent' ? money(value, programme.currency) : points(value));

  return (
    <section class="card" aria-labelledby="sadakat-tier-title">
      <div class="card-head">
        <h3 class="card-title" id="sadakat-tier-title">
          {t('tier.title')}
        </h3>
        <span class="chip" part="tier">
          {tier.current ? <bdi>{tier.current.name}</bdi> : t('tier.none')}
        </span>
      </div>
      {tier.next ? (
        <>
          <progress
            class="progress"
            max={1}
            value={tier.progress}
            aria-label={t('tier.progress', { tier: tier.next.name })}
            aria-valuetext={`${Math.round(tier.progress * 100)}%`}
          />
          <div class="progress-ends" aria-hidden="true">
            <bdi>{tier.current?.name ?? t('tier.none')}</bdi>
            <bdi>{tier.next.name}</bdi>
          </div>
          <p class="card-text">{t('tier.toNext', { tier: tier.next.name, amount: amount(tier.next.remaining) })}</p>
        </>
      ) : (
        <p class="card-text">{t('tier.top', { tier: tier.current?.name ?? '' })}</p>
      )}
    </section>
  );
}
