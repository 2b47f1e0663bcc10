import { sql, type Kysely } from 'kysely';
import type { Tables } from '../db/schema';

/**
 * The ledger's invariants (T28) checked over the whole database at once, for after a load run or a
 * fault drill (T39, T40): a run can look fast and still have lost or doubled money. Returns one line
 * per violation, empty when the books are sound. Read-only.
 */
export async function ledgerViolations(db: Kysely<Tables>): Promise<string[]> {
  const found: string[] = [];

  // The cached balance is the ledger's sum, and never below zero.
  const balances = await db
    .selectFrom('customers as c')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('ledger_entries')
          .select(['shop_id', 'customer_id', (e) => e.fn.sum<number>('delta').as('total')])
          .groupBy(['shop_id', 'customer_id'])
          .as('l'),
      (join) => join.onRef('l.shop_id', '=', 'c.shop_id').onRef('l.customer_id', '=', 'c.id'),
    )
    .select(['c.shop_id', 'c.id', 'c.balance', 'l.total'])
    .where((eb) => eb.or([eb('c.balance', '<', 0), eb('c.balance', '!=', eb.fn.coalesce('l.total', sql<number>`0`))]))
    .execute();
  for (const row of balances) {
    found.push(`customer ${row.shop_id}/${row.id}: balance ${row.balance}, ledger sum ${Number(row.total ?? 0)}`);
  }

  // Every code was paid for exactly once, at its cost: one redemption entry of -cost, no more.
  const coupons = await db
    .selectFrom('coupons as k')
    .leftJoin('ledger_entries as e', (join) =>
      join.onRef('e.shop_id', '=', 'k.shop_id').onRef('e.reference', '=', 'k.code').on('e.kind', '=', 'redemption'),
    )
    .select(['k.shop_id', 'k.code', 'k.cost', (eb) => eb.fn.count<number>('e.id').as('debits'), (eb) => eb.fn.sum<number>('e.delta').as('paid')])
    .groupBy(['k.shop_id', 'k.code', 'k.cost'])
    .execute();
  for (const row of coupons) {
    if (Number(row.debits) !== 1 || Number(row.paid) !== -row.cost) {
      found.push(`coupon ${row.shop_id}/${row.code}: ${Number(row.debits)} debit(s) totalling ${Number(row.paid ?? 0)} for a cost of ${row.cost}`);
    }
  }

  // And no redemption debit without its code (points taken, nothing given).
  const orphans = await db
    .selectFrom('ledger_entries as e')
    .leftJoin('coupons as k', (join) => join.onRef('k.shop_id', '=', 'e.shop_id').onRef('k.code', '=', 'e.reference'))
    .select(['e.shop_id', 'e.id'])
    .where('e.kind', '=', 'redemption')
    .where('k.code', 'is', null)
    .execute();
  for (const row of orphans) found.push(`ledger entry ${row.shop_id}/${row.id}: a redemption debit without its code`);

  return found;
}
