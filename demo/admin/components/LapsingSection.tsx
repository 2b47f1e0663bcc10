import { useSignal } from '@preact/signals';
import { formatters } from '../format';
import type { DashboardModel } from '../model';
import { DataTable } from './DataTable';
import { Section } from './Section';

export function LapsingSection({ model }: { model: DashboardModel }) {
  const { t } = model;
  const f = formatters(model.locale.value);
  const exportFailed = useSignal(false);
  return (
    <Section id="lapsing" title={t('lapsingTitle')} help={t('lapsingHelp', { days: model.lapsingDays.value })} model={model} data={model.lapsing.value}>
      {(report) => (
        <>
          <form
            class="toolbar"
            onSubmit={(event) => {
              event.preventDefault();
              void model.loadLapsing();
            }}
          >
            <label>
              {t('days')}
              <input
                type="number"
                min={1}
                max={1000}
                required
                value={model.lapsingDays.value}
                onInput={(event) => {
                  const value = Number(event.currentTarget.value);
                  if (Number.isInteger(value) && value >= 1 && value <= 1000) model.lapsingDays.value = value;
                }}
              />
            </label>
            <button type="submit" class="button">
              {t('apply')}
            </button>
            <button
              type="button"
              class="button button--primary"
              onClick={async () => {
                exportFailed.value = !(await model.exportLapsing());
              }}
            >
              {t('exportCsv')}
            </button>
          </form>
          {exportFailed.value ? (
            <p class="error" role="alert">
              {t('loadError')}
            </p>
          ) : null}
          <p class="headline">
            <span class="headline__value">{f.number(report.total)}</span> {t('lapsingTotal', { count: f.number(report.total), points: f.number(report.totalBalance) }).replace(/^\S+\s/, '')}
          </p>
          {report.customers.length === 0 ? (
            <p class="empty">{t('empty')}</p>
          ) : (
            <DataTable
              caption={t('lapsingTitle')}
              columns={[{ label: t('customer') }, { label: t('email') }, { label: t('lastOrder') }, { label: t('daysAgo'), numeric: true }, { label: t('orders'), numeric: true }, { label: t('balance'), numeric: true }]}
              rows={report.customers.map((c) => [c.name ?? c.id, c.email ?? '—', f.date(c.lastOrderAt), f.number(c.daysSinceLastOrder), f.number(c.orders), f.number(c.balance)])}
            />
          )}
        </>
      )}
    </Section>
  );
}
