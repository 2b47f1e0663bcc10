import { formatters } from '../format';
import type { DashboardModel } from '../model';
import { DataTable } from './DataTable';

/** Referrals held back by the velocity rule: who, which order, and the merchant's decision. */
export function FlaggedReferrals({ model }: { model: DashboardModel }) {
  const { t } = model;
  const f = formatters(model.locale.value);
  const flagged = model.flaggedReferrals.value;
  const decision = model.referralDecision.value;
  const busy = decision?.state === 'busy';
  return (
    <div class="flagged" aria-labelledby="flagged-title" role="group">
      <h3 id="flagged-title">{t('flaggedTitle')}</h3>
      <p class="help">{t('flaggedHelp')}</p>
      {/* Always present, so the outcome of a decision is announced; not `.status` (that means "still loading"). */}
      <p class={decision?.state === 'failed' ? 'error' : 'decision-status'} role="status">
        {decision?.state === 'done' ? t(decision.action === 'approve' ? 'referralApprovedDone' : 'referralVoidedDone') : decision?.state === 'failed' ? t('referralDecisionFailed') : ''}
      </p>
      {flagged.state !== 'ready' ? (
        <p class={flagged.state === 'error' ? 'error' : 'status'}>{flagged.state === 'error' ? t('loadError') : t('loading')}</p>
      ) : flagged.data.referrals.length === 0 ? (
        <p class="empty">{t('flaggedNone')}</p>
      ) : (
        <DataTable
          caption={t('flaggedCaption')}
          columns={[{ label: t('referralOrder') }, { label: t('referralDate') }, { label: t('referralAdvocate') }, { label: t('referralFriend') }, { label: t('referralActions') }]}
          rows={flagged.data.referrals.map((referral) => [
            `#${referral.orderId}`,
            f.date(referral.createdAt),
            referral.advocateId,
            referral.friendId,
            <span class="actions" key="actions">
              <button type="button" class="button" aria-disabled={busy ? 'true' : undefined} aria-label={t('approveLabel', { order: referral.orderId })} onClick={() => !busy && void model.decideReferral(referral.id, 'approve')}>
                {t('approve')}
              </button>{' '}
              <button type="button" class="button" aria-disabled={busy ? 'true' : undefined} aria-label={t('voidLabel', { order: referral.orderId })} onClick={() => !busy && void model.decideReferral(referral.id, 'void')}>
                {t('voidReferral')}
              </button>
            </span>,
          ])}
        />
      )}
    </div>
  );
}
