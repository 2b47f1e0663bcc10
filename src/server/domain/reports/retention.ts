import type { Period, RetentionFigures } from '../../../contract';
import { DAY, lowerBound, orderTimesByCustomer, SEGMENTS, segmentsOf, type OrderFact, type Segment } from './facts';
import { percent } from './periods';

/**
 * Retention rate per period, (E − N) / S × 100, as the source material defines it, with:
 * - a customer "at" an instant t: placed a counting order (not refunded in full) in
 *   `[t − activeDays, t)`;
 * - S: customers at the period's start; E: customers at its end;
 * - N: customers gained in the period, i.e. at the end but not at the start (first-time buyers
 *   plus lapsed customers who came back), so E − N is exactly the customers kept from S and the
 *   rate stays within 0…100;
 * - segments: a customer is a member for the whole period when they joined the programme (a
 *   sign-up ledger entry) before the period's end, so S, E and N of a segment use one rule;
 * - S = 0: no rate (`null`) and the note `no_customers_at_start`.
 */
export function retentionByPeriod(
  orders: readonly OrderFact[],
  members: ReadonlyMap<string, number>,
  periods: readonly Period[],
  activeDays: number,
): Array<Period & Record<Segment, RetentionFigures>> {
  const window = activeDays * DAY;
  const times = orderTimesByCustomer(orders);
  const activeAt = (sorted: readonly number[], t: number) => {
    const i = lowerBound(sorted, t - window);
    return i < sorted.length && sorted[i]! < t;
  };
  return periods.map((period) => {
    const start = Date.parse(period.start);
    const end = Date.parse(period.end);
    const tally = Object.fromEntries(SEGMENTS.map((s) => [s, { s: 0, e: 0, n: 0, firstTime: 0 }])) as Record<Segment, { s: number; e: number; n: number; firstTime: number }>;
    for (const [customerId, sorted] of times) {
      const atStart = activeAt(sorted, start);
      const atEnd = activeAt(sorted, end);
      if (!atStart && !atEnd) continue;
      const firstTime = sorted[0]! >= start && sorted[0]! < end;
      for (const segment of segmentsOf(customerId, members, end)) {
        const t = tally[segment];
        if (atStart) t.s++;
        if (atEnd) t.e++;
        if (atEnd && !atStart) {
          t.n++;
          if (firstTime) t.firstTime++;
        }
      }
    }
    const figures = (t: { s: number; e: number; n: number; firstTime: number }): RetentionFigures => {
      const rate = percent(t.e - t.n, t.s);
      return { ...t, rate, note: rate === null ? 'no_customers_at_start' : null };
    };
    return { ...period, all: figures(tally.all), members: figures(tally.members), nonMembers: figures(tally.nonMembers) };
  });
}
