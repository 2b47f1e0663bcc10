import { formatters } from '../format';
import type { DashboardModel } from '../model';
import { BarChart } from './BarChart';
import { DataTable } from './DataTable';
import { FlaggedReferrals } from './FlaggedReferrals';
import { Section } from './Section';

/**
 * The referral programme: the funnel over the chosen range (chart and the same figures as a
 * table), and the flagged referrals to approve or void. Shown once the server's OpenAPI document
 * lists the referral routes; older servers get a plain note instead.
 */
export function ReferralsSection({ model }: { model: DashboardModel }) {
  const { t } = model;
  const available = model.referralsAvailable.value;
  if (!available) {
    return (
      <section class="card" id="referrals" aria-labelledby="referrals-title">
        <h2 id="referrals-title">{t('referralsTitle')}</h2>
        {available === null ? (
          <p class="status" role="status">
            {t('loading')}
          </p>
        ) : (
          <p class="empty">{t('referralsUnavailable')}</p>
        )}
      </section>
    );
  }
  const f = formatters(model.locale.value);
  return (
    <Section id="referrals" title={t('referralsTitle')} help={t('referralsHelp')} model={model} data={model.referralFunnel.value}>
      {(funnel) => {
        const steps: Array<[string, number]> = [
          [t('referralVisits'), funnel.visits],
          [t('referralClaims'), funnel.claims],
          [t('referralFirstOrders'), funnel.firstOrders],
          [t('referralApproved'), funnel.approved],
        ];
        const states: Array<[string, number]> = [
          [t('referralPendingCount'), funnel.pending],
          [t('referralFlaggedCount'), funnel.flagged],
          [t('referralVoided'), funnel.voided],
        ];
        return (
          <>
            <BarChart labels={steps.map(([label]) => label)} format={(v) => f.number(v)} series={[{ name: t('referralCount'), tone: 1, values: steps.map(([, n]) => n) }]} />
            <DataTable
              caption={t('referralFunnelCaption')}
              columns={[{ label: t('referralStep') }, { label: t('referralCount'), numeric: true }]}
              rows={[...steps, ...states].map(([label, n]) => [label, f.number(n)])}
            />
            <p class="help">{t('referralPointsPaid', { points: f.number(funnel.pointsPaid) })}</p>
            <FlaggedReferrals model={model} />
          </>
        );
      }}
    </Section>
  );
}
