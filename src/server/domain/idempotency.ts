import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Tables } from '../db/schema';
import { ApiError } from '../http/errors';

export interface IdempotencyScope {
  shopId: string;
  /** Keys are per caller: `customer:<id>` or `merchant`. */
  scope: string;
  key: string;
  /** Hash of what the request asks for; the same key with another request is refused. */
  requestHash: string;
}

export type Claim = { kind: 'new' } | { kind: 'replay'; status: number; body: unknown };

export function hashRequest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/**
 * Claims the key inside the caller's transaction. A concurrent claim of the same key waits on the
 * primary key until the first transaction ends, then sees its stored response, so two instances
 * handling the same retry still act once. A failed attempt rolls its claim back with everything else.
 */
export async function claimIdempotencyKey(trx: Transaction<Tables>, id: IdempotencyScope, now: Date): Promise<Claim> {
  const inserted = await trx
    .insertInto('idempotency_keys')
    .values({
      shop_id: id.shopId,
      scope: id.scope,
      key: id.key,
      request_hash: id.requestHash,
      response_status: 0,
      response_body: '',
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['shop_id', 'scope', 'key']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { kind: 'new' };

  const existing = await trx
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('shop_id', '=', id.shopId)
    .where('scope', '=', id.scope)
    .where('key', '=', id.key)
    .executeTakeFirstOrThrow();
  if (existing.request_hash !== id.requestHash) {
    throw new ApiError('idempotency_key_reused', 'This Idempotency-Key was already used for a different request.');
  }
  if (existing.response_status === 0) {
    throw new ApiError('idempotency_key_in_use', 'A request with this Idempotency-Key is still in progress; retry shortly.');
  }
  return { kind: 'replay', status: existing.response_status, body: JSON.parse(existing.response_body) as unknown };
}

/** Stores the response that retries with the same key will get. */
export async function completeIdempotencyKey(trx: Transaction<Tables>, id: IdempotencyScope, status: number, body: unknown): Promise<void> {
  await trx
    .updateTable('idempotency_keys')
    .set({ response_status: status, response_body: JSON.stringify(body) })
    .where('shop_id', '=', id.shopId)
    .where('scope', '=', id.scope)
    .where('key', '=', id.key)
    .execute();
}
