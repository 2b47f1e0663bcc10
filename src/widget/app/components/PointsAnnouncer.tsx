import type { LoyaltyModel } from '../models/loyaltyModel';
import { useI18n } from '../i18n';

/**
 * A polite live region that reads out a change of balance ("Bakiyen güncellendi: 2.500 puan
 * (+50 puan)."). The App renders two: one inside the dialog and one outside it, because an open
 * modal dialog makes everything outside it inert (and an inert region is never read), while a
 * closed dialog is not rendered at all. Only the one that can be heard carries the text.
 * `toastShown`: the points toast by the launcher, a live region itself, already says a gain.
 */
export function PointsAnnouncer({ model, inDialog, toastShown = false }: { model: LoyaltyModel; inDialog: boolean; toastShown?: boolean }) {
  const { t, points } = useI18n();
  const change = model.pointsChange.value;
  const audible = model.open.value === inDialog && !(toastShown && change && change.delta > 0);
  return (
    <p class={inDialog ? 'visually-hidden' : 'visually-hidden live-outside'} role="status">
      {audible && change ? t('points.changed', { balance: points(change.balance), delta: points(change.delta, true) }) : ''}
    </p>
  );
}
