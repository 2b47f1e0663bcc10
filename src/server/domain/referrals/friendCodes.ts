import type { Kysely } from 'kysely';
import { FriendReward, type MerchantCoupon, type ProgrammeConfig, type ValidateCouponRequest, type ValidateCouponResponse } from '../../../contract';
import type { Database } from '../../db/database';
import type { ReferralClaimRow, Tables } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { ApiError } from '../../http/errors';
import { localize } from '../localize';

// A friend's referral discount code works at the same checkout call as reward coupons
// (`/v1/merchant/coupons/{code}/validate|consume`): the shop has one code field, and Sadakat tells
// the two apart. These run only when no reward coupon has the code.

const FRIEND_REWARD_NAME = { tr: 'Arkadaş daveti indirimi', en: 'Friend referral discount' };
export const FRIEND_REWARD_ID = 'referral-friend';

async function findFriendCode(db: Kysely<Tables>, shopId: string, code: string): Promise<ReferralClaimRow | undefined> {
  return db.selectFrom('referral_claims').selectAll().where('shop_id', '=', shopId).where('discount_code', '=', code).executeTakeFirst();
}

function view(row: ReferralClaimRow, programme: ProgrammeConfig): MerchantCoupon {
  const reward = FriendReward.parse(JSON.parse(row.reward));
  return {
    code: row.discount_code,
    rewardId: FRIEND_REWARD_ID,
    rewardName: localize(FRIEND_REWARD_NAME, programme.defaultLocale, programme.defaultLocale),
    kind: reward.kind,
    value: reward.value ?? null,
    minOrder: reward.minOrder ?? null,
    cost: 0,
    status: row.status,
    createdAt: row.created_at,
    usedAt: row.used_at,
    expiresAt: row.expires_at,
    customerId: null,
    usedOrderId: row.used_order,
  };
}

/**
 * Whether the customer at checkout already has an order at this shop other than `orderId` (the one
 * the code is being used on, when the shop reported it before consuming). A guest checkout keyed by
 * a hashed e-mail is just another customer id here, so it is held to the same rule.
 */
async function hasOrdered(db: Kysely<Tables>, shopId: string, customerId: string, orderId: string | undefined): Promise<boolean> {
  let query = db
    .selectFrom('orders')
    .innerJoin('customers', (join) => join.onRef('customers.shop_id', '=', 'orders.shop_id').onRef('customers.id', '=', 'orders.customer_id'))
    .select('orders.id')
    .where('orders.shop_id', '=', shopId)
    .where('customers.external_id', '=', customerId);
  if (orderId !== undefined) query = query.where('orders.external_id', '!=', orderId);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

/** The friend's discount is for a first order: a customer who already ordered here is refused. */
async function refuseReturningCustomer(db: Kysely<Tables>, shopId: string, customerId: string | undefined, orderId?: string): Promise<void> {
  if (customerId !== undefined && (await hasOrdered(db, shopId, customerId, orderId))) {
    throw new ApiError('coupon_first_order_only', 'This code is for a first order; this customer has ordered here before.');
  }
}

function refuse(row: ReferralClaimRow, orderAmount: number | undefined, now: Date): ApiError | null {
  if (row.status === 'void') return new ApiError('coupon_void', 'This code was cancelled.');
  if (row.status === 'used') return new ApiError('coupon_used', 'This code was already used.');
  if (row.expires_at !== null && row.expires_at <= now.toISOString()) return new ApiError('coupon_expired', 'This code has expired.');
  const reward = FriendReward.parse(JSON.parse(row.reward));
  if (orderAmount !== undefined && reward.minOrder !== undefined && orderAmount < reward.minOrder) {
    return new ApiError('coupon_min_order', `This code needs an order of at least ${reward.minOrder}.`);
  }
  return null;
}

function discount(row: ReferralClaimRow, orderAmount: number | undefined): number | null {
  const reward = FriendReward.parse(JSON.parse(row.reward));
  if (orderAmount === undefined || reward.value === undefined) return null;
  const orderMinor = Math.round(orderAmount * 100);
  if (reward.kind === 'amount_off') return Math.min(Math.round(reward.value * 100), orderMinor) / 100;
  if (reward.kind === 'percent_off') return Math.floor((orderMinor * reward.value) / 100 + 1e-9) / 100;
  return null;
}

/** `null` when the code is not a friend's code either (the caller answers `coupon_not_found`). */
export async function validateFriendCode(
  db: Database,
  input: { shopId: string; programme: ProgrammeConfig; code: string; checkout: ValidateCouponRequest; now: Date },
): Promise<ValidateCouponResponse | null> {
  const row = await findFriendCode(db.kysely, input.shopId, input.code);
  if (!row) return null;
  const problem = refuse(row, input.checkout.orderAmount, input.now);
  if (problem) throw problem;
  await refuseReturningCustomer(db.kysely, input.shopId, input.checkout.customerId);
  return { coupon: view(row, input.programme), discountAmount: discount(row, input.checkout.orderAmount) };
}

/** Uses a friend's code on one order, exactly once (conditional write); the same order again is a success. */
export async function consumeFriendCode(
  db: Database,
  input: {
    shopId: string;
    programme: ProgrammeConfig;
    code: string;
    orderId: string;
    orderAmount?: number | undefined;
    customerId?: string | undefined;
    now: Date;
  },
): Promise<MerchantCoupon | null> {
  const { shopId, now } = input;
  return inTransaction(db, async (trx) => {
    const row = await findFriendCode(trx, shopId, input.code);
    if (!row) return null;
    if (row.status === 'used' && row.used_order === input.orderId) return view(row, input.programme);
    const problem = refuse(row, input.orderAmount, now);
    if (problem) throw problem;
    await refuseReturningCustomer(trx, shopId, input.customerId, input.orderId);
    const at = now.toISOString();
    const { numUpdatedRows } = await trx
      .updateTable('referral_claims')
      .set({ status: 'used', used_at: at, used_order: input.orderId })
      .where('shop_id', '=', shopId)
      .where('discount_code', '=', row.discount_code)
      .where('status', '=', 'issued')
      .executeTakeFirst();
    if (numUpdatedRows !== 1n) {
      const latest = (await findFriendCode(trx, shopId, input.code))!;
      if (latest.status === 'used' && latest.used_order === input.orderId) return view(latest, input.programme);
      throw new ApiError('coupon_used', 'This code was already used.');
    }
    return view({ ...row, status: 'used', used_at: at, used_order: input.orderId }, input.programme);
  });
}
