import type { ActivityEntry } from '../../../contract';
import { useI18n } from '../i18n';

/** The three latest ledger entries. */
export function ActivityPreview({ entries }: { entries: ActivityEntry[] }) {
  const { t, points, relative } = useI18n();
  const latest = [...entries].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).slice(0, 3);
  return (
    <section class="card" aria-labelledby="sadakat-activity-title">
      <h3 class="card-title" id="sadakat-activity-title">
        {t('activity.title')}
      </h3>
      {latest.length === 0 ? (
        <p class="card-text">{t('activity.empty')}</p>
      ) : (
        <ul class="activity">
          {latest.map((entry) => (
            <li key={entry.id} class="activity-item">
              <span class="activity-label">
                {entry.description ? <bdi>{entry.description}</bdi> : t(`activity.${entry.kind}`)}
                <time class="activity-time" dateTime={entry.createdAt}>
                  {relative(entry.createdAt)}
                </time>
              </span>
              <span class={entry.delta < 0 ? 'delta delta-minus' : 'delta delta-plus'}>{points(entry.delta, true)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
