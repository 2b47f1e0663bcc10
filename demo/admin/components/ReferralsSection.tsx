import type { DashboardModel } from '../model';

/**
 * Flagged referrals. The referral programme's merchant API (list, approve, void) is not on every
 * server yet: the dashboard looks for its route in the server's OpenAPI document and says so
 * plainly until it is there.
 */
export function ReferralsSection({ model }: { model: DashboardModel }) {
  const { t } = model;
  return (
    <section class="card" id="referrals" aria-labelledby="referrals-title">
      <h2 id="referrals-title">{t('referralsTitle')}</h2>
      {model.referralsAvailable.value === null ? (
        <p class="status" role="status">
          {t('loading')}
        </p>
      ) : model.referralsAvailable.value ? (
        <p class="empty">{t('referralsPending')}</p>
      ) : (
        <p class="empty">{t('referralsUnavailable')}</p>
      )}
    </section>
  );
}
