import { formatters, periodLabel } from '../format';
import type { DashboardModel } from '../model';
import { BarChart } from './BarChart';
import { DataTable } from './DataTable';
import { LineChart } from './LineChart';
import { Section } from './Section';

export function RepeatSection({ model }: { model: DashboardModel }) {
  const { t } = model;
  const locale = model.locale.value;
  const f = formatters(locale);
  return (
    <Section id="repeat" title={t('repeatTitle')} help={t('repeatHelp')} model={model} data={model.sales.value} isEmpty={(r) => r.periods.every((p) => p.all.buyers === 0)}>
      {(report) => {
        const labels = report.periods.map((p) => periodLabel(p.label, locale));
        return (
          <>
            <LineChart
              labels={labels}
              domain={[0, 100]}
              format={(v) => f.percent(Math.round(v))}
              series={[
                { name: t('all'), tone: 1, values: report.periods.map((p) => p.all.repeatRate) },
                { name: t('members'), tone: 2, values: report.periods.map((p) => p.members.repeatRate) },
                { name: t('nonMembers'), tone: 3, values: report.periods.map((p) => p.nonMembers.repeatRate) },
              ]}
            />
            <DataTable
              caption={t('repeatTitle')}
              columns={[{ label: t('period') }, { label: t('buyers'), numeric: true }, { label: t('repeatBuyers'), numeric: true }, { label: t('rate'), numeric: true }, { label: `${t('members')}: ${t('rate')}`, numeric: true }, { label: `${t('nonMembers')}: ${t('rate')}`, numeric: true }]}
              rows={report.periods.map((p, i) => [labels[i], f.number(p.all.buyers), f.number(p.all.repeatBuyers), f.percent(p.all.repeatRate), f.percent(p.members.repeatRate), f.percent(p.nonMembers.repeatRate)])}
            />
          </>
        );
      }}
    </Section>
  );
}

export function ValueSection({ model }: { model: DashboardModel }) {
  const { t } = model;
  const locale = model.locale.value;
  return (
    <Section id="value" title={t('valueTitle')} help={t('valueHelp')} model={model} data={model.sales.value} isEmpty={(r) => r.periods.every((p) => p.all.customersToDate === 0)}>
      {(report) => {
        const f = formatters(locale, report.currency);
        const labels = report.periods.map((p) => periodLabel(p.label, locale));
        return (
          <>
            <BarChart
              labels={labels}
              format={(v) => f.moneyShort(v)}
              series={[
                { name: t('aov'), tone: 1, values: report.periods.map((p) => p.all.averageOrderMinor) },
                { name: t('clv'), tone: 4, values: report.periods.map((p) => p.all.lifetimeValueMinor) },
              ]}
            />
            <DataTable
              caption={t('valueTitle')}
              columns={[{ label: t('period') }, { label: t('orders'), numeric: true }, { label: t('netRevenue'), numeric: true }, { label: t('aov'), numeric: true }, { label: t('clv'), numeric: true }, { label: `${t('members')}: ${t('clv')}`, numeric: true }, { label: `${t('nonMembers')}: ${t('clv')}`, numeric: true }]}
              rows={report.periods.map((p, i) => [labels[i], f.number(p.all.orders), f.money(p.all.netRevenueMinor), f.money(p.all.averageOrderMinor), f.money(p.all.lifetimeValueMinor), f.money(p.members.lifetimeValueMinor), f.money(p.nonMembers.lifetimeValueMinor)])}
            />
          </>
        );
      }}
    </Section>
  );
}
