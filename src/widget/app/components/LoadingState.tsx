import { useI18n } from '../i18n';

/** Placeholder cards while the boot call runs (no numbers, no layout jump when they arrive). */
export function LoadingState() {
  const { t } = useI18n();
  return (
    <div class="stack" aria-busy="true">
      <p class="visually-hidden" role="status">
        {t('panel.loading')}
      </p>
      <div class="card skeleton" />
      <div class="card skeleton skeleton-short" />
      <div class="card skeleton" />
    </div>
  );
}
