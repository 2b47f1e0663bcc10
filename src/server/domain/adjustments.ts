import { AwardResponse, type AdjustmentRequest } from '../../contract';
import type { Database } from '../db/database';
import { inTransaction } from '../db/transaction';
import { ApiError } from '../http/errors';
import { requireCustomer } from './customers';
import { claimIdempotencyKey, completeIdempotencyKey, hashRequest } from './idempotency';
import { appendLedgerEntry, balanceOf, InsufficientPoints, toActivityEntry } from './ledger';

export interface AdjustInput {
  shopId: string;
  /** The shop's customer id. */
  customerId: string;
  adjustment: AdjustmentRequest;
  idempotencyKey: string;
  now: Date;
}

/**
 * A manual correction as a new ledger entry with the merchant's reason. Idempotent by key (the
 * same key again replays the first answer; with another request it is 422). A debit that would
 * take the balance below zero is refused unless `allowNegative` is set.
 */
export async function adjustPoints(db: Database, input: AdjustInput): Promise<{ status: number; body: AwardResponse; replayed: boolean }> {
  const { shopId, adjustment, now } = input;
  const key = {
    shopId,
    scope: 'merchant',
    key: input.idempotencyKey,
    requestHash: hashRequest({
      op: 'adjustment',
      customerId: input.customerId,
      points: adjustment.points,
      reason: adjustment.reason,
      allowNegative: adjustment.allowNegative ?? false,
    }),
  };
  return inTransaction(db, async (trx) => {
    const claim = await claimIdempotencyKey(trx, key, now);
    if (claim.kind === 'replay') return { status: claim.status, body: AwardResponse.parse(claim.body), replayed: true };
    const customer = await requireCustomer(trx, shopId, input.customerId);
    try {
      const entry = await appendLedgerEntry(trx, {
        shopId,
        customerId: customer.id,
        delta: adjustment.points,
        kind: 'adjustment',
        description: adjustment.reason,
        mustNotOverdraw: adjustment.points < 0 && !adjustment.allowNegative,
        at: now,
      });
      const body: AwardResponse = { entry: toActivityEntry(entry), balance: await balanceOf(trx, shopId, customer.id) };
      await completeIdempotencyKey(trx, key, 201, body);
      return { status: 201, body, replayed: false };
    } catch (error) {
      if (error instanceof InsufficientPoints) {
        throw new ApiError('insufficient_points', 'This would take the balance below zero; set allowNegative to allow it.');
      }
      throw error;
    }
  });
}
