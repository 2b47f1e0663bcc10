import type { WidgetErrorCode } from '../../core/result';
import { useI18n } from '../i18n';
import { Icon } from './Icon';

/** Boot failed or the payload was invalid: say so, offer Retry, never show a number. */
export function ErrorState({ code, onRetry }: { code: WidgetErrorCode | null; onRetry(): void }) {
  const { t } = useI18n();
  const detail =
    code === 'network' || code === 'timeout' ? t('error.network') : code === 'invalid_response' ? t('error.invalid') : t('error.generic');
  return (
    <div class="card error" part="error" role="alert">
      <Icon name="alert" class="error-icon" />
      <h3 class="card-title">{t('error.title')}</h3>
      <p class="card-text">{detail}</p>
      <button type="button" class="button button-primary" part="button button-primary" onClick={onRetry}>
        {t('error.retry')}
      </button>
    </div>
  );
}
