import { sql, type Kysely } from 'kysely';
import type { ProgrammeConfig, TierStatus } from '../../contract';
import type { Tables } from '../db/schema';
import { EARNING_KINDS } from './ledger';

const WINDOW_DAYS = 365;

/** Start of the rolling 12-month window that tiers are measured over. */
export function tierWindowStart(now: Date): Date {
  return new Date(now.getTime() - WINDOW_DAYS * 24 * 60 * 60 * 1000);
}

/**
 * What counts toward tiers in the window: net points earned (earnings minus refund reversals;
 * spending points never lowers a tier), or net amount spent (orders minus refunds).
 */
export async function tierValue(db: Kysely<Tables>, programme: ProgrammeConfig, shopId: string, customerId: string, now: Date) {
  const since = tierWindowStart(now).toISOString();
  if (programme.tierBasis === 'amount_spent') {
    const row = await db
      .selectFrom('orders')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>(sql`amount_minor - refunded_minor`), sql<number>`0`).as('total'))
      .where('shop_id', '=', shopId)
      .where('customer_id', '=', customerId)
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Math.max(0, Number(row.total)) / 100;
  }
  const row = await db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('delta'), sql<number>`0`).as('total'))
    .where('shop_id', '=', shopId)
    .where('customer_id', '=', customerId)
    .where('created_at', '>=', since)
    .where('kind', 'in', [...EARNING_KINDS, 'refund'])
    .executeTakeFirstOrThrow();
  return Math.max(0, Number(row.total));
}

/** The tier a value reaches (the highest threshold at or below it), or `undefined` below the lowest. */
export function tierFor(programme: ProgrammeConfig, value: number): ProgrammeConfig['tiers'][number] | undefined {
  return [...programme.tiers].sort((a, b) => a.threshold - b.threshold).findLast((tier) => tier.threshold <= value);
}

/** Places a tier value on the ladder: current tier, the next one, what is left and how far along. */
export function tierStatus(programme: ProgrammeConfig, value: number, name: (text: Record<string, string>) => string): TierStatus {
  const ladder = [...programme.tiers].sort((a, b) => a.threshold - b.threshold);
  const current = ladder.findLast((tier) => tier.threshold <= value);
  const next = ladder.find((tier) => tier.threshold > value);
  const floor = current?.threshold ?? 0;
  const progress = next ? Math.min(1, Math.max(0, (value - floor) / (next.threshold - floor))) : 1;
  // Amounts are currency (two decimals), points are whole numbers; both stay strictly positive.
  const remaining = next ? Math.ceil((next.threshold - value) * 100) / 100 : 0;
  return {
    basis: programme.tierBasis,
    value,
    current: current ? { id: current.id, name: name(current.name) } : null,
    next: next ? { id: next.id, name: name(next.name), remaining } : null,
    progress,
  };
}
