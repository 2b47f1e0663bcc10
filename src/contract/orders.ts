import { z } from 'zod/mini';
import { ReferralOutcome } from './referrals';
import { Currency, CustomerId, MoneyAmount, NonNegativePoints, Points, ShopRef, Timestamp } from './primitives';

/** Who the shop says the customer is. Their `id` is the same as the customer token's `sub`. */
export const CustomerRef = z.strictObject({
  id: CustomerId,
  /** Informational, so only loosely checked: a shop's own address rules (Unicode, plus signs) always pass. */
  email: z.optional(z.string().check(z.maxLength(320), z.regex(/^[^\s@]+@[^\s@]+$/, 'an email address'))),
  name: z.optional(z.string().check(z.maxLength(200))),
});
export type CustomerRef = z.infer<typeof CustomerRef>;

/**
 * What the shop's server knew about the checkout, kept on the order for referral fraud checks
 * (same device, same address, IP velocity). Hash addresses before sending them.
 */
export const OrderContext = z.strictObject({
  ip: z.optional(z.union([z.ipv4(), z.ipv6()])),
  userAgent: z.optional(z.string().check(z.maxLength(500))),
  deviceId: z.optional(z.string().check(z.maxLength(200))),
  addressHash: z.optional(z.string().check(z.maxLength(200))),
});
export type OrderContext = z.infer<typeof OrderContext>;

export const OrderParams = z.strictObject({ orderId: ShopRef });

/**
 * `POST /v1/merchant/orders`. An order earns once, however often it is reported: the same
 * `orderId` again returns the recorded order (200); the same `orderId` with another amount,
 * currency or customer is a 409 `conflict`.
 */
export const ReportOrderRequest = z.strictObject({
  orderId: ShopRef,
  customer: CustomerRef,
  /** What earns points, in major units (`129.90`): the shop decides whether shipping and tax count. */
  amount: MoneyAmount,
  /** Must be the programme's currency. */
  currency: Currency,
  /** When the order was placed; picks the campaign that applies. Not in the future. @default now */
  createdAt: z.optional(Timestamp),
  /** The `?ref=` code the shopper arrived with (the widget exposes it); attributed by the referral programme. */
  referralCode: z.optional(z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/))),
  context: z.optional(OrderContext),
});
export type ReportOrderRequest = z.infer<typeof ReportOrderRequest>;

/** An order as recorded, with its refunds so far. */
export const OrderView = z.object({
  orderId: ShopRef,
  customerId: CustomerId,
  amount: MoneyAmount,
  refundedAmount: MoneyAmount,
  currency: Currency,
  /** Points the order earned when it was first reported. */
  pointsEarned: NonNegativePoints,
  /** Points its refunds have taken back so far. */
  pointsReversed: NonNegativePoints,
  createdAt: Timestamp,
});
export type OrderView = z.infer<typeof OrderView>;

export const ReportOrderResponse = z.object({
  order: OrderView,
  /** The customer's balance now. */
  balance: Points,
  /** What the referral programme made of the order's `referralCode` (absent without a known code). */
  referral: z.optional(ReferralOutcome),
});
export type ReportOrderResponse = z.infer<typeof ReportOrderResponse>;

/**
 * `POST /v1/merchant/orders/{orderId}/refunds`. Idempotent per `refundId`; all refunds together
 * may not exceed the order amount. After the refunds so far, the order keeps
 * `floor(pointsEarned × (amount − refunded) / amount)` points; each refund reverses the rest.
 */
export const RefundRequest = z.strictObject({
  refundId: ShopRef,
  amount: MoneyAmount.check(z.positive()),
});
export type RefundRequest = z.infer<typeof RefundRequest>;

export const RefundView = z.object({
  refundId: ShopRef,
  amount: MoneyAmount,
  pointsReversed: NonNegativePoints,
  createdAt: Timestamp,
});
export type RefundView = z.infer<typeof RefundView>;

export const RefundResponse = z.object({
  refund: RefundView,
  order: OrderView,
  /** The customer's balance now; a clawback may leave it negative (redemptions then wait). */
  balance: Points,
});
export type RefundResponse = z.infer<typeof RefundResponse>;
