import { z } from 'zod/mini';
import { CustomerId, MoneyAmount, NonNegativePoints, SafeUrl, ShopRef, Timestamp } from './primitives';
import { CouponCode } from './redemption';

// The referral programme ("refer and earn"). Fraud rules and timing are documented in the README's
// "Referrals" section; the short form is repeated on each field so the OpenAPI document carries it.

/**
 * A shopper's personal code: 8 symbols from an unambiguous alphabet (no 0/O, 1/I/L), random,
 * never derived from the customer id. Case-insensitive on the way in, upper case at rest.
 */
export const REFERRAL_CODE_PATTERN = /^[A-HJKMNP-Z2-9]{8}$/;
export const ReferralCode = z.string().check(
  z.regex(/^[A-Za-z0-9]{8}$/, '8 letters and digits'),
  z.overwrite((code) => code.toUpperCase()),
  z.regex(REFERRAL_CODE_PATTERN, 'not a referral code'),
);

/** What the friend gets: a one-time discount code, one per normalised e-mail. */
export const FriendReward = z.strictObject({
  kind: z.enum(['percent_off', 'amount_off', 'free_shipping']),
  /** Percent (1–100) or amount off in the programme's currency; absent for free shipping. */
  value: z.optional(z.number().check(z.positive(), z.maximum(100_000))),
  minOrder: z.optional(MoneyAmount),
  /** Days the friend's code stays valid. @default 30 */
  validDays: z.optional(z.int().check(z.minimum(1), z.maximum(365))),
});
export type FriendReward = z.infer<typeof FriendReward>;

/**
 * `ProgrammeConfig.referrals`: the merchant's referral policy. The advocate's points come from the
 * programme's `referral` earn rule; without that rule (or at 0 points) nobody is paid.
 */
export const ReferralPolicy = z.strictObject({
  friendReward: z.optional(FriendReward),
  /** Days a referral waits before the advocate is paid; a refund in this time voids it. @default 14 */
  holdDays: z.optional(z.int().check(z.minimum(0), z.maximum(365))),
  /** More referred orders than this from one IP or one device within 7 days are flagged, not paid. @default 3 */
  maxPerWeekPerIpOrDevice: z.optional(z.int().check(z.minimum(1), z.maximum(10_000))),
  /** A refund after the advocate was paid: `reverse` takes the points back, `keep` leaves them. @default 'reverse' */
  afterPayoutRefund: z.optional(z.enum(['reverse', 'keep'])),
  /** The page the shared link opens. @default the page the shopper shares from (its origin) */
  landingUrl: z.optional(SafeUrl),
});
export type ReferralPolicy = z.infer<typeof ReferralPolicy>;

/** The friend's offer as the storefront shows it. */
export const FriendOffer = z.object({
  kind: z.enum(['percent_off', 'amount_off', 'free_shipping']),
  value: z.nullable(z.number()),
  minOrder: z.nullable(MoneyAmount),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
});
export type FriendOffer = z.infer<typeof FriendOffer>;

export const ReferralCodeParams = z.strictObject({ code: ReferralCode });

/** `GET /v1/referral-codes/{code}`: whose code it is (first name only) and what the friend gets. */
export const ReferralLookup = z.object({
  code: ReferralCode,
  /** The advocate's first name, or `null` when the shop never told us their name. */
  advocateFirstName: z.nullable(z.string().check(z.maxLength(100))),
  friendOffer: z.nullable(FriendOffer),
});
export type ReferralLookup = z.infer<typeof ReferralLookup>;

/** `POST /v1/referral-visits`: a visitor landed with the code; counted once per visitor and code. */
export const ReferralVisitRequest = z.strictObject({
  code: ReferralCode,
  /** A random id the widget keeps first-party for this browser. */
  visitorId: z.uuid(),
});
export type ReferralVisitRequest = z.infer<typeof ReferralVisitRequest>;
export const ReferralVisitAck = z.object({ recorded: z.boolean() });

