import type { Kysely } from 'kysely';
import {
  RewardConfig,
  type ConsumeCouponRequest,
  type Coupon,
  type MerchantCoupon,
  type ProgrammeConfig,
  type ValidateCouponRequest,
  type ValidateCouponResponse,
} from '../../contract';
import type { Database } from '../db/database';
import type { CouponRow, Tables } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { ApiError } from '../http/errors';
import { localize } from './localize';
import { consumeFriendCode, validateFriendCode } from './referrals/friendCodes';

const UNUSED_COUPONS_IN_SNAPSHOT = 20;
const CODE_SYMBOLS = /^[A-HJKMNP-Z2-9]{12}$/;

/**
 * A code as a shopper might type it at checkout (`7qx4 m2pd kh3a`, `7QX4M2PDKH3A`) in its canonical
 * form `7QX4-M2PD-KH3A`, or `null` when it cannot be one of ours.
 */
export function normalizeCouponCode(raw: string): string | null {
  const symbols = raw.toUpperCase().replace(/[\s-]/g, '');
  return CODE_SYMBOLS.test(symbols) ? symbols.match(/.{4}/g)!.join('-') : null;
}

export function couponExpiry(reward: RewardConfig, issuedAt: Date): string | null {
  return reward.validDays ? new Date(issuedAt.getTime() + reward.validDays * 24 * 60 * 60 * 1000).toISOString() : null;
}

/** A coupon row as the shopper sees it; the reward is the copy taken at redemption. */
export function toCoupon(row: CouponRow, locale: string, defaultLocale: string): Coupon {
  const reward = RewardConfig.parse(JSON.parse(row.reward));
  return {
    code: row.code,
    rewardId: row.reward_id,
    rewardName: localize(reward.name, locale, defaultLocale),
    kind: reward.kind,
    value: reward.value ?? null,
    minOrder: reward.minOrder ?? null,
    cost: row.cost,
    status: row.status,
    createdAt: row.created_at,
    usedAt: row.used_at,
    expiresAt: row.expires_at,
  };
}

/** The shopper's codes that still work (issued, not expired), newest first. */
export async function unusedCoupons(db: Kysely<Tables>, shopId: string, customerId: string, now: Date): Promise<CouponRow[]> {
  return db
    .selectFrom('coupons')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('customer_id', '=', customerId)
    .where('status', '=', 'issued')
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now.toISOString())]))
    .orderBy('created_at', 'desc')
    .limit(UNUSED_COUPONS_IN_SNAPSHOT)
    .execute();
}

type CouponWithCustomer = CouponRow & { customer_external_id: string };

async function findCoupon(db: Kysely<Tables>, shopId: string, rawCode: string): Promise<CouponWithCustomer> {
  const code = normalizeCouponCode(rawCode);
  const row = code
    ? await db
        .selectFrom('coupons')
        .innerJoin('customers', (join) => join.onRef('customers.shop_id', '=', 'coupons.shop_id').onRef('customers.id', '=', 'coupons.customer_id'))
        .selectAll('coupons')
        .select('customers.external_id as customer_external_id')
        .where('coupons.shop_id', '=', shopId)
        .where('coupons.code', '=', code)
        .executeTakeFirst()
    : undefined;
  if (!row) throw new ApiError('coupon_not_found', 'This shop has no such code.');
  return row;
}

function merchantCoupon(row: CouponWithCustomer, programme: ProgrammeConfig): MerchantCoupon {
  return { ...toCoupon(row, programme.defaultLocale, programme.defaultLocale), customerId: row.customer_external_id, usedOrderId: row.used_order };
}

interface Checkout {
  orderAmount?: number | undefined;
  customerId?: string | undefined;
}

/** Why a code cannot be used on this checkout, in the order a shopper would want to hear it. */
function refuse(row: CouponWithCustomer, checkout: Checkout, now: Date): ApiError | null {
  // Someone else's code tells them nothing about its state.
  if (checkout.customerId !== undefined && checkout.customerId !== row.customer_external_id) {
    return new ApiError('coupon_wrong_customer', 'This code belongs to another customer.');
  }
  if (row.status === 'void') return new ApiError('coupon_void', 'This code was cancelled.');
  if (row.status === 'used') return new ApiError('coupon_used', 'This code was already used.');
  if (row.expires_at !== null && row.expires_at <= now.toISOString()) return new ApiError('coupon_expired', 'This code has expired.');
  const reward = RewardConfig.parse(JSON.parse(row.reward));
  if (checkout.orderAmount !== undefined && reward.minOrder !== undefined && checkout.orderAmount < reward.minOrder) {
    return new ApiError('coupon_min_order', `This code needs an order of at least ${reward.minOrder}.`);
  }
  return null;
}

