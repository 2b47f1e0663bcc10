import type { ComponentChildren } from 'preact';
import type { Loadable } from '../model';
import type { DashboardModel } from '../model';

/** A titled dashboard card with a short definition and its loading/error/empty states. */
export function Section<T>({
  id,
  title,
  help,
  model,
  data,
  isEmpty,
  children,
}: {
  id: string;
  title: string;
  help?: string;
  model: DashboardModel;
  data: Loadable<T>;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ComponentChildren;
}) {
  const { t } = model;
  return (
    <section class="card" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {help ? <p class="help">{help}</p> : null}
      {data.state === 'loading' || data.state === 'idle' ? (
        <p class="status" role="status">
          {t('loading')}
        </p>
      ) : data.state === 'error' ? (
        <p class="error" role="alert">
          {t('loadError')}
        </p>
      ) : isEmpty?.(data.data) ? (
        <p class="empty">{t('empty')}</p>
      ) : (
        children(data.data)
      )}
    </section>
  );
}