/** `POST /v1/referral-claims`: the friend's discount code, one per normalised e-mail address. */
export const ReferralClaimRequest = z.strictObject({
  code: ReferralCode,
  email: z.string().check(z.trim(), z.maxLength(320), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an email address')),
});
export type ReferralClaimRequest = z.infer<typeof ReferralClaimRequest>;

export const ReferralClaimResponse = z.object({
  discountCode: CouponCode,
  friendOffer: FriendOffer,
  expiresAt: z.nullable(Timestamp),
});
export type ReferralClaimResponse = z.infer<typeof ReferralClaimResponse>;

/** What the shopper sees about their own referrals. */
export const ReferralStats = z.object({
  /** Distinct visitors who opened the link. */
  visits: NonNegativePoints,
  /** Friends who claimed their discount code. */
  claims: NonNegativePoints,
  /** Friends' first orders attributed to the code (whatever became of them). */
  orders: NonNegativePoints,
  /** Referrals waiting (hold period or review). */
  pending: NonNegativePoints,
  /** Referrals paid. */
  approved: NonNegativePoints,
  pointsEarned: NonNegativePoints,
});
export type ReferralStats = z.infer<typeof ReferralStats>;

/** The `ref` in `?ref=CODE`: the widget's `referral.param` option, 1–32 characters. @default 'ref' */
export const ReferralParam = z.string().check(z.minLength(1), z.maxLength(32));

/** `https://shop.example` as `location.origin` spells it: http(s), no path, query or trailing slash. */
export const PageOrigin = z.string().check(
  z.maxLength(200),
  z.refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'an http(s) origin such as https://shop.example'),
);

/**
 * `GET /v1/referral`'s query beyond `shop` and `locale`: where the shopper shares from, so that the
 * server encodes in the QR code the very link the widget shows (see `referralLink`). `origin` is
 * required when the programme has no `landingUrl` (400 `validation_failed` otherwise); the widget
 * always sends both. (The route extends `BootQuery` with these in referralRoutes.ts.)
 */
export const MyReferralQueryFields = {
  /** The page's `location.origin`: the link's base when the programme has no landing page. */
  origin: z.optional(PageOrigin),
  /** @default 'ref' */
  param: z.optional(ReferralParam),
};

/**
 * The shopper's referral link: the landing page (the programme's `landingUrl`, else the page's
 * origin + `/`) with the code in the `param` query parameter (WHATWG `URLSearchParams.set`).
 * Part of the contract because the QR code of `GET /v1/referral` must encode exactly this string.
 */
export function referralLink(landingUrl: string, param: string, code: string): string {
  const url = new URL(landingUrl);
  url.searchParams.set(param, code);
  return url.href;
}

/**
 * The QR code's dark modules as one SVG path: for each row `y` (top to bottom) and each horizontal
 * run of dark modules starting at column `x` and `n` modules long, `M{x} {y}h{n}v1h-{n}z`, in
 * decimal without leading zeros, nothing else (no spaces between runs). Module (0, 0) is the top
 * left of the finder pattern: no quiet zone (the widget draws one). The strict grammar and the cap
 * mean the widget never puts anything else into its `<path d>`; the cap fits any version-40 code.
 */
export const QR_PATH_PATTERN = /^(?:M(?:0|[1-9]\d{0,2}) (?:0|[1-9]\d{0,2})h([1-9]\d{0,2})v1h-\1z)*$/;
export const QR_PATH_MAX_LENGTH = 262_144;
export const ReferralQr = z.object({
  /** Modules per side without the quiet zone: 21 (version 1) to 177 (version 40), 4 × version + 17. */
  size: z.int().check(
    z.minimum(21),
    z.maximum(177),
    z.refine((size) => (size - 17) % 4 === 0, 'a QR size: 4 × version + 17'),
  ),
  path: z.string().check(z.maxLength(QR_PATH_MAX_LENGTH), z.regex(QR_PATH_PATTERN, 'QR modules as M{x} {y}h{n}v1h-{n}z runs')),
});
export type ReferralQr = z.infer<typeof ReferralQr>;

