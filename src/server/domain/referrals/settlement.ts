import type { Kysely, Transaction } from 'kysely';
import type { ReferralReason } from '../../../contract';
import type { ReferralRow, Tables } from '../../db/schema';
import { appendLedgerEntryOnce } from '../ledger';

/** How many due referrals one call settles, so no single request carries an unbounded backlog. */
const SETTLE_BATCH = 100;

export const referralDedupeKeys = {
  payout: (referralId: string) => `referral:${referralId}`,
  reversal: (referralId: string) => `referral-reversal:${referralId}`,
};

/**
 * Pays the advocate once: the state moves from pending/flagged to approved by a conditional write
 * (only one of any number of concurrent settlers wins), and the ledger's dedupe key makes the
 * credit itself once-only too. Returns whether this call paid.
 */
export async function payReferral(trx: Transaction<Tables>, referral: ReferralRow, now: Date, reason: ReferralReason | null): Promise<boolean> {
  const at = now.toISOString();
  const { numUpdatedRows } = await trx
    .updateTable('referrals')
    .set({ state: 'approved', reason, decided_at: at, paid_at: at })
    .where('shop_id', '=', referral.shop_id)
    .where('id', '=', referral.id)
    .where('state', 'in', ['pending', 'flagged'])
    .executeTakeFirst();
  if (numUpdatedRows !== 1n) return false;
  if (referral.points > 0) {
    await appendLedgerEntryOnce(trx, {
      shopId: referral.shop_id,
      customerId: referral.advocate_id,
      delta: referral.points,
      kind: 'referral',
      reference: referral.code,
      dedupeKey: referralDedupeKeys.payout(referral.id),
      at: now,
    });
  }
  return true;
}

/** Voids a referral that was not paid yet (conditional, like `payReferral`). */
export async function voidUnpaidReferral(trx: Kysely<Tables>, referral: ReferralRow, now: Date, reason: ReferralReason): Promise<boolean> {
  const { numUpdatedRows } = await trx
    .updateTable('referrals')
    .set({ state: 'voided', reason, decided_at: now.toISOString() })
    .where('shop_id', '=', referral.shop_id)
    .where('id', '=', referral.id)
    .where('state', 'in', ['pending', 'flagged'])
    .executeTakeFirst();
  return numUpdatedRows === 1n;
}

/**
 * Pays every pending referral whose hold period is over (flagged ones wait for the merchant).
 * Runs where referrals are looked at or changed: order and refund reports, the shopper's referral
 * view, the merchant API, so a payout never waits for a separate job.
 */
export async function settleDueReferrals(trx: Transaction<Tables>, shopId: string, now: Date, advocateId?: string): Promise<number> {
  let query = trx
    .selectFrom('referrals')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('state', '=', 'pending')
    .where('hold_until', '<=', now.toISOString());
  if (advocateId) query = query.where('advocate_id', '=', advocateId);
  const due = await query.orderBy('hold_until').limit(SETTLE_BATCH).execute();
  let paid = 0;
  for (const referral of due) if (await payReferral(trx, referral, now, null)) paid++;
  return paid;
}

/**
 * A refund of the friend's order. During the hold (or while flagged) it voids the referral; after
 * payout it takes the points back through a new ledger entry when the policy is `reverse`, or
 * leaves them when it is `keep`. A refund that arrives after the hold ended but before anything
 * settled the referral counts as after payout: the hold is what the advocate was promised.
 */
export async function referralAfterRefund(
  trx: Transaction<Tables>,
  input: { shopId: string; orderId: string; afterPayoutRefund: 'reverse' | 'keep'; now: Date },
): Promise<void> {
  const { shopId, now } = input;
  await settleDueReferrals(trx, shopId, now);
  const referral = await trx.selectFrom('referrals').selectAll().where('shop_id', '=', shopId).where('order_id', '=', input.orderId).executeTakeFirst();
  if (!referral) return;
  if (referral.state === 'pending' || referral.state === 'flagged') {
    await voidUnpaidReferral(trx, referral, now, 'refunded_during_hold');
    return;
  }
  if (referral.state !== 'approved' || input.afterPayoutRefund === 'keep') return;
  const { numUpdatedRows } = await trx
    .updateTable('referrals')
    .set({ state: 'voided', reason: 'refunded_after_payout', decided_at: now.toISOString() })
    .where('shop_id', '=', shopId)
    .where('id', '=', referral.id)
    .where('state', '=', 'approved')
    .executeTakeFirst();
  if (numUpdatedRows !== 1n || referral.points <= 0) return;
  // The ledger is append-only: the payout stays, a negative entry of the same kind undoes it.
  await appendLedgerEntryOnce(trx, {
    shopId,
    customerId: referral.advocate_id,
    delta: -referral.points,
    kind: 'referral',
    reference: referral.code,
    dedupeKey: referralDedupeKeys.reversal(referral.id),
    at: now,
  });
}
