import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PointsReport, RetentionReport, SalesReport } from '../../src/contract';
import { createShop, type CreatedShop } from '../../src/server';
import { demoProgramme } from '../../src/server/seed/demoProgramme';
import { merchantClient } from '../support/loyalty';
import { createTestBackend, type TestBackend } from '../support/testBackend';

// The edges of the definitions in docs/dashboard.md, worked by hand, through the real order and
// refund API: who is a customer "at the start" (the window [t − activeDays, t) includes its first
// instant and excludes t), and how a refund that arrives after the period moves that period.
//
// March 2026, activeDays = 31, so S counts orders in [29 Jan 00:00, 1 Mar 00:00) and E counts
// orders in [1 Mar 00:00, 1 Apr 00:00). Every order is ₺100 and earns 100 points (1 per ₺, no
// campaign running, every shopper in the ×1 tier).
//   a: 29 Jan 00:00:00.000          → in S (first instant of the window), not in E
//   b: 28 Jan 23:59:59.999          → one millisecond too early: never counted in March
//   c: 1 Mar 00:00:00.000           → not in S (t itself is outside), in E, first time → N
//   d: 15 Feb and 20 Mar            → in S and in E
// S = 2 (a, d), E = 2 (c, d), N = 1 (c) → (2 − 1) / 2 × 100 = 50 %.
let clock = new Date('2026-03-31T12:00:00.000Z');
let backend: TestBackend;
let shop: CreatedShop;
let merchant: ReturnType<typeof merchantClient>;

const ORDERS = [
  ['a-1', 'a', '2026-01-29T00:00:00.000Z'],
  ['b-1', 'b', '2026-01-28T23:59:59.999Z'],
  ['c-1', 'c', '2026-03-01T00:00:00.000Z'],
  ['d-1', 'd', '2026-02-15T12:00:00.000Z'],
  ['d-2', 'd', '2026-03-20T12:00:00.000Z'],
] as const;

beforeAll(async () => {
  backend = await createTestBackend({ now: () => clock });
  // A programme whose campaign ran in 2020, so nothing multiplies March's points.
  shop = await createShop(backend.db, { name: 'Sınır Dükkanı', programme: demoProgramme(new Date('2020-01-01T00:00:00Z')), allowedOrigins: [], now: clock });
  merchant = merchantClient(backend, shop.secretKey);
  for (const [orderId, customer, createdAt] of ORDERS) {
    const { status, body } = await merchant('POST', '/v1/merchant/orders', { orderId, customer: { id: customer }, amount: 100, currency: 'TRY', createdAt });
    expect(status, JSON.stringify(body)).toBe(201);
  }
});
afterAll(() => backend.close());

const MARCH = 'from=2026-03-01&to=2026-03-31';
async function report<T>(path: string, schema: { parse(value: unknown): T }): Promise<T> {
  const { status, body } = await merchant('GET', path);
  expect(status, JSON.stringify(body)).toBe(200);
  return schema.parse(body);
}

describe('customer at the start and at the end of a period', () => {
  it('counts the window’s first instant and not its last: S = 2, E = 2, N = 1 → 50 %', async () => {
    const { periods } = await report(`/v1/merchant/reports/retention?${MARCH}&activeDays=31`, RetentionReport);
    expect(periods).toHaveLength(1);
    expect(periods[0]!.all).toEqual({ s: 2, e: 2, n: 1, firstTime: 1, rate: 50, note: null });
  });

  it('sales and points for March as reported', async () => {
    const sales = await report(`/v1/merchant/reports/sales?${MARCH}`, SalesReport);
    // March orders: c-1 and d-2 (₺200); buyers c and d, of whom d had bought before; to date ₺500 over a, b, c, d.
    expect(sales.periods[0]!.all).toEqual({
      buyers: 2,
      repeatBuyers: 1,
      repeatRate: 50,
      orders: 2,
      netRevenueMinor: 20_000,
      averageOrderMinor: 10_000,
      customersToDate: 4,
      lifetimeValueMinor: 12_500,
    });
    // Points are dated by their ledger entry, written when the order was reported (31 March), not
    // when it was placed: all five orders' points count as issued in March.
    const points = await report(`/v1/merchant/reports/points?${MARCH}`, PointsReport);
    expect(points.periods[0]).toMatchObject({ issued: 500, redeemed: 0, reversed: 0, outstanding: 500 });
  });
});

describe('a refund that arrives after the period', () => {
  it("moves the order's period for money and customers, and the refund's period for points", async () => {
    clock = new Date('2026-04-10T12:00:00.000Z');
    expect((await merchant('POST', '/v1/merchant/orders/d-2/refunds', { refundId: 'r-d2', amount: 100 })).status).toBe(201);
    expect((await merchant('POST', '/v1/merchant/orders/c-1/refunds', { refundId: 'r-c1', amount: 40 })).status).toBe(201);

    // d-2 refunded in full no longer makes d a customer at the end of March: E = 1 (c), N = 1,
    // S still 2 (d's February order counts) → (1 − 1) / 2 = 0 %.
    const retention = await report(`/v1/merchant/reports/retention?${MARCH}&activeDays=31`, RetentionReport);
    expect(retention.periods[0]!.all).toEqual({ s: 2, e: 1, n: 1, firstTime: 1, rate: 0, note: null });

    // March money is net of both refunds: only c-1 counts, at ₺60; to date ₺100 + ₺100 + ₺60 + ₺100 over 4.
    const sales = await report(`/v1/merchant/reports/sales?${MARCH}`, SalesReport);
    expect(sales.periods[0]!.all).toEqual({
      buyers: 1,
      repeatBuyers: 0,
      repeatRate: 0,
      orders: 1,
      netRevenueMinor: 6_000,
      averageOrderMinor: 6_000,
      customersToDate: 4,
      lifetimeValueMinor: 9_000,
    });

    // Points follow the ledger's dates: March is unchanged, April shows 100 + 40 taken back.
    const points = await report('/v1/merchant/reports/points?from=2026-03-01&to=2026-04-30', PointsReport);
    expect(points.periods.map((p) => [p.label, p.issued, p.reversed, p.outstanding])).toEqual([
      ['2026-03', 500, 0, 500],
      ['2026-04', 0, 140, 360],
    ]);
  });
});
