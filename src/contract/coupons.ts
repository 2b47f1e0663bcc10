import { z } from 'zod/mini';
import { CustomerId, MoneyAmount, ShopRef } from './primitives';
import { Coupon } from './redemption';

/**
 * The code as the shopper typed it at checkout. The server normalises it (case, spaces, missing
 * dashes) before the lookup; anything that is not a Sadakat code is simply `coupon_not_found`.
 */
export const CouponParams = z.strictObject({ code: z.string().check(z.minLength(1), z.maxLength(40)) });

/** `POST /v1/merchant/coupons/{code}/validate`: may this code be used on this order? Changes nothing. */
export const ValidateCouponRequest = z.strictObject({
  /** The order amount the code would apply to; checked against the reward's minimum order. */
  orderAmount: z.optional(MoneyAmount),
  /**
   * The shop's customer at checkout; a code belongs to the shopper who redeemed it. For a guest,
   * send a stable id made from the hashed e-mail: a friend's referral discount is for a first
   * order, so a customer (or guest id) who already has orders here is refused with 403
   * `coupon_first_order_only`.
   */
  customerId: z.optional(CustomerId),
});
export type ValidateCouponRequest = z.infer<typeof ValidateCouponRequest>;

/**
 * A coupon as the shop's checkout sees it. A friend's referral discount (`rewardId`
 * `referral-friend`) belongs to no customer yet (`customerId: null`) and cost no points (`cost: 0`).
 */
export const MerchantCoupon = z.extend(Coupon, {
  customerId: z.nullable(CustomerId),
  cost: z.int().check(z.minimum(0)),
  /** The order the code was used on. */
  usedOrderId: z.nullable(ShopRef),
});
export type MerchantCoupon = z.infer<typeof MerchantCoupon>;

export const ValidateCouponResponse = z.object({
  coupon: MerchantCoupon,
  /**
   * What the code takes off `orderAmount`: `amount_off` → min(value, orderAmount); `percent_off` →
   * orderAmount × value / 100 rounded down to the cent. `null` without an `orderAmount` and for
   * free shipping and free products (the shop applies those by `kind` and `rewardId`).
   */
  discountAmount: z.nullable(MoneyAmount),
});
export type ValidateCouponResponse = z.infer<typeof ValidateCouponResponse>;

/**
 * `POST /v1/merchant/coupons/{code}/consume`: marks the code used on `orderId`, exactly once. The
 * same `orderId` again is a success (a retry); another order gets 409 `coupon_used`.
 */
export const ConsumeCouponRequest = z.strictObject({
  orderId: ShopRef,
  orderAmount: z.optional(MoneyAmount),
  /** As for validate; orders other than `orderId` make a friend's referral discount 403 `coupon_first_order_only`. */
  customerId: z.optional(CustomerId),
});
export type ConsumeCouponRequest = z.infer<typeof ConsumeCouponRequest>;

export const ConsumeCouponResponse = z.object({ coupon: MerchantCoupon });
export type ConsumeCouponResponse = z.infer<typeof ConsumeCouponResponse>;
