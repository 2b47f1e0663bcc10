import type { Kysely } from 'kysely';
import type { ActivityPage } from '../../contract';
import type { Tables } from '../db/schema';
import { ApiError } from '../http/errors';
import { toActivityEntry } from './ledger';

export const DEFAULT_ACTIVITY_PAGE = 20;

interface Position {
  createdAt: string;
  id: string;
}

const POSITION = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The cursor is the last entry's (created_at, id), base64url-encoded: opaque to clients, stable under inserts. */
export function encodeCursor(position: Position): string {
  return Buffer.from(`${position.createdAt}|${position.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Position {
  const match = POSITION.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1] || !match[2]) {
    throw new ApiError('validation_failed', 'Invalid request: check cursor.', [{ path: 'cursor', message: 'not a cursor this API returned' }]);
  }
  return { createdAt: match[1], id: match[2] };
}

/**
 * One page of a customer's ledger, newest first, by keyset on (created_at, id): entries added
 * while the shopper pages never shift or repeat what they see. `customerId` may be undefined for a
 * shopper the ledger has not met yet (an empty history).
 */
export async function activityPage(
  db: Kysely<Tables>,
  input: { shopId: string; customerId: string | undefined; cursor?: string | undefined; limit?: number | undefined },
): Promise<ActivityPage> {
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  if (!input.customerId) return { entries: [], nextCursor: null };
  const limit = input.limit ?? DEFAULT_ACTIVITY_PAGE;
  let query = db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('shop_id', '=', input.shopId)
    .where('customer_id', '=', input.customerId);
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]),
    );
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: page.map(toActivityEntry),
    nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
  };
}
