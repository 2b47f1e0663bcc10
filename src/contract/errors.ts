import { z } from 'zod/mini';

/**
 * Stable error codes. Clients map codes to their own messages; `message` is for developers and
 * never contains stack traces, SQL, file paths or versions.
 */
export const ErrorCode = z.enum([
  'bad_request',
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'unknown_shop',
  'origin_not_allowed',
  'conflict',
  'payload_too_large',
  'rate_limited',
  'internal',
  // Redemptions and coupons.
  'reward_not_found',
  'insufficient_points',
  'price_changed',
  'tier_required',
  'idempotency_key_required',
  'idempotency_key_reused',
  'idempotency_key_in_use',
  // Surveys.
  'survey_not_found',
  'survey_already_answered',
  // Loyalty: coupons at checkout.
  'coupon_not_found',
  'coupon_used',
  'coupon_void',
  'coupon_expired',
  'coupon_min_order',
  'coupon_wrong_customer',
  /** A friend's referral discount is for a first order: this customer already ordered at the shop. */
  'coupon_first_order_only',
  // Orders, earning and claims.
  'customer_not_found',
  'order_not_found',
  'refund_exceeds_order',
  'earn_rule_not_found',
  'action_not_found',
  'already_claimed',
  'birthday_already_set',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldIssue = z.object({
  /** Dotted path of the offending field, e.g. `rewards.0.cost`. */
  path: z.string(),
  message: z.string(),
});

export const ErrorEnvelope = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    requestId: z.string(),
    fields: z.optional(z.array(FieldIssue)),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
export type FieldIssue = z.infer<typeof FieldIssue>;
