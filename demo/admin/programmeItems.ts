import type { ProgrammeConfig } from '../../src/contract';

// Starting points for items the merchant adds in the programme editor: valid as they stand, so
// an added item can be saved at once and then edited. Names are written in both languages, as
// shop-authored texts are.

type EarnRule = ProgrammeConfig['earnRules'][number];
type Reward = ProgrammeConfig['rewards'][number];
type Tier = ProgrammeConfig['tiers'][number];
type Campaign = ProgrammeConfig['campaigns'][number];
export type EarnRuleKind = EarnRule['kind'];
export type RewardKind = Reward['kind'];

export const REWARD_KINDS: readonly RewardKind[] = ['amount_off', 'percent_off', 'free_shipping', 'free_product'];
const EARN_RULE_KINDS: readonly EarnRuleKind[] = ['order', 'signup', 'birthday', 'action', 'survey', 'review', 'referral'];
const DAY = 24 * 60 * 60 * 1000;

/** The first `prefix-n` no item has yet, with its `n`. */
function freshId(prefix: string, taken: readonly { id: string }[]): { id: string; n: number } {
  let n = taken.length + 1;
  while (taken.some((item) => item.id === `${prefix}-${n}`)) n++;
  return { id: `${prefix}-${n}`, n };
}

/** Kinds a new rule may have: every kind but those the contract allows once and the programme has. */
export function addableRuleKinds(rules: readonly EarnRule[]): EarnRuleKind[] {
  return EARN_RULE_KINDS.filter((kind) => kind === 'action' || !rules.some((rule) => rule.kind === kind));
}

export function newEarnRule(kind: EarnRuleKind, rules: readonly EarnRule[]): EarnRule {
  if (kind === 'order') return { kind, id: rules.some((rule) => rule.id === 'order') ? freshId('order', rules).id : 'order', pointsPerUnit: 1 };
  if (kind === 'action') {
    const { id, n } = freshId('eylem', rules);
    return { kind, id, points: 50, label: { tr: `Yeni eylem ${n}`, en: `New action ${n}` } };
  }
  return { kind, id: rules.some((rule) => rule.id === kind) ? freshId(kind, rules).id : kind, points: 50 };
}

export function newReward(kind: RewardKind, rewards: readonly Reward[]): Reward {
  const { id, n } = freshId('odul', rewards);
  const value = kind === 'amount_off' ? { value: 25 } : kind === 'percent_off' ? { value: 10 } : {};
  return { id, kind, name: { tr: `Yeni ödül ${n}`, en: `New reward ${n}` }, cost: 500, ...value };
}

/** A tier above the highest so far (thresholds must differ), with no extra multiplier yet. */
export function newTier(tiers: readonly Tier[]): Tier {
  const { id, n } = freshId('seviye', tiers);
  const top = tiers.reduce((max, tier) => Math.max(max, tier.threshold), 0);
  return { id, name: { tr: `Seviye ${n}`, en: `Tier ${n}` }, threshold: tiers.length === 0 ? 0 : top + 1000, multiplier: 1 };
}

/** A week of double points from the next midnight (UTC): a starting point the merchant edits. */
export function newCampaign(campaigns: readonly Campaign[]): Campaign {
  const { id, n } = freshId('kampanya', campaigns);
  const start = Math.ceil(Date.now() / DAY) * DAY;
  return {
    id,
    name: { tr: `Kampanya ${n}`, en: `Campaign ${n}` },
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 7 * DAY).toISOString(),
    multiplier: 2,
  };
}
