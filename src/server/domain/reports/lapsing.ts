import type { Kysely } from 'kysely';
import type { LapsingCustomer } from '../../../contract';
import type { Tables } from '../../db/schema';
import { csvRow, CSV_BOM } from '../csv';
import { DAY, type OrderFact } from './facts';

/**
 * Lapsing customers: their last counting order (not refunded in full) is more than `days` days
 * before `now`. Customers who never placed a counting order are not lapsing (they never started).
 * Sorted by points balance, highest first (the strongest win-back argument), then by the most
 * recent last order.
 */
export function lapsingCustomers(
  orders: readonly OrderFact[],
  customers: ReadonlyArray<{ id: string; externalId: string; name: string | null; email: string | null; balance: number }>,
  days: number,
  now: Date,
): LapsingCustomer[] {
  const summary = new Map<string, { last: number; orders: number; net: number }>();
  for (const order of orders) {
    const s = summary.get(order.customerId) ?? { last: -Infinity, orders: 0, net: 0 };
    s.net += order.netMinor;
    if (order.counts) {
      s.orders++;
      s.last = Math.max(s.last, order.at);
    }
    summary.set(order.customerId, s);
  }
  const cutoff = now.getTime() - days * DAY;
  const result: LapsingCustomer[] = [];
  for (const customer of customers) {
    const s = summary.get(customer.id);
    if (!s || s.orders === 0 || s.last >= cutoff) continue;
    result.push({
      id: customer.externalId,
      name: customer.name,
      email: customer.email,
      lastOrderAt: new Date(s.last).toISOString(),
      daysSinceLastOrder: Math.floor((now.getTime() - s.last) / DAY),
      orders: s.orders,
      netSpentMinor: s.net,
      balance: customer.balance,
    });
  }
  return result.sort((a, b) => b.balance - a.balance || b.lastOrderAt.localeCompare(a.lastOrderAt) || a.id.localeCompare(b.id));
}

export async function loadCustomers(db: Kysely<Tables>, shopId: string) {
  const rows = await db.selectFrom('customers').select(['id', 'external_id', 'name', 'email', 'balance']).where('shop_id', '=', shopId).execute();
  return rows.map((row) => ({ id: row.id, externalId: row.external_id, name: row.name, email: row.email, balance: Number(row.balance) }));
}

/** The list as CSV for a win-back campaign: BOM, header, quoted cells safe against formula injection. */
export function lapsingCsv(customers: readonly LapsingCustomer[], currency: string): string {
  const header = ['customer_id', 'name', 'email', 'last_order_at', 'days_since_last_order', 'orders', `net_spent_${currency.toLowerCase()}`, 'points_balance'];
  let out = CSV_BOM + csvRow(header);
  for (const c of customers) {
    out += csvRow([c.id, c.name, c.email, c.lastOrderAt, c.daysSinceLastOrder, c.orders, (c.netSpentMinor / 100).toFixed(2), c.balance]);
  }
  return out;
}