/**
 * What the code takes off the order: amount off up to the order amount; percent off rounded down to
 * the cent (never more than promised). Free shipping and free products have no amount here.
 */
export function discountAmount(reward: RewardConfig, orderAmount: number | undefined): number | null {
  if (orderAmount === undefined || reward.value === undefined) return null;
  const orderMinor = Math.round(orderAmount * 100);
  if (reward.kind === 'amount_off') return Math.min(Math.round(reward.value * 100), orderMinor) / 100;
  if (reward.kind === 'percent_off') return Math.floor((orderMinor * reward.value) / 100 + 1e-9) / 100;
  return null;
}

/**
 * A friend's referral discount code, when no reward coupon has the code (both use one alphabet and
 * shape, drawn at random from 31¹² values): `null` sends the caller on to the reward coupons.
 */
async function friendFallback<T>(rawCode: string, lookup: (code: string) => Promise<T | null>): Promise<T | null> {
  const code = normalizeCouponCode(rawCode);
  return code ? lookup(code) : null;
}

/** May this code be used on this checkout? Reads only. */
export async function validateCoupon(
  db: Database,
  input: { shopId: string; programme: ProgrammeConfig; code: string; checkout: ValidateCouponRequest; now: Date },
): Promise<ValidateCouponResponse> {
  const friend = await friendFallback(input.code, (code) => validateFriendCode(db, { ...input, code }));
  if (friend) return friend;
  const row = await findCoupon(db.kysely, input.shopId, input.code);
  const problem = refuse(row, input.checkout, input.now);
  if (problem) throw problem;
  const reward = RewardConfig.parse(JSON.parse(row.reward));
  return { coupon: merchantCoupon(row, input.programme), discountAmount: discountAmount(reward, input.checkout.orderAmount) };
}

/**
 * Marks the code used on one order, exactly once: a conditional write (`… WHERE status = 'issued'`)
 * that only one of any number of concurrent consumers can win. Consuming again for the same order
 * is a success (a retry); for another order it is 409 `coupon_used`.
 */
export async function consumeCoupon(
  db: Database,
  input: { shopId: string; programme: ProgrammeConfig; code: string; checkout: ConsumeCouponRequest; now: Date },
): Promise<MerchantCoupon> {
  const { shopId, checkout, now } = input;
  const friend = await friendFallback(input.code, (code) =>
    consumeFriendCode(db, { shopId, programme: input.programme, code, orderId: checkout.orderId, orderAmount: checkout.orderAmount, customerId: checkout.customerId, now }),
  );
  if (friend) return friend;
  return inTransaction(db, async (trx) => {
    const row = await findCoupon(trx, shopId, input.code);
    const isRetry = (r: CouponWithCustomer) =>
      r.status === 'used' && r.used_order === checkout.orderId && (checkout.customerId === undefined || checkout.customerId === r.customer_external_id);
    if (isRetry(row)) return merchantCoupon(row, input.programme);
    const problem = refuse(row, checkout, now);
    if (problem) throw problem;

    const at = now.toISOString();
    const { numUpdatedRows } = await trx
      .updateTable('coupons')
      .set({ status: 'used', used_at: at, used_order: checkout.orderId })
      .where('shop_id', '=', shopId)
      .where('code', '=', row.code)
      .where('status', '=', 'issued')
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
      .executeTakeFirst();
    if (numUpdatedRows === 1n) return merchantCoupon({ ...row, status: 'used', used_at: at, used_order: checkout.orderId }, input.programme);

    // Another checkout got there first: a retry of ours is fine, anything else is refused.
    const latest = await findCoupon(trx, shopId, row.code);
    if (isRetry(latest)) return merchantCoupon(latest, input.programme);
    throw refuse(latest, checkout, now) ?? new ApiError('coupon_used', 'This code was already used.');
  });
}
