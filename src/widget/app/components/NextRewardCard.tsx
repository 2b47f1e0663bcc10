import type { NextReward } from '../models/loyaltyModel';
import { useI18n } from '../i18n';
import { Icon } from './Icon';

/** The cheapest reward still out of reach, or the best one already affordable. */
export function NextRewardCard({ next, onOpen }: { next: NextReward; onOpen(): void }) {
  const { t, points } = useI18n();
  const { reward } = next;
  return (
    <section class="card" aria-labelledby="sadakat-reward-title">
      <div class="card-head">
        <h3 class="card-title" id="sadakat-reward-title">
          {t('reward.title')}
        </h3>
        <span class="chip chip-muted">{points(reward.cost)}</span>
      </div>
      <p class="reward" part="reward">
        <Icon name="gift" />
        <bdi>{reward.name}</bdi>
      </p>
      {next.affordable ? null : (
        <progress class="progress" max={1} value={next.progress} aria-label={t('reward.progress', { reward: reward.name })} />
      )}
      <p class="card-text">
        {next.affordable ? t('reward.ready', { reward: reward.name }) : t('reward.remaining', { reward: reward.name, amount: points(next.remaining) })}
      </p>
      <button type="button" class="link-button" part="button" onClick={onOpen}>
        {t('view.rewards')}
        <Icon name="chevron" class="flip-rtl" />
      </button>
    </section>
  );
}
