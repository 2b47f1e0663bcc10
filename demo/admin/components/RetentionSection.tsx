import type { RetentionFigures } from '../../../src/contract';
import { formatters, periodLabel } from '../format';
import type { DashboardModel } from '../model';
import { DataTable } from './DataTable';
import { LineChart } from './LineChart';
import { Section } from './Section';

export function RetentionSection({ model }: { model: DashboardModel }) {
  const { t } = model;
  const locale = model.locale.value;
  const f = formatters(locale);
  const data = model.retention.value;
  const cells = (x: RetentionFigures) => [f.number(x.s), f.number(x.e), f.number(x.n), x.rate === null ? <abbr title={t('noRate')}>—</abbr> : f.percent(x.rate)];
  return (
    <Section
      id="retention"
      title={t('retentionTitle')}
      help={t('retentionHelp', { days: data.state === 'ready' ? data.data.activeDays : 90 })}
      model={model}
      data={data}
      isEmpty={(r) => r.periods.every((p) => p.all.s === 0 && p.all.e === 0)}
    >
      {(report) => {
        const labels = report.periods.map((p) => periodLabel(p.label, locale));
        return (
          <>
            <LineChart
              labels={labels}
              domain={[0, 100]}
              format={(v) => f.percent(Math.round(v))}
              series={[
                { name: t('all'), tone: 1, values: report.periods.map((p) => p.all.rate) },
                { name: t('members'), tone: 2, values: report.periods.map((p) => p.members.rate) },
                { name: t('nonMembers'), tone: 3, values: report.periods.map((p) => p.nonMembers.rate) },
              ]}
            />
            <DataTable
              caption={t('retentionTitle')}
              columns={[
                { label: t('period') },
                ...(['all', 'members', 'nonMembers'] as const).flatMap((segment) => [
                  { label: `${t(segment)}: S`, numeric: true },
                  { label: `${t(segment)}: E`, numeric: true },
                  { label: `${t(segment)}: N`, numeric: true },
                  { label: `${t(segment)}: ${t('rate')}`, numeric: true },
                ]),
              ]}
              rows={report.periods.map((p, i) => [labels[i], ...cells(p.all), ...cells(p.members), ...cells(p.nonMembers)])}
            />
          </>
        );
      }}
    </Section>
  );
}
