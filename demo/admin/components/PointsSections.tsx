import { formatters, periodLabel } from '../format';
import type { DashboardModel } from '../model';
import { BarChart } from './BarChart';
import { DataTable } from './DataTable';
import { Section } from './Section';

export function PointsSection({ model }: { model: DashboardModel }) {
  const { t } = model;
  const locale = model.locale.value;
  const f = formatters(locale);
  return (
    <Section id="points" title={t('pointsTitle')} help={t('pointsHelp')} model={model} data={model.points.value} isEmpty={(r) => r.periods.every((p) => p.issued === 0 && p.outstanding === 0)}>
      {(report) => {
        const labels = report.periods.map((p) => periodLabel(p.label, locale));
        const last = report.periods[report.periods.length - 1];
        return (
          <>
            {last ? (
              <p class="headline">
                <span class="headline__value">{f.number(last.outstanding)}</span> <span>{t('outstanding')}</span>
              </p>
            ) : null}
            <BarChart
              labels={labels}
              format={(v) => f.number(v)}
              series={[
                { name: t('issued'), tone: 1, values: report.periods.map((p) => p.issued) },
                { name: t('redeemed'), tone: 2, values: report.periods.map((p) => p.redeemed) },
                { name: t('reversed'), tone: 3, values: report.periods.map((p) => p.reversed) },
              ]}
            />
            <DataTable
              caption={t('pointsTitle')}
              columns={[{ label: t('period') }, { label: t('issued'), numeric: true }, { label: t('redeemed'), numeric: true }, { label: t('reversed'), numeric: true }, { label: t('outstanding'), numeric: true }]}
              rows={report.periods.map((p, i) => [labels[i], f.number(p.issued), f.number(p.redeemed), f.number(p.reversed), f.number(p.outstanding)])}
            />
          </>
        );
      }}
    </Section>
  );
}

export function RewardsSection({ model }: { model: DashboardModel }) {
  const { t } = model;
  const f = formatters(model.locale.value);
  return (
    <Section id="rewards" title={t('rewardsTitle')} model={model} data={model.points.value} isEmpty={(r) => r.redemptionsByReward.length === 0}>
      {(report) => {
        const rows = report.redemptionsByReward;
        return (
          <>
            <BarChart
              labels={rows.map((r) => r.name)}
              format={(v) => f.number(v)}
              series={[
                { name: t('redemptions'), tone: 1, values: rows.map((r) => r.redemptions) },
                { name: t('used'), tone: 2, values: rows.map((r) => r.used) },
              ]}
            />
            <DataTable
              caption={t('rewardsTitle')}
              columns={[{ label: t('reward') }, { label: t('redemptions'), numeric: true }, { label: t('used'), numeric: true }, { label: t('points'), numeric: true }]}
              rows={rows.map((r) => [r.name, f.number(r.redemptions), f.number(r.used), f.number(r.points)])}
            />
          </>
        );
      }}
    </Section>
  );
}
