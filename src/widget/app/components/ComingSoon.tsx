import { useI18n } from '../i18n';
import { Icon } from './Icon';

/** Placeholder for views that have not been built yet. */
export function ComingSoon({ onHome }: { onHome(): void }) {
  const { t } = useI18n();
  return (
    <div class="card soon">
      <Icon name="gift" class="soon-icon" />
      <h3 class="card-title">{t('soon.title')}</h3>
      <p class="card-text">{t('soon.body')}</p>
      <button type="button" class="button" part="button" onClick={onHome}>
        {t('soon.home')}
      </button>
    </div>
  );
}
