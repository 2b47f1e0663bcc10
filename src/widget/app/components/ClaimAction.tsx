import type { EarnRule } from '../../../contract';
import { errorText } from '../errorText';
import { useI18n } from '../i18n';
import type { EarnModel } from '../models/earnModel';
import { Icon } from './Icon';

/** "Follow us on Instagram: earn 100 points": a link (or a button) that claims once. */
export function ClaimAction({ rule, earn }: { rule: Extract<EarnRule, { kind: 'action' }>; earn: EarnModel }) {
  const { t, points } = useI18n();
  const claimed = earn.claimedActions.value.has(rule.id);
  const error = earn.error.value?.id === rule.id ? earn.error.value.code : null;
  const busy = earn.pending.value === rule.id;
  const label = (
    <>
      <span class="row-text">
        <span>{rule.label}</span>
        <span class="row-hint">{t('earn.once')}</span>
      </span>
    </>
  );
  return (
    <div class="task-body">
      {claimed ? (
        <p class="row task-done">
          {label}
          <span class="chip chip-success">
            <Icon name="check" />
            {t('earn.claimed')}
          </span>
        </p>
      ) : (
        <div class="row">
          {label}
          {rule.url ? (
            <a class="button button-small" part="button" href={rule.url} target="_blank" rel="noopener noreferrer" onClick={() => earn.claimAction(rule.id)}>
              {t('earn.claim', { points: points(rule.points) })}
            </a>
          ) : (
            <button type="button" class="button button-small" part="button" disabled={busy} onClick={() => earn.claimAction(rule.id)}>
              {t('earn.claim', { points: points(rule.points) })}
            </button>
          )}
        </div>
      )}
      {error ? (
        <p class="form-error" role="alert" part="error">
          {errorText(t, error)}
        </p>
      ) : null}
    </div>
  );
}
