import { useEffect } from 'preact/hooks';
import { useI18n } from '../i18n';
import type { ActivityModel } from '../models/activityModel';
import { ErrorState } from './ErrorState';
import { LoadingState } from './LoadingState';

/** The whole history, newest first, with "show more". */
export function ActivityView({ activity }: { activity: ActivityModel }) {
  const { t, points, relative, locale } = useI18n();
  useEffect(() => {
    void activity.reload();
  }, [activity]);
  const entries = activity.entries.value;
  const error = activity.error.value;
  if (!activity.loaded.value) return error ? <ErrorState code={error} onRetry={() => activity.reload()} /> : <LoadingState />;
  const dateTime = new Intl.DateTimeFormat(locale.tag, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section class="card" aria-labelledby="sadakat-history" aria-busy={activity.loading.value}>
      <h3 class="card-title" id="sadakat-history">
        {t('activity.all')}
      </h3>
      {entries.length === 0 ? (
        <p class="card-text">{t('activity.empty')}</p>
      ) : (
        <ul class="activity">
          {entries.map((entry) => (
            <li key={entry.id} class="activity-item">
              <span class="activity-label">
                {entry.description ?? t(`activity.${entry.kind}`)}
                {entry.reference ? <span class="activity-time">{entry.kind === 'order' || entry.kind === 'refund' ? t('activity.ref', { ref: entry.reference }) : entry.reference}</span> : null}
                <time class="activity-time" dateTime={entry.createdAt} title={dateTime.format(new Date(entry.createdAt))}>
                  {relative(entry.createdAt)} · {dateTime.format(new Date(entry.createdAt))}
                </time>
              </span>
              <span class={entry.delta < 0 ? 'delta delta-minus' : 'delta delta-plus'}>{points(entry.delta, true)}</span>
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <p class="form-error" role="alert" part="error">
          {t('claim.network')}
        </p>
      ) : null}
      {activity.hasMore() ? (
        <button type="button" class="button" part="button" disabled={activity.loading.value} onClick={() => activity.more()}>
          {activity.loading.value ? t('activity.loading') : t('activity.more')}
        </button>
      ) : entries.length > 0 ? (
        <p class="row-hint">{t('activity.end')}</p>
      ) : null}
    </section>
  );
}
