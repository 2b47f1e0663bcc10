import type { Coupon, ProgrammeConfig, RedeemResponse } from '../../contract';
import { randomToken } from '../auth/secrets';
import type { CustomerClaims } from '../auth/customerToken';
import type { Database } from '../db/database';
import { inTransaction } from '../db/transaction';
import { ApiError } from '../http/errors';
import { couponExpiry } from './coupons';
import { ensureCustomer } from './customers';
import { claimIdempotencyKey, completeIdempotencyKey, hashRequest } from './idempotency';
import { appendLedgerEntry, InsufficientPoints } from './ledger';
import { localize } from './localize';
import { tierValue } from './tiers';

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A single-use code: 12 symbols from an unambiguous alphabet (~59 bits), grouped for reading aloud. */
export function newCouponCode(): string {
  return randomToken(12, CODE_ALPHABET).match(/.{4}/g)!.join('-');
}

export interface RedeemInput {
  shopId: string;
  programme: ProgrammeConfig;
  claims: CustomerClaims;
  rewardId: string;
  /** The cost the shopper was shown; absent from clients that predate it. */
  expectedCost?: number;
  idempotencyKey: string;
  locale: string;
  now: Date;
}

export interface RedeemOutcome {
  status: number;
  body: RedeemResponse;
  replayed: boolean;
}

/**
 * Spends points on a reward in one transaction: claim the idempotency key, check the reward and
 * the tier, debit with a conditional write that cannot overdraw, issue the code, store the
 * response for retries. Fifty concurrent attempts on a balance that affords one debit once.
 */
export async function redeemReward(db: Database, input: RedeemInput): Promise<RedeemOutcome> {
  const { shopId, programme, claims, now } = input;
  const key = {
    shopId,
    scope: `customer:${claims.externalId}`,
    key: input.idempotencyKey,
    // An absent expectedCost drops out of the JSON, so keys stored before the field existed still match.
    requestHash: hashRequest({ rewardId: input.rewardId, expectedCost: input.expectedCost }),
  };
  return inTransaction(db, async (trx) => {
    const claim = await claimIdempotencyKey(trx, key, now);
    if (claim.kind === 'replay') return { status: claim.status, body: claim.body as RedeemResponse, replayed: true };

    const reward = programme.rewards.find((r) => r.id === input.rewardId);
    if (!reward) throw new ApiError('reward_not_found', 'This reward does not exist.');
    // Thrown inside the transaction, so the key's claim rolls back with it: nothing is stored to
    // replay, and the client may confirm again at the new price (with a new key, or even this one).
    if (input.expectedCost !== undefined && input.expectedCost !== reward.cost) {
      throw new ApiError('price_changed', `The price of this reward changed: it now costs ${reward.cost} points.`);
    }
    const customer = await ensureCustomer(trx, shopId, claims, now);
    if (reward.tierId) {
      const required = programme.tiers.find((t) => t.id === reward.tierId);
      const value = await tierValue(trx, programme, shopId, customer.id, now);
      if (!required || value < required.threshold) throw new ApiError('tier_required', 'This reward is for a higher tier.');
    }

    const code = newCouponCode();
    const expiresAt = couponExpiry(reward, now);
    const rewardName = localize(reward.name, input.locale, programme.defaultLocale);
    try {
      await appendLedgerEntry(trx, {
        shopId,
        customerId: customer.id,
        delta: -reward.cost,
        kind: 'redemption',
        reference: code,
        description: rewardName,
        mustNotOverdraw: true,
        at: now,
      });
    } catch (error) {
      if (error instanceof InsufficientPoints) throw new ApiError('insufficient_points', 'Not enough points for this reward.');
      throw error;
    }
    await trx
      .insertInto('coupons')
      .values({
        shop_id: shopId,
        code,
        customer_id: customer.id,
        reward_id: reward.id,
        reward: JSON.stringify(reward),
        cost: reward.cost,
        status: 'issued',
        created_at: now.toISOString(),
        used_at: null,
        used_order: null,
        expires_at: expiresAt,
      })
      .execute();
    const balance = await trx
      .selectFrom('customers')
      .select('balance')
      .where('shop_id', '=', shopId)
      .where('id', '=', customer.id)
      .executeTakeFirstOrThrow();
    const coupon: Coupon = {
      code,
      rewardId: reward.id,
      rewardName,
      kind: reward.kind,
      value: reward.value ?? null,
      minOrder: reward.minOrder ?? null,
      cost: reward.cost,
      status: 'issued',
      createdAt: now.toISOString(),
      usedAt: null,
      expiresAt,
    };
    const body: RedeemResponse = { coupon, balance: balance.balance };
    await completeIdempotencyKey(trx, key, 201, body);
    return { status: 201, body, replayed: false };
  });
}
