import { useEffect, useRef } from 'preact/hooks';
import type { Reward } from '../../../contract';
import { errorText } from '../errorText';
import { useI18n } from '../i18n';
import type { RewardsModel } from '../models/rewardsModel';

/** The confirmation step: what it costs and what is left. Focus moves to its title when it opens. */
export function RedeemConfirm({ reward, balance, rewards }: { reward: Reward; balance: number; rewards: RewardsModel }) {
  const { t, points } = useI18n();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), [reward.id]);
  const pending = rewards.pending.value;
  const error = rewards.error.value;
  const changedCost = rewards.changedCost.value;
  return (
    <section class="card confirm" role="group" aria-labelledby="sadakat-confirm-title" aria-describedby="sadakat-confirm-body">
      <h3 class="card-title" id="sadakat-confirm-title" tabIndex={-1} ref={title}>
        {t('rewards.confirmTitle')}
      </h3>
      <p class="card-text" id="sadakat-confirm-body">
        {t('rewards.confirmBody', { reward: reward.name, cost: points(reward.cost), after: points(balance - reward.cost) })}
      </p>
      {error ? (
        <p class="form-error" role="alert" part="error">
          {changedCost === null ? errorText(t, error) : t('rewards.priceChangedTo', { cost: points(changedCost) })}
        </p>
      ) : null}
      <div class="confirm-actions">
        <button type="button" class="button button-primary" part="button button-primary" aria-disabled={pending} onClick={() => rewards.confirm()}>
          {pending ? t('rewards.pending') : t('rewards.confirm')}
        </button>
        <button type="button" class="button" part="button" onClick={() => rewards.cancel()}>
          {t('rewards.cancel')}
        </button>
      </div>
    </section>
  );
}
