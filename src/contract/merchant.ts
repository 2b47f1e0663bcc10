import { z } from 'zod/mini';
import { ActivityEntry, TierStatus } from './customer';
import { CustomerRef } from './orders';
import { CustomerId, MonthDay, NonNegativePoints, Points, ShopRef, Timestamp } from './primitives';
import { IdempotencyKey } from './redemption';

export const CustomerParams = z.strictObject({ customerId: CustomerId });

/**
 * `POST /v1/merchant/customers/{customerId}/adjustments`: a manual correction, as a new ledger
 * entry. Needs an idempotency key (this field or the `Idempotency-Key` header).
 */
export const AdjustmentRequest = z.strictObject({
  /** Points to add (positive) or take away (negative); never 0. */
  points: Points.check(
    z.minimum(-1_000_000_000),
    z.maximum(1_000_000_000),
    z.refine((points) => points !== 0, 'must not be 0'),
  ),
  /** Why: shown to the shopper as the entry's description. */
  reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  idempotencyKey: z.optional(IdempotencyKey),
  /** A debit may take the balance below zero only when this is set. @default false */
  allowNegative: z.optional(z.boolean()),
});
export type AdjustmentRequest = z.infer<typeof AdjustmentRequest>;

/** `POST /v1/merchant/signups`: awards the sign-up bonus, once per customer. */
export const SignupRequest = z.strictObject({ customer: CustomerRef });
export type SignupRequest = z.infer<typeof SignupRequest>;

/** `POST /v1/merchant/reviews`: awards the review bonus, once per `reviewId`. */
export const ReviewRequest = z.strictObject({
  customerId: CustomerId,
  reviewId: ShopRef,
  /** Shown to the shopper in their activity. */
  productName: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
});
export type ReviewRequest = z.infer<typeof ReviewRequest>;

/** The entry an award or adjustment wrote (the same entry again when the request is repeated). */
export const AwardResponse = z.object({
  entry: ActivityEntry,
  balance: Points,
});
export type AwardResponse = z.infer<typeof AwardResponse>;

/** A customer as the shop's server sees them. */
export const MerchantCustomer = z.object({
  id: CustomerId,
  email: z.nullable(z.string()),
  name: z.nullable(z.string()),
  balance: Points,
  lifetimeEarned: NonNegativePoints,
  tier: TierStatus,
  birthday: z.nullable(MonthDay),
  createdAt: Timestamp,
});
export type MerchantCustomer = z.infer<typeof MerchantCustomer>;
