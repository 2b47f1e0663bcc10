import { z } from 'zod/mini';
import { DisplayText, Id, MoneyAmount, Points, Timestamp } from './primitives';

/** `Idempotency-Key` header: the client's random key for one redemption attempt (a UUID is ideal). */
export const IdempotencyKey = z.string().check(z.minLength(8), z.maxLength(255), z.regex(/^[\x21-\x7e]+$/));

export const RedeemRequest = z.strictObject({
  rewardId: Id,
  /**
   * The cost the shopper was shown. When present and the reward now costs something else, the
   * server answers 409 `price_changed` and debits nothing, so nobody pays a price they did not see.
   * Optional so clients that do not send it keep working (they pay the current cost).
   */
  expectedCost: z.optional(z.int().check(z.positive())),
});
export type RedeemRequest = z.infer<typeof RedeemRequest>;

/** Codes use an unambiguous alphabet (no 0/O, 1/I/L) in groups of four: `7QX4-M2PD-KH3A`. */
export const CouponCode = z.string().check(z.regex(/^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){2}$/));

export const Coupon = z.object({
  code: CouponCode,
  rewardId: Id,
  rewardName: DisplayText,
  kind: z.enum(['amount_off', 'percent_off', 'free_shipping', 'free_product']),
  value: z.nullable(z.number()),
  minOrder: z.nullable(MoneyAmount),
  cost: z.int().check(z.positive()),
  status: z.enum(['issued', 'used', 'void']),
  createdAt: Timestamp,
  usedAt: z.nullable(Timestamp),
  /** When the code stops working (the reward's `validDays`); absent or `null`: it does not expire. */
  expiresAt: z.optional(z.nullable(Timestamp)),
});
export type Coupon = z.infer<typeof Coupon>;

export const RedeemResponse = z.object({
  coupon: Coupon,
  /** The shopper's balance right after the debit. */
  balance: Points,
});
export type RedeemResponse = z.infer<typeof RedeemResponse>;
