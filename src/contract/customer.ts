import { z } from 'zod/mini';
import { DisplayText, Id, MonthDay, NonNegativePoints, Points, Timestamp } from './primitives';
import { Coupon } from './redemption';
import { TierBasis, TierRef } from './programme';

export const ActivityKind = z.enum([
  'order',
  'refund',
  'signup',
  'birthday',
  'action',
  'survey',
  'review',
  'referral',
  'redemption',
  'adjustment',
]);

/** One ledger entry as the shopper sees it. */
export const ActivityEntry = z.object({
  id: Id,
  kind: ActivityKind,
  delta: Points,
  /** The shop's reference for the entry: an order number, a coupon code. */
  reference: z.nullable(z.string().check(z.maxLength(100))),
  /** Shop-written detail, e.g. the reason for a manual adjustment or the action's label. */
  description: z.nullable(DisplayText),
  createdAt: Timestamp,
});
export type ActivityEntry = z.infer<typeof ActivityEntry>;

export const TierStatus = z.object({
  basis: TierBasis,
  /** Points earned (or amount spent) in the rolling 12-month window. */
  value: z.number().check(z.minimum(0)),
  current: z.nullable(TierRef),
  /** The next tier up and how much is still needed; `null` at the top tier. */
  next: z.nullable(z.object({ id: Id, name: DisplayText, remaining: z.number().check(z.positive()) })),
  /** Share of the way from the current tier's threshold to the next one, 0–1. */
  progress: z.number().check(z.minimum(0), z.maximum(1)),
});
export type TierStatus = z.infer<typeof TierStatus>;

/** What a signed-in shopper sees: always derived from the verified customer token, never the request body. */
export const CustomerSnapshot = z.object({
  id: Id,
  firstName: z.nullable(z.string().check(z.maxLength(100))),
  /** The sum of the shopper's ledger entries. May be negative after a refund clawback. */
  balance: Points,
  lifetimeEarned: NonNegativePoints,
  tier: TierStatus,
  recentActivity: z.array(ActivityEntry).check(z.maxLength(50)),
  // Added with the Earn and Rewards views; optional so payloads from older servers still parse.
  /** The shopper's codes that can still be used (issued, not expired), newest first. */
  coupons: z.optional(z.array(Coupon).check(z.maxLength(50))),
  /** Ids of the `action` earn rules the shopper has claimed. */
  claimedActions: z.optional(z.array(Id).check(z.maxLength(50))),
  /** The birthday the shopper entered (`MM-DD`), or `null` when they have not yet. */
  birthday: z.optional(z.nullable(MonthDay)),
});
export type CustomerSnapshot = z.infer<typeof CustomerSnapshot>;
