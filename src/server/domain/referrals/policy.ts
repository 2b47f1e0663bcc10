import type { FriendOffer, FriendReward, ProgrammeConfig } from '../../../contract';
import { earnRule } from '../earning';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const VELOCITY_WINDOW_MS = 7 * DAY_MS;

/** The shop's referral policy with every default filled in (README "Referrals"). */
export function referralPolicy(programme: ProgrammeConfig) {
  const policy = programme.referrals ?? {};
  return {
    /** Points per approved referral; 0 when the programme has no `referral` earn rule. */
    advocatePoints: earnRule(programme, 'referral')?.points ?? 0,
    friendReward: policy.friendReward ?? null,
    holdDays: policy.holdDays ?? 14,
    maxPerWeek: policy.maxPerWeekPerIpOrDevice ?? 3,
    afterPayoutRefund: policy.afterPayoutRefund ?? 'reverse',
    landingUrl: policy.landingUrl ?? null,
  };
}

export function friendOffer(reward: FriendReward | null, programme: ProgrammeConfig): FriendOffer | null {
  if (!reward) return null;
  return { kind: reward.kind, value: reward.value ?? null, minOrder: reward.minOrder ?? null, currency: programme.currency };
}
