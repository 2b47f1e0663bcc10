import type { Period, SalesFigures } from '../../../contract';
import { SEGMENTS, segmentsOf, type OrderFact, type Segment } from './facts';
import { percent } from './periods';

interface Tally {
  buyers: Set<string>;
  repeatBuyers: number;
  orders: number;
  netRevenueMinor: number;
  customersToDate: Set<string>;
  revenueToDateMinor: number;
}

/**
 * Repeat purchase rate, average order value and lifetime value per period. Refunds: an order
 * counts at its own date with its amount net of every refund recorded so far (so a refund lowers
 * the period the order belongs to, not the period it happened in); an order refunded in full is
 * not a purchase at all (not in `orders`, nor does it make anyone a buyer).
 */
export function salesByPeriod(
  orders: readonly OrderFact[],
  members: ReadonlyMap<string, number>,
  periods: readonly Period[],
): Array<Period & Record<Segment, SalesFigures>> {
  return periods.map((period) => {
    const start = Date.parse(period.start);
    const end = Date.parse(period.end);
    const tally = Object.fromEntries(
      SEGMENTS.map((s) => [s, { buyers: new Set(), repeatBuyers: 0, orders: 0, netRevenueMinor: 0, customersToDate: new Set(), revenueToDateMinor: 0 }]),
    ) as Record<Segment, Tally>;
    const countingOrdersToDate = new Map<string, number>();
    for (const order of orders) {
      if (order.at >= end) continue;
      const inPeriod = order.at >= start;
      if (order.counts) countingOrdersToDate.set(order.customerId, (countingOrdersToDate.get(order.customerId) ?? 0) + 1);
      for (const segment of segmentsOf(order.customerId, members, end)) {
        const t = tally[segment];
        t.revenueToDateMinor += order.netMinor;
        if (order.counts) t.customersToDate.add(order.customerId);
        if (!inPeriod) continue;
        t.netRevenueMinor += order.netMinor;
        if (order.counts) {
          t.orders++;
          t.buyers.add(order.customerId);
        }
      }
    }
    for (const segment of SEGMENTS) {
      const t = tally[segment];
      for (const buyer of t.buyers) if ((countingOrdersToDate.get(buyer) ?? 0) >= 2) t.repeatBuyers++;
    }
    const figures = (t: Tally): SalesFigures => ({
      buyers: t.buyers.size,
      repeatBuyers: t.repeatBuyers,
      repeatRate: percent(t.repeatBuyers, t.buyers.size),
      orders: t.orders,
      netRevenueMinor: t.netRevenueMinor,
      averageOrderMinor: t.orders > 0 ? Math.round(t.netRevenueMinor / t.orders) : null,
      customersToDate: t.customersToDate.size,
      lifetimeValueMinor: t.customersToDate.size > 0 ? Math.round(t.revenueToDateMinor / t.customersToDate.size) : null,
    });
    return { ...period, all: figures(tally.all), members: figures(tally.members), nonMembers: figures(tally.nonMembers) };
  });
}
