import type { DashboardModel } from '../model';

export function RangeControls({ model }: { model: DashboardModel }) {
  const { t } = model;
  return (
    <form
      class="toolbar range"
      onSubmit={(event) => {
        event.preventDefault();
        void model.loadReports();
      }}
    >
      <label>
        {t('from')}
        <input type="date" required value={model.from.value} onChange={(event) => (model.from.value = event.currentTarget.value)} />
      </label>
      <label>
        {t('to')}
        <input type="date" required value={model.to.value} onChange={(event) => (model.to.value = event.currentTarget.value)} />
      </label>
      <label>
        {t('groupBy')}
        <select value={model.groupBy.value} onChange={(event) => (model.groupBy.value = event.currentTarget.value === 'quarter' ? 'quarter' : 'month')}>
          <option value="month">{t('month')}</option>
          <option value="quarter">{t('quarter')}</option>
        </select>
      </label>
      <button type="submit" class="button button--primary">
        {t('apply')}
      </button>
    </form>
  );
}
