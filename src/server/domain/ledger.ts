import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { ActivityKind, type ActivityEntry } from '../../contract';
import type { LedgerEntryRow, Tables } from '../db/schema';

export type LedgerKind =
  | 'order'
  | 'refund'
  | 'signup'
  | 'birthday'
  | 'action'
  | 'survey'
  | 'review'
  | 'referral'
  | 'redemption'
  | 'adjustment';

/** Kinds that count as "points earned" for tiers (redemptions and refunds do not). */
export const EARNING_KINDS: LedgerKind[] = ['order', 'signup', 'birthday', 'action', 'survey', 'review', 'referral'];

export interface LedgerWrite {
  shopId: string;
  customerId: string;
  delta: number;
  kind: LedgerKind;
  reference?: string | null;
  description?: string | null;
  /** Once-only earnings carry a key (`order:1042`); a second write with it is refused by the database. */
  dedupeKey?: string | null;
  /**
   * Shopper-initiated debits must never take the balance below zero: the balance moves only if it
   * stays non-negative (one conditional UPDATE, atomic under concurrency), else `InsufficientPoints`.
   * System clawbacks (refunds) leave it unset and may go negative.
   */
  mustNotOverdraw?: boolean;
  at: Date;
}

export class InsufficientPoints extends Error {
  constructor() {
    super('insufficient points');
  }
}

/**
 * Appends one entry and moves the cached balance with it. Must run inside the caller's
 * transaction, so the entry and the balance can never disagree.
 */
export async function appendLedgerEntry(trx: Transaction<Tables>, write: LedgerWrite): Promise<LedgerEntryRow> {
  if (!Number.isSafeInteger(write.delta)) throw new Error('ledger delta must be a safe integer');
  const row: LedgerEntryRow = {
    shop_id: write.shopId,
    id: randomUUID(),
    customer_id: write.customerId,
    delta: write.delta,
    kind: write.kind,
    reference: write.reference ?? null,
    description: write.description ?? null,
    dedupe_key: write.dedupeKey ?? null,
    created_at: write.at.toISOString(),
  };
  let update = trx
    .updateTable('customers')
    .set({ balance: sql<number>`balance + ${write.delta}` })
    .where('shop_id', '=', write.shopId)
    .where('id', '=', write.customerId);
  if (write.mustNotOverdraw) update = update.where(sql<boolean>`balance + ${write.delta} >= 0`);
  const { numUpdatedRows } = await update.executeTakeFirst();
  if (numUpdatedRows !== 1n) throw new InsufficientPoints();
  await trx.insertInto('ledger_entries').values(row).execute();
  return row;
}

/**
 * Appends a once-only entry (one with a dedupe key), or nothing when an entry with that key already
 * exists: returns `null` then. The entry goes in first with `ON CONFLICT DO NOTHING` and the balance
 * moves only if it went in, so a repeat never fails the caller's transaction (a unique violation
 * would abort a PostgreSQL transaction) and two concurrent writers of one key credit once.
 */
export async function appendLedgerEntryOnce(
  trx: Transaction<Tables>,
  write: Omit<LedgerWrite, 'mustNotOverdraw' | 'dedupeKey'> & { dedupeKey: string },
): Promise<LedgerEntryRow | null> {
  if (!Number.isSafeInteger(write.delta)) throw new Error('ledger delta must be a safe integer');
  const row: LedgerEntryRow = {
    shop_id: write.shopId,
    id: randomUUID(),
    customer_id: write.customerId,
    delta: write.delta,
    kind: write.kind,
    reference: write.reference ?? null,
    description: write.description ?? null,
    dedupe_key: write.dedupeKey,
    created_at: write.at.toISOString(),
  };
  const inserted = await trx
    .insertInto('ledger_entries')
    .values(row)
    .onConflict((oc) => oc.columns(['shop_id', 'dedupe_key']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return null;
  const { numUpdatedRows } = await trx
    .updateTable('customers')
    .set({ balance: sql<number>`balance + ${write.delta}` })
    .where('shop_id', '=', write.shopId)
    .where('id', '=', write.customerId)
    .executeTakeFirst();
  if (numUpdatedRows !== 1n) throw new Error('ledger entry for an unknown customer');
  return row;
}

/** The entry a once-only key wrote, if any. */
export async function entryByDedupeKey(db: Kysely<Tables>, shopId: string, dedupeKey: string): Promise<LedgerEntryRow | undefined> {
  return db.selectFrom('ledger_entries').selectAll().where('shop_id', '=', shopId).where('dedupe_key', '=', dedupeKey).executeTakeFirst();
}

/** A ledger row as the contract shows it. */
export function toActivityEntry(entry: LedgerEntryRow): ActivityEntry {
  return {
    id: entry.id,
    kind: ActivityKind.parse(entry.kind),
    delta: entry.delta,
    reference: entry.reference,
    description: entry.description,
    createdAt: entry.created_at,
  };
}

export async function balanceOf(db: Kysely<Tables>, shopId: string, customerId: string): Promise<number> {
  const row = await db.selectFrom('customers').select('balance').where('shop_id', '=', shopId).where('id', '=', customerId).executeTakeFirstOrThrow();
  return row.balance;
}

/** The balance recomputed from the ledger itself (the invariant the cached balance must match). */
export async function ledgerSum(db: Kysely<Tables>, shopId: string, customerId: string): Promise<number> {
  const row = await db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('delta'), sql<number>`0`).as('total'))
    .where('shop_id', '=', shopId)
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

export async function recentEntries(db: Kysely<Tables>, shopId: string, customerId: string, limit: number): Promise<LedgerEntryRow[]> {
  return db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('customer_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
