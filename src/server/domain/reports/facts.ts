import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema';

// What the reports read from the database, reduced to plain facts so the arithmetic in the other
// modules is pure and can be tested on hand-worked data. Times are epoch milliseconds.

export interface OrderFact {
  customerId: string;
  at: number;
  /** amount − refunded so far, minor units. */
  netMinor: number;
  /** false when the order was refunded in full: it no longer counts as a purchase. */
  counts: boolean;
}

export interface MemberFact {
  customerId: string;
  /** When the customer joined the programme (their first `signup` ledger entry). */
  since: number;
}

export interface LedgerFact {
  kind: string;
  delta: number;
  at: number;
}

export const DAY = 24 * 60 * 60 * 1000;

/** Every order of the shop placed before `before` (ISO), with refunds netted. */
export async function loadOrders(db: Kysely<Tables>, shopId: string, before: string): Promise<OrderFact[]> {
  const rows = await db
    .selectFrom('orders')
    .select(['customer_id', 'created_at', 'amount_minor', 'refunded_minor'])
    .where('shop_id', '=', shopId)
    .where('created_at', '<', before)
    .execute();
  return rows.map((row) => {
    const amount = Number(row.amount_minor);
    const refunded = Number(row.refunded_minor);
    return { customerId: row.customer_id, at: Date.parse(row.created_at), netMinor: amount - refunded, counts: refunded < amount };
  });
}

/** When each member joined: the first sign-up entry in the ledger. */
export async function loadMembers(db: Kysely<Tables>, shopId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('ledger_entries')
    .select((eb) => ['customer_id', eb.fn.min('created_at').as('since')])
    .where('shop_id', '=', shopId)
    .where('kind', '=', 'signup')
    .groupBy('customer_id')
    .execute();
  return new Map(rows.map((row) => [row.customer_id, Date.parse(String(row.since))]));
}

/** Every ledger entry of the shop before `before` (ISO). */
export async function loadLedger(db: Kysely<Tables>, shopId: string, before: string): Promise<LedgerFact[]> {
  const rows = await db
    .selectFrom('ledger_entries')
    .select(['kind', 'delta', 'created_at'])
    .where('shop_id', '=', shopId)
    .where('created_at', '<', before)
    .execute();
  return rows.map((row) => ({ kind: row.kind, delta: Number(row.delta), at: Date.parse(row.created_at) }));
}

/** Counting-order times per customer, ascending. */
export function orderTimesByCustomer(orders: readonly OrderFact[]): Map<string, number[]> {
  const byCustomer = new Map<string, number[]>();
  for (const order of orders) {
    if (!order.counts) continue;
    const times = byCustomer.get(order.customerId);
    if (times) times.push(order.at);
    else byCustomer.set(order.customerId, [order.at]);
  }
  for (const times of byCustomer.values()) times.sort((a, b) => a - b);
  return byCustomer;
}

/** Index of the first element ≥ `value` in an ascending array. */
export function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

export type Segment = 'all' | 'members' | 'nonMembers';
export const SEGMENTS: readonly Segment[] = ['all', 'members', 'nonMembers'];

/** The segments a customer falls in for a period ending at `end`: members joined before it. */
export function segmentsOf(customerId: string, members: ReadonlyMap<string, number>, end: number): Segment[] {
  const since = members.get(customerId);
  return since !== undefined && since < end ? ['all', 'members'] : ['all', 'nonMembers'];
}
