import { sql } from 'kysely';
import type { MerchantReferral, ReferralFunnel, ReferralFunnelQuery, ReferralListQuery, ReferralReason } from '../../../contract';
import type { Database } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { ApiError } from '../../http/errors';
import { isNotAReferral } from './advocate';
import { payReferral, settleDueReferrals, voidUnpaidReferral } from './settlement';

function referralsQuery(db: Database, shopId: string) {
  return db.kysely
    .selectFrom('referrals')
    .innerJoin('customers as advocate', (join) => join.onRef('advocate.shop_id', '=', 'referrals.shop_id').onRef('advocate.id', '=', 'referrals.advocate_id'))
    .innerJoin('customers as friend', (join) => join.onRef('friend.shop_id', '=', 'referrals.shop_id').onRef('friend.id', '=', 'referrals.friend_id'))
    .innerJoin('orders', (join) => join.onRef('orders.shop_id', '=', 'referrals.shop_id').onRef('orders.id', '=', 'referrals.order_id'))
    .selectAll('referrals')
    .select(['advocate.external_id as advocate_external_id', 'friend.external_id as friend_external_id', 'orders.external_id as order_external_id'])
    .where('referrals.shop_id', '=', shopId);
}

type Joined = Awaited<ReturnType<ReturnType<typeof referralsQuery>['executeTakeFirstOrThrow']>>;

function view(row: Joined): MerchantReferral {
  return {
    id: row.id,
    code: row.code,
    state: row.state,
    reason: (row.reason as ReferralReason | null) ?? null,
    advocateId: row.advocate_external_id,
    friendId: row.friend_external_id,
    orderId: row.order_external_id,
    points: row.points,
    holdUntil: row.hold_until,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
    paidAt: row.paid_at,
  };
}

async function settle(db: Database, shopId: string, now: Date): Promise<void> {
  await inTransaction(db, (trx) => settleDueReferrals(trx, shopId, now));
}

export async function listReferrals(db: Database, input: { shopId: string; query: ReferralListQuery; now: Date }): Promise<MerchantReferral[]> {
  await settle(db, input.shopId, input.now);
  let query = referralsQuery(db, input.shopId);
  if (input.query.state) query = query.where('referrals.state', '=', input.query.state);
  const rows = await query
    .orderBy('referrals.created_at', 'desc')
    .orderBy('referrals.id', 'desc')
    .limit(Number(input.query.limit ?? 50))
    .execute();
  return rows.map(view);
}

/**
 * The merchant's decision on a flagged (or still pending) referral: approve pays the advocate now,
 * void pays nobody. Another shop's referral is 404; one already decided is 409.
 */
export async function decideReferral(db: Database, input: { shopId: string; referralId: string; decision: 'approve' | 'void'; now: Date }): Promise<MerchantReferral> {
  const { shopId, referralId, now } = input;
  await inTransaction(db, async (trx) => {
    const referral = await trx.selectFrom('referrals').selectAll().where('shop_id', '=', shopId).where('id', '=', referralId).executeTakeFirst();
    if (!referral) throw new ApiError('not_found', 'This shop has no referral with this id.');
    const done =
      input.decision === 'approve'
        ? await payReferral(trx, referral, now, 'approved_by_merchant')
        : await voidUnpaidReferral(trx, referral, now, 'voided_by_merchant');
    if (!done) throw new ApiError('conflict', `This referral is already ${referral.state}.`);
  });
  return view(await referralsQuery(db, shopId).where('referrals.id', '=', referralId).executeTakeFirstOrThrow());
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function referralFunnel(db: Database, input: { shopId: string; query: ReferralFunnelQuery; now: Date }): Promise<ReferralFunnel> {
  const { shopId } = input;
  await settle(db, shopId, input.now);
  const from = input.query.from ? `${input.query.from}T00:00:00.000Z` : '0000';
  const to = input.query.to ? new Date(Date.parse(`${input.query.to}T00:00:00.000Z`) + DAY_MS).toISOString() : '9999';
  const k = db.kysely;
  const [visits, claims, referrals, paid] = await Promise.all([
    k.selectFrom('referral_visits').select((eb) => eb.fn.countAll<number>().as('n')).where('shop_id', '=', shopId).where('created_at', '>=', from).where('created_at', '<', to).executeTakeFirstOrThrow(),
    k.selectFrom('referral_claims').select((eb) => eb.fn.countAll<number>().as('n')).where('shop_id', '=', shopId).where('created_at', '>=', from).where('created_at', '<', to).executeTakeFirstOrThrow(),
    k
      .selectFrom('referrals')
      .select(['state', 'reason', (eb) => eb.fn.countAll<number>().as('n')])
      .where('shop_id', '=', shopId)
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .groupBy(['state', 'reason'])
      .execute(),
    k
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('delta'), sql<number>`0`).as('n'))
      .where('shop_id', '=', shopId)
      .where('kind', '=', 'referral')
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .executeTakeFirstOrThrow(),
  ]);
  const sum = (match: (row: (typeof referrals)[number]) => boolean) => referrals.filter(match).reduce((total, row) => total + Number(row.n), 0);
  return {
    from: input.query.from ?? null,
    to: input.query.to ?? null,
    visits: Number(visits.n),
    claims: Number(claims.n),
    firstOrders: sum((row) => !isNotAReferral(row.reason)),
    pending: sum((row) => row.state === 'pending'),
    approved: sum((row) => row.state === 'approved'),
    flagged: sum((row) => row.state === 'flagged'),
    voided: sum((row) => row.state === 'voided'),
    pointsPaid: Number(paid.n),
  };
}
