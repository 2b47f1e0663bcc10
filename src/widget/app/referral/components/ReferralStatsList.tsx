import type { ReferralStats } from '../../../../contract';
import { useI18n } from '../../i18n';
import { useReferralText } from './useReferralText';

/** Friends who visited and ordered, referrals waiting, points earned. */
export function ReferralStatsList({ stats }: { stats: ReferralStats }) {
  const { t } = useReferralText();
  const { number, points } = useI18n();
  const rows: Array<[string, string]> = [
    [t('ref.visits'), number(stats.visits)],
    [t('ref.orders'), number(stats.orders)],
    [t('ref.pending'), number(stats.pending)],
    [t('ref.earned'), points(stats.pointsEarned)],
  ];
  return (
    <section class="card referral-stats" aria-labelledby="sadakat-referral-stats">
      <h3 class="card-title" id="sadakat-referral-stats">
        {t('ref.statsTitle')}
      </h3>
      <dl class="referral-stat-list">
        {rows.map(([label, value]) => (
          <div key={label} class="referral-stat">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
