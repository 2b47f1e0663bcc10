import { computed, createModel, effect, signal } from '@preact/signals';
import { BootResponse, type Reward, type Tier } from '../../../contract';
import type { AppContext, CoreState } from '../../core/appContext';
import { bootParser } from '../../core/bootSlice';
import type { View } from '../../core/views';

/**
 * The full contract check of a boot payload, once per payload: the core's parser (installed below)
 * and the model both ask for it when the panel starts, and a whole-contract parse is the costliest
 * step of the first open on a throttled phone. Payloads are never changed after they arrive.
 */
const checked = new WeakMap<object, ReturnType<typeof BootResponse.safeParse>>();
function checkBoot(raw: unknown): ReturnType<typeof BootResponse.safeParse> {
  if (typeof raw !== 'object' || raw === null) return BootResponse.safeParse(raw);
  let result = checked.get(raw);
  if (!result) checked.set(raw, (result = BootResponse.safeParse(raw)));
  return result;
}

/** The full contract check the panel installs in place of the page-view script's small one. */
export const parseBootResponse = bootParser({ safeParse: checkBoot });

export interface NextReward {
  reward: Reward;
  /** The shopper can redeem it now. */
  affordable: boolean;
  /** Points still missing (0 when affordable). */
  remaining: number;
  /** 0–1, balance over cost. */
  progress: number;
}

/** Rewards the shopper's tier allows (a reward's `tierId` means "this tier or above"). */
function eligible(rewards: Reward[], tiers: Tier[], currentTierId: string | null): Reward[] {
  const rank = (id: string | null | undefined) => {
    const sorted = [...tiers].sort((a, b) => a.threshold - b.threshold);
    return id ? sorted.findIndex((tier) => tier.id === id) : -1;
  };
  const mine = rank(currentTierId);
  return rewards.filter((reward) => !reward.tierId || rank(reward.tierId) <= mine);
}

/**
 * The panel's one model: wraps the core's plain store in signals, derives what the views show,
 * and exposes the actions. Components read it and hold no business logic.
 */
export const LoyaltyModel = createModel((context: AppContext) => {
  const state = signal<CoreState>(context.store.get());
  effect(() => context.store.subscribe((next) => (state.value = next)));

  /** The payload, validated against the full contract; `null` while loading or when invalid. */
  const boot = computed(() => {
    const raw = state.value.boot;
    if (raw === null) return null;
    const parsed = checkBoot(raw);
    return parsed.success ? parsed.data : null;
  });
  const programme = computed(() => boot.value?.programme ?? null);
  /** The snapshot, with the latest balance the core knows (a redemption or claim since the boot). */
  const customer = computed(() => {
    const snapshot = boot.value?.customer ?? null;
    const balance = state.value.balance;
    return snapshot && balance !== null && balance !== snapshot.balance ? { ...snapshot, balance } : snapshot;
  });
  const status = computed(() => {
    const { status: core, error } = state.value;
    if (boot.value) return customer.value ? 'customer' : 'guest';
    return core === 'error' || error ? 'error' : 'loading';
  });

  const nextReward = computed((): NextReward | null => {
    const p = programme.value;
    const c = customer.value;
    if (!p || !c) return null;
    const options = eligible(p.rewards, p.tiers, c.tier.current?.id ?? null).sort((a, b) => a.cost - b.cost);
    const affordable = options.filter((reward) => reward.cost <= c.balance);
    const reward = affordable.length ? affordable[affordable.length - 1] : options[0];
    if (!reward) return null;
    const remaining = Math.max(0, reward.cost - c.balance);
    return { reward, affordable: remaining === 0, remaining, progress: Math.min(1, Math.max(0, c.balance / reward.cost)) };
  });

  effect(() => context.setBadge(nextReward.value?.affordable ?? false));

  /** The latest change of balance (not the first balance of a shopper), for the live region. */
  const pointsChange = signal<{ balance: number; delta: number } | null>(null);
  let known: number | null = null;
  effect(() => {
    const { balance } = state.value;
    if (balance === null) {
      // A new shopper (identify, logout) or an error: the next balance is a first one again.
      known = null;
      return;
    }
    if (known !== null && balance !== known) pointsChange.value = { balance, delta: balance - known };
    known = balance;
  });
  // Said once: cleared after a while so that reopening the panel does not repeat old news.
  effect(() => {
    if (!pointsChange.value) return;
    const timer = setTimeout(() => (pointsChange.value = null), 8000);
    return () => clearTimeout(timer);
  });

  return {
    state,
    boot,
    programme,
    customer,
    status,
    nextReward,
    pointsChange,
    open: computed(() => state.value.open),
    view: computed(() => state.value.view),
    locale: computed(() => state.value.locale),
    error: computed(() => state.value.error),
    sessionRejected: computed(() => state.value.sessionRejected),
    joinUrl: computed(() => state.value.joinUrl ?? programme.value?.joinUrl ?? null),
    signInUrl: computed(() => state.value.signInUrl ?? programme.value?.signInUrl ?? null),
    close() {
      context.close();
    },
    show(view: View) {
      context.setView(view);
    },
    back() {
      context.setView('home');
    },
    retry() {
      context.refresh();
    },
  };
});
export type LoyaltyModel = InstanceType<typeof LoyaltyModel>;
