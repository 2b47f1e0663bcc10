import { computed, createModel, signal } from '@preact/signals';
import type { Coupon, Reward } from '../../../contract';
import type { AppContext } from '../../core/appContext';
import type { WidgetErrorCode } from '../../core/result';
import { newIdempotencyKey, type StorefrontApi } from '../api/storefront';
import type { LoyaltyModel } from './loyaltyModel';

export type Lock = { by: 'points'; remaining: number } | { by: 'tier'; tierName: string } | null;

export interface RewardRow {
  reward: Reward;
  /** Why the shopper cannot redeem it yet; `null` when they can. */
  lock: Lock;
}

/** A network failure (no answer) is retried once, with the same key, so the server debits once. */
const RETRYABLE: ReadonlySet<WidgetErrorCode> = new Set(['network', 'timeout']);

/** The Rewards view: what the shopper can afford, the confirmation step, redeeming, the codes. */
export const RewardsModel = createModel((context: AppContext, loyalty: LoyaltyModel, api: StorefrontApi) => {
  /** The reward waiting for "yes, redeem", as it was when the shopper asked. */
  const asked = signal<Reward | null>(null);
  /** The same reward as the latest data has it: a refresh after `price_changed` shows the new cost here. */
  const confirming = computed(() => loyalty.programme.value?.rewards.find((reward) => reward.id === asked.value?.id) ?? asked.value);
  /** The cost a `price_changed` answer refused, until the shopper asks again or cancels. */
  const refusedCost = signal<number | null>(null);
  const pending = signal(false);
  const error = signal<WidgetErrorCode | null>(null);
  /** The code just issued, shown with its copy button. */
  const issued = signal<Coupon | null>(null);
  /** Codes issued in this session, until the next boot lists them. */
  const fresh = signal<Coupon[]>([]);
  /** Bumped by `forget()`: a redemption answered after a change of shopper is not shown to the next one. */
  let generation = 0;

  const rows = computed((): RewardRow[] => {
    const programme = loyalty.programme.value;
    const customer = loyalty.customer.value;
    if (!programme) return [];
    const tiers = [...programme.tiers].sort((a, b) => a.threshold - b.threshold);
    const rank = (id: string | null | undefined) => (id ? tiers.findIndex((tier) => tier.id === id) : -1);
    const mine = rank(customer?.tier.current?.id);
    const balance = customer?.balance ?? 0;
    return [...programme.rewards]
      .sort((a, b) => a.cost - b.cost)
      .map((reward) => {
        if (reward.tierId && rank(reward.tierId) > mine) {
          return { reward, lock: { by: 'tier', tierName: tiers[rank(reward.tierId)]?.name ?? reward.tierId } };
        }
        return { reward, lock: reward.cost > balance ? { by: 'points', remaining: reward.cost - balance } : null };
      });
  });

  const coupons = computed(() => {
    const known = loyalty.customer.value?.coupons ?? [];
    const seen = new Set(known.map((coupon) => coupon.code));
    return [...fresh.value.filter((coupon) => !seen.has(coupon.code)), ...known];
  });

  return {
    rows,
    coupons,
    confirming,
    pending,
    error,
    issued,
    /** The new cost once fresh data shows one other than the refused cost; `null` until then. */
    changedCost: computed(() => {
      const cost = confirming.value?.cost;
      return error.value === 'price_changed' && cost !== undefined && cost !== refusedCost.value ? cost : null;
    }),
    ask(reward: Reward) {
      error.value = null;
      issued.value = null;
      refusedCost.value = null;
      asked.value = reward;
    },
    cancel() {
      asked.value = null;
      error.value = null;
      refusedCost.value = null;
    },
    dismissCode() {
      issued.value = null;
    },
    /** Another shopper now (identify, logout): drop the codes and the step of the previous one. */
    forget() {
      generation++;
      asked.value = null;
      refusedCost.value = null;
      pending.value = false;
      error.value = null;
      issued.value = null;
      fresh.value = [];
    },
    /** Redeems the reward being confirmed. A second call while one is running does nothing. */
    async confirm(): Promise<void> {
      const reward = confirming.value;
      if (!reward || pending.value) return;
      pending.value = true;
      error.value = null;
      const started = generation;
      try {
        // A new key per confirmation: a refused price stores nothing under the old one, but a new
        // price is a new attempt.
        const key = newIdempotencyKey();
        let result = await api.redeem(reward.id, reward.cost, key);
        if (started === generation && !result.ok && RETRYABLE.has(result.error.code)) result = await api.redeem(reward.id, reward.cost, key);
        if (started !== generation) return;
        if (!result.ok) {
          error.value = result.error.code;
          if (result.error.code === 'price_changed') {
            refusedCost.value = reward.cost;
            context.refresh();
          }
          return;
        }
        const { coupon, balance } = result.data;
        fresh.value = [coupon, ...fresh.value];
        issued.value = coupon;
        asked.value = null;
        context.setBalance(balance);
        context.emit('sadakat:redeem', { rewardId: reward.id, cost: coupon.cost, balance });
      } finally {
        if (started === generation) pending.value = false;
      }
    },
  };
});
export type RewardsModel = InstanceType<typeof RewardsModel>;