/** `GET /v1/referral`: the signed-in shopper's code (created on first call), offers and stats. */
export const MyReferral = z.object({
  code: ReferralCode,
  landingUrl: z.nullable(SafeUrl),
  /**
   * The referral link (`referralLink` of the landing page, or of the query's `origin`, with the
   * query's `param`) as a QR code, error correction level M, byte mode. Required: the widget draws
   * it as it is and has no encoder of its own.
   */
  qr: ReferralQr,
  /** Points the shopper earns per approved referral. */
  advocatePoints: NonNegativePoints,
  friendOffer: z.nullable(FriendOffer),
  holdDays: z.int().check(z.minimum(0)),
  stats: ReferralStats,
});
export type MyReferral = z.infer<typeof MyReferral>;

export const ReferralState = z.enum(['pending', 'approved', 'flagged', 'voided']);
export type ReferralState = z.infer<typeof ReferralState>;

/** Why a referral is flagged or voided (`null` while pending or when approved normally). */
export const ReferralReason = z.enum([
  'self_same_customer',
  'self_same_email',
  'self_same_address',
  'not_new_customer',
  'velocity',
  'refunded_during_hold',
  'refunded_after_payout',
  'approved_by_merchant',
  'voided_by_merchant',
]);
export type ReferralReason = z.infer<typeof ReferralReason>;

/** What attribution made of an order reported with a code (on `POST /v1/merchant/orders`). */
export const ReferralOutcome = z.object({
  id: z.string(),
  state: ReferralState,
  reason: z.nullable(ReferralReason),
  /** When the advocate is paid if nothing goes wrong (pending only). */
  holdUntil: z.nullable(Timestamp),
});
export type ReferralOutcome = z.infer<typeof ReferralOutcome>;

export const MerchantReferral = z.object({
  id: z.string(),
  code: ReferralCode,
  state: ReferralState,
  reason: z.nullable(ReferralReason),
  advocateId: CustomerId,
  friendId: CustomerId,
  orderId: ShopRef,
  /** Points paid (or to be paid) to the advocate. */
  points: NonNegativePoints,
  holdUntil: Timestamp,
  createdAt: Timestamp,
  decidedAt: z.nullable(Timestamp),
  paidAt: z.nullable(Timestamp),
});
export type MerchantReferral = z.infer<typeof MerchantReferral>;

export const ReferralListQuery = z.strictObject({
  state: z.optional(ReferralState),
  /** @default 50 */
  limit: z.optional(z.string().check(z.regex(/^([1-9]\d?|[1-4]\d\d|500)$/, '1–500'))),
});
export type ReferralListQuery = z.infer<typeof ReferralListQuery>;
export const ReferralList = z.object({ referrals: z.array(MerchantReferral) });
export type ReferralList = z.infer<typeof ReferralList>;

export const ReferralParams = z.strictObject({ referralId: z.string().check(z.minLength(1), z.maxLength(100)) });

const Count = z.int().check(z.minimum(0));
export const ReferralFunnelQuery = z.strictObject({
  from: z.optional(z.iso.date()),
  to: z.optional(z.iso.date()),
});
export type ReferralFunnelQuery = z.infer<typeof ReferralFunnelQuery>;

/** `GET /v1/merchant/referrals/funnel`: each step over `[from, to]` (UTC days; all time without them). */
export const ReferralFunnel = z.object({
  from: z.nullable(z.iso.date()),
  to: z.nullable(z.iso.date()),
  /** Distinct (visitor, code) landings. */
  visits: Count,
  /** Friend discount codes claimed. */
  claims: Count,
  /** New customers' first orders reported with a code (self-referrals and existing customers excluded). */
  firstOrders: Count,
  pending: Count,
  approved: Count,
  flagged: Count,
  voided: Count,
  /** Points paid to advocates, net of reversals. */
  pointsPaid: z.int(),
});
export type ReferralFunnel = z.infer<typeof ReferralFunnel>;
