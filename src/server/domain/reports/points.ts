import type { Kysely } from 'kysely';
import type { Period, PointsReport } from '../../../contract';
import type { Tables } from '../../db/schema';
import { EARNING_KINDS, type LedgerKind } from '../ledger';
import { localize } from '../localize';
import type { LedgerFact } from './facts';

const EARNING = new Set<string>(EARNING_KINDS satisfies LedgerKind[]);

/**
 * Points per period from the append-only ledger:
 * - issued: positive entries of the earning kinds, and positive adjustments;
 * - redeemed: points spent on rewards (net of any redemption entry that gave points back);
 * - reversed: points refunds took back, and negative adjustments;
 * - outstanding: the sum of every entry before the period's end, i.e. every balance added up:
 *   the liability the shop carries (negative balances left by refunds lower it).
 */
export function pointsByPeriod(ledger: readonly LedgerFact[], periods: readonly Period[]): PointsReport['periods'] {
  return periods.map((period) => {
    const start = Date.parse(period.start);
    const end = Date.parse(period.end);
    let issued = 0;
    let redeemed = 0;
    let reversed = 0;
    let outstanding = 0;
    for (const entry of ledger) {
      if (entry.at >= end) continue;
      outstanding += entry.delta;
      if (entry.at < start) continue;
      if (entry.kind === 'redemption') redeemed -= entry.delta;
      else if (entry.delta > 0 && (EARNING.has(entry.kind) || entry.kind === 'adjustment')) issued += entry.delta;
      else if (entry.delta < 0) reversed -= entry.delta;
    }
    return { ...period, issued, redeemed: Math.max(0, redeemed), reversed, outstanding };
  });
}

/** Reward codes issued in `[from, to)` (void ones left out), grouped by reward, most redeemed first. */
export async function redemptionsByReward(db: Kysely<Tables>, shopId: string, from: string, to: string, locale: string): Promise<PointsReport['redemptionsByReward']> {
  const rows = await db
    .selectFrom('coupons')
    .select(['reward_id', 'reward', 'cost', 'status'])
    .where('shop_id', '=', shopId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .where('status', '!=', 'void')
    .orderBy('created_at')
    .execute();
  const byReward = new Map<string, PointsReport['redemptionsByReward'][number]>();
  for (const row of rows) {
    let name = row.reward_id;
    try {
      const reward = JSON.parse(row.reward) as { name?: Record<string, string> };
      if (reward.name && typeof reward.name === 'object') name = localize(reward.name, locale, locale) || row.reward_id;
    } catch {
      // An unreadable snapshot still counts, under its id.
    }
    const item = byReward.get(row.reward_id) ?? { rewardId: row.reward_id, name, redemptions: 0, used: 0, points: 0 };
    item.name = name;
    item.redemptions++;
    if (row.status === 'used') item.used++;
    item.points += Number(row.cost);
    byReward.set(row.reward_id, item);
  }
  return [...byReward.values()].sort((a, b) => b.redemptions - a.redemptions || a.rewardId.localeCompare(b.rewardId));
}
