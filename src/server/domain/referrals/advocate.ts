import { sql } from 'kysely';
import { referralLink, type MyReferral, type ProgrammeConfig } from '../../../contract';
import type { CustomerClaims } from '../../auth/customerToken';
import type { Database } from '../../db/database';
import { ApiError } from '../../http/errors';
import { inTransaction } from '../../db/transaction';
import { ensureCustomer } from '../customers';
import { ensureReferralCode } from './codes';
import { friendOffer, referralPolicy } from './policy';
import { referralQr } from './qr';
import { settleDueReferrals } from './settlement';

/**
 * The signed-in shopper's referral page: their code (created on first call), the offers and their
 * stats, and their link as a QR code: the link is the landing page (the policy's, else the page's
 * `origin`) with the code in `param`, the string the widget shows next to it. Settles the shopper's
 * own due referrals first, so a finished hold shows as points at once.
 */
export async function myReferral(
  db: Database,
  input: { shopId: string; programme: ProgrammeConfig; claims: CustomerClaims; now: Date; origin?: string | undefined; param?: string | undefined },
): Promise<MyReferral> {
  const { shopId, now } = input;
  const policy = referralPolicy(input.programme);
  const landingUrl = policy.landingUrl ?? (input.origin === undefined ? null : `${input.origin}/`);
  if (landingUrl === null) {
    throw new ApiError('validation_failed', 'Invalid request: check origin (required when the programme has no landing page).', [
      { path: 'origin', message: 'the page the link is shared from, e.g. https://shop.example' },
    ]);
  }
  const param = input.param ?? 'ref';
  return inTransaction(db, async (trx) => {
    const customer = await ensureCustomer(trx, shopId, input.claims, now);
    const code = await ensureReferralCode(trx, shopId, customer.id, now);
    await settleDueReferrals(trx, shopId, now, customer.id);
    const [visits, claims, states, earned] = await Promise.all([
      trx.selectFrom('referral_visits').select((eb) => eb.fn.countAll<number>().as('n')).where('shop_id', '=', shopId).where('code', '=', code).executeTakeFirstOrThrow(),
      trx.selectFrom('referral_claims').select((eb) => eb.fn.countAll<number>().as('n')).where('shop_id', '=', shopId).where('code', '=', code).executeTakeFirstOrThrow(),
      trx
        .selectFrom('referrals')
        .select(['state', 'reason', (eb) => eb.fn.countAll<number>().as('n')])
        .where('shop_id', '=', shopId)
        .where('advocate_id', '=', customer.id)
        .groupBy(['state', 'reason'])
        .execute(),
      trx
        .selectFrom('ledger_entries')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('delta'), sql<number>`0`).as('n'))
        .where('shop_id', '=', shopId)
        .where('customer_id', '=', customer.id)
        .where('kind', '=', 'referral')
        .executeTakeFirstOrThrow(),
    ]);
    const count = (match: (row: (typeof states)[number]) => boolean) => states.filter(match).reduce((sum, row) => sum + Number(row.n), 0);
    return {
      code,
      landingUrl: policy.landingUrl,
      qr: referralQr(referralLink(landingUrl, param, code)),
      advocatePoints: policy.advocatePoints,
      friendOffer: friendOffer(policy.friendReward, input.programme),
      holdDays: policy.holdDays,
      stats: {
        visits: Number(visits.n),
        claims: Number(claims.n),
        orders: count((row) => !isNotAReferral(row.reason)),
        pending: count((row) => row.state === 'pending' || row.state === 'flagged'),
        approved: count((row) => row.state === 'approved'),
        pointsEarned: Math.max(0, Number(earned.n)),
      },
    };
  });
}

/** Orders that were never a friend's first order: self-referrals and existing customers. */
export function isNotAReferral(reason: string | null): boolean {
  return reason !== null && (reason.startsWith('self_') || reason === 'not_new_customer');
}
