import { useI18n } from '../i18n';
import type { ToastModel } from '../models/toastModel';
import { Icon } from './Icon';

/** A small note by the launcher when points arrive; the live region is always there so it is announced. */
export function PointsToast({ toast }: { toast: ToastModel }) {
  const { t, points } = useI18n();
  const gained = toast.gained.value;
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {gained ? (
        <p class="toast">
          <Icon name="star" />
          <span>{t('toast.earned', { amount: points(gained, true) })}</span>
          <button type="button" class="icon-button" aria-label={t('panel.close')} onClick={() => toast.dismiss()}>
            <Icon name="close" />
          </button>
        </p>
      ) : null}
    </div>
  );
}
