import type { DashboardModel } from '../model';

/** The save button and what became of the last save, announced politely. */
export function SaveBar({ model, state, label }: { model: DashboardModel; state: 'idle' | 'saving' | 'saved' | 'failed'; label?: string }) {
  const { t } = model;
  return (
    <div class="actions">
      <button type="submit" class="button button--primary" disabled={state === 'saving'}>
        {state === 'saving' ? t('saving') : (label ?? t('save'))}
      </button>
      <p role="status" class={state === 'failed' ? 'error' : 'ok'}>
        {state === 'saved' ? t('saved') : state === 'failed' ? t('saveFailed') : ''}
      </p>
    </div>
  );
}
