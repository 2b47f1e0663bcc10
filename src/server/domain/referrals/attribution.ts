import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { OrderContext, type ReferralOutcome, type ReferralReason } from '../../../contract';
import type { ReferralRow, Tables } from '../../db/schema';
import type { OrderRecorded } from '../orderEvents';
import { canonicalReferralCode, findAdvocate } from './codes';
import { emailKey } from './emailKey';
import { DAY_MS, referralPolicy, VELOCITY_WINDOW_MS } from './policy';
import { payReferral, settleDueReferrals } from './settlement';

/** How many of the advocate's orders are searched for the friend's address hash. */
const ADDRESS_LOOKBACK_ORDERS = 200;

function outcome(referral: ReferralRow): ReferralOutcome {
  return {
    id: referral.id,
    state: referral.state,
    reason: (referral.reason as ReferralReason | null) ?? null,
    holdUntil: referral.state === 'pending' ? referral.hold_until : null,
  };
}

async function sharesAddress(trx: Transaction<Tables>, shopId: string, advocateId: string, addressHash: string): Promise<boolean> {
  const rows = await trx
    .selectFrom('orders')
    .select('context')
    .where('shop_id', '=', shopId)
    .where('customer_id', '=', advocateId)
    .where('context', 'is not', null)
    .orderBy('created_at', 'desc')
    .limit(ADDRESS_LOOKBACK_ORDERS)
    .execute();
  return rows.some((row) => {
    const parsed = OrderContext.safeParse(JSON.parse(row.context!));
    return parsed.success && parsed.data.addressHash === addressHash;
  });
}

async function hasEarlierOrder(trx: Transaction<Tables>, shopId: string, customerId: string, orderId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('orders')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('customer_id', '=', customerId)
    .where('id', '!=', orderId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Referred orders from this IP or device in the 7 days before `now`. */
async function recentFromSameSource(trx: Transaction<Tables>, shopId: string, ip: string | null, deviceId: string | null, now: Date): Promise<number> {
  if (!ip && !deviceId) return 0;
  const since = new Date(now.getTime() - VELOCITY_WINDOW_MS).toISOString();
  const row = await trx
    .selectFrom('referrals')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('shop_id', '=', shopId)
    .where('created_at', '>=', since)
    .where((eb) => eb.or([...(ip ? [eb('ip', '=', ip)] : []), ...(deviceId ? [eb('device_id', '=', deviceId)] : [])]))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Attributes a friend's order reported with a code, inside the order's transaction. Rules, in
 * order: self-referral (same customer, same normalised e-mail, same address hash) and a friend who
 * already ordered are recorded as voided and never paid; more than the allowed referred orders from
 * one IP or device in 7 days are flagged for the merchant; everything else waits out the hold
 * period as pending (paid at once when the hold is 0 days). An unknown code changes nothing.
 */
export async function attributeReferral(trx: Transaction<Tables>, event: OrderRecorded): Promise<ReferralOutcome | null> {
  const { shopId, customer: friend, order, now } = event;
  await settleDueReferrals(trx, shopId, now);
  const code = canonicalReferralCode(event.referralCode);
  if (!code) return null;
  const advocate = await findAdvocate(trx, shopId, code);
  if (!advocate) return null;
  const policy = referralPolicy(event.programme);
  const ip = event.context?.ip ?? null;
  const deviceId = event.context?.deviceId ?? null;

  let reason: ReferralReason | null = null;
  let state: ReferralRow['state'] = 'pending';
  const friendEmail = friend.email ? emailKey(friend.email) : null;
  if (advocate.id === friend.id) reason = 'self_same_customer';
  else if (friendEmail && advocate.email && friendEmail === emailKey(advocate.email)) reason = 'self_same_email';
  else if (event.context?.addressHash && (await sharesAddress(trx, shopId, advocate.id, event.context.addressHash))) reason = 'self_same_address';
  else if (await hasEarlierOrder(trx, shopId, friend.id, order.id)) reason = 'not_new_customer';
  if (reason) state = 'voided';
  else if ((await recentFromSameSource(trx, shopId, ip, deviceId, now)) >= policy.maxPerWeek) {
    state = 'flagged';
    reason = 'velocity';
  }

  const at = now.toISOString();
  const row: ReferralRow = {
    shop_id: shopId,
    id: randomUUID(),
    code,
    advocate_id: advocate.id,
    friend_id: friend.id,
    order_id: order.id,
    state,
    reason,
    points: policy.advocatePoints,
    ip,
    device_id: deviceId,
    hold_until: new Date(now.getTime() + policy.holdDays * DAY_MS).toISOString(),
    created_at: at,
    decided_at: state === 'voided' ? at : null,
    paid_at: null,
  };
  const inserted = await trx
    .insertInto('referrals')
    .values(row)
    .onConflict((oc) => oc.columns(['shop_id', 'friend_id']).doNothing())
    .executeTakeFirst();
  // The friend was referred before (their first order already counted): nothing new to attribute.
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return null;
  if (state === 'pending' && policy.holdDays === 0 && (await payReferral(trx, row, now, null))) {
    return outcome({ ...row, state: 'approved', paid_at: at, decided_at: at });
  }
  return outcome(row);
}
