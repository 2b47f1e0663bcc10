import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LapsingReport, PointsReport, RetentionReport, SalesReport, SurveyConfig, SurveyReport } from '../../src/contract';
import { createShop, type CreatedShop } from '../../src/server';
import { retentionByPeriod } from '../../src/server/domain/reports/retention';
import { reportRange } from '../../src/server/domain/reports/periods';
import { saveSurvey } from '../../src/server/domain/surveys';
import { demoProgramme } from '../../src/server/seed/demoProgramme';
import { errorCode, testSurvey } from '../support/surveys';
import { createTestBackend, type TestBackend } from '../support/testBackend';

// One small shop, worked by hand (docs/dashboard.md walks through the same numbers).
// Clock: 2026-04-01 00:00 UTC. Window: a customer is one who bought in the last 180 days.
//
// c01…c10 ordered in January 2026 (c01…c08) or on 2025-09-15 (c09, c10): all are customers on
// 1 March (S = 10). c09 and c10 lapse during March (their order is more than 180 days before
// 1 April; c09's March order was refunded in full, so it does not count). c01…c08 buy again
// in March. n1 and n2 buy for the first time in March; r1 (last order January 2025) comes back.
// So E = 8 + 3 = 11, N = 3 (2 first-time, 1 returning), rate (11 − 3) / 10 = 80 %.
// Members (sign-up before 1 April): c01…c05 and n1 → S 5, E 6, N 1 → 100 %. c06 joins on
// 10 April, after the period, so March counts them as a non-member: S 5, E 5, N 2 → 60 %.
// x1's only order (February) was refunded in full: never a customer.
const NOW = new Date('2026-04-01T00:00:00Z');
let backend: TestBackend;
let shop: CreatedShop;
let other: CreatedShop;
const ids = new Map<string, string>();

async function customer(shopId: string, key: string, extra: { name?: string; email?: string; balance?: number } = {}) {
  const id = randomUUID();
  ids.set(`${shopId}:${key}`, id);
  await backend.db.kysely
    .insertInto('customers')
    .values({ shop_id: shopId, id, external_id: key, name: extra.name ?? key, email: extra.email ?? `${key}@example.com`, balance: extra.balance ?? 0, created_at: '2024-01-01T00:00:00.000Z' })
    .execute();
  return id;
}

let orderNo = 1;
async function order(shopId: string, key: string, at: string, amount: number, refunded = 0) {
  await backend.db.kysely
    .insertInto('orders')
    .values({
      shop_id: shopId,
      id: randomUUID(),
      customer_id: ids.get(`${shopId}:${key}`)!,
      external_id: `o${orderNo++}`,
      amount_minor: amount * 100,
      refunded_minor: refunded * 100,
      currency: 'TRY',
      created_at: `${at}T12:00:00.000Z`,
    })
    .execute();
}

async function entry(shopId: string, key: string, at: string, kind: string, delta: number) {
  await backend.db.kysely
    .insertInto('ledger_entries')
    .values({ shop_id: shopId, id: randomUUID(), customer_id: ids.get(`${shopId}:${key}`)!, delta, kind, reference: null, description: null, dedupe_key: null, created_at: `${at}T10:00:00.000Z` })
    .execute();
}

async function coupon(shopId: string, key: string, at: string, rewardId: string, name: string, cost: number, status: 'issued' | 'used' | 'void') {
  await backend.db.kysely
    .insertInto('coupons')
    .values({
      shop_id: shopId,
      code: randomUUID().slice(0, 14),
      customer_id: ids.get(`${shopId}:${key}`)!,
      reward_id: rewardId,
      reward: JSON.stringify({ id: rewardId, name: { tr: name } }),
      cost,
      status,
      created_at: `${at}T10:00:00.000Z`,
      used_at: null,
      used_order: null,
    })
    .execute();
}

async function response(shopId: string, surveyId: string, at: string, answers: Record<string, number>, status: 'partial' | 'completed' = 'completed') {
  await backend.db.kysely
    .insertInto('survey_responses')
    .values({
      shop_id: shopId,
      id: randomUUID(),
      survey_id: surveyId,
      survey_version: 1,
      customer_id: null,
      order_id: null,
      status,
      answers: JSON.stringify(answers),
      sequence: 1,
      locale: 'tr',
      completion_key: null,
      reward_points: null,
      reward_state: 'none',
      created_at: `${at}T10:00:00.000Z`,
      updated_at: `${at}T10:00:00.000Z`,
      completed_at: status === 'completed' ? `${at}T10:00:00.000Z` : null,
    })
    .execute();
}

async function get(path: string, key: string | null = shop.secretKey) {
  const response = await backend.app.request(path, { headers: key ? { Authorization: `Bearer ${key}` } : {} });
  const text = await response.text();
  return { status: response.status, text, headers: response.headers, body: response.headers.get('Content-Type')?.includes('json') ? (JSON.parse(text) as unknown) : text };
}

beforeAll(async () => {
  backend = await createTestBackend({ now: () => NOW });
  shop = await createShop(backend.db, { name: 'Hesap Dükkanı', programme: demoProgramme(NOW), allowedOrigins: [], now: NOW });
  other = await createShop(backend.db, { name: 'Başka Dükkan', programme: demoProgramme(NOW), allowedOrigins: [], now: NOW });
  const s = shop.id;
  for (let i = 1; i <= 10; i++) await customer(s, `c${String(i).padStart(2, '0')}`, i === 10 ? { name: '=HYPERLINK("http://evil.example","x")', email: '@evil', balance: 40 } : {});
  for (const key of ['n1', 'n2', 'r1', 'x1']) await customer(s, key);
  for (let i = 1; i <= 8; i++) await order(s, `c0${i}`, '2026-01-15', 100);
  await order(s, 'c09', '2025-09-15', 100);
  await order(s, 'c10', '2025-09-15', 100);
  await order(s, 'r1', '2025-01-10', 100);
  await order(s, 'x1', '2026-02-10', 60, 60);
  for (let i = 1; i <= 8; i++) await order(s, `c0${i}`, '2026-03-05', 100);
  await order(s, 'c01', '2026-03-20', 200);
  await order(s, 'n1', '2026-03-10', 250);
  await order(s, 'n2', '2026-03-11', 50, 20);
  await order(s, 'r1', '2026-03-12', 120);
  await order(s, 'c09', '2026-03-13', 80, 80);
  // Members and points.
  for (let i = 1; i <= 5; i++) await entry(s, `c0${i}`, '2025-12-10', 'signup', 50);
  for (let i = 1; i <= 8; i++) await entry(s, `c0${i}`, '2026-01-15', 'order', 100);
  await entry(s, 'c01', '2026-03-20', 'order', 300);
  await entry(s, 'n1', '2026-03-10', 'signup', 50);
  await entry(s, 'n1', '2026-03-10', 'order', 250);
  await entry(s, 'c01', '2026-03-25', 'redemption', -500);
  await entry(s, 'n2', '2026-03-15', 'refund', -20);
  await entry(s, 'c02', '2026-03-16', 'adjustment', 10);
  await entry(s, 'c03', '2026-03-17', 'adjustment', -5);
  await entry(s, 'c06', '2026-04-10', 'signup', 50);
  await coupon(s, 'c01', '2026-03-25', '50-off', '50 TL indirim', 500, 'used');
  await coupon(s, 'c02', '2026-03-26', '50-off', '50 TL indirim', 500, 'issued');
  await coupon(s, 'c03', '2026-03-27', 'free-shipping', 'Ücretsiz kargo', 250, 'issued');
  await coupon(s, 'c04', '2026-03-28', 'free-shipping', 'Ücretsiz kargo', 250, 'void');
  await coupon(s, 'c05', '2026-01-28', 'free-shipping', 'Ücretsiz kargo', 250, 'used');
  // NPS in March: 10, 9, 8, 3 and a partial 0 → promoters 2, passives 1, detractors 2 of 5 → 0.
  // CSAT: 5, 4, 2 → 11 / 3 = 3.67, satisfied 2 / 3.
  const survey = testSurvey({
    id: 'after-order',
    questions: [
      { id: 'nps', type: 'nps', required: true, prompt: { tr: 'Önerir misin?' } },
      { id: 'csat', type: 'csat', display: 'stars', required: false, prompt: { tr: 'Memnun musun?' } },
    ],
  });
  await saveSurvey(backend.db, s, SurveyConfig.parse(survey), 'tr', NOW);
  await response(s, 'after-order', '2026-03-02', { nps: 10, csat: 5 });
  await response(s, 'after-order', '2026-03-03', { nps: 9, csat: 4 });
  await response(s, 'after-order', '2026-03-04', { nps: 8, csat: 2 });
  await response(s, 'after-order', '2026-03-05', { nps: 3 });
  await response(s, 'after-order', '2026-03-06', { nps: 0 }, 'partial');
  // Another shop with lots of activity in the same months: must never show up.
  for (let i = 1; i <= 6; i++) {
    await customer(other.id, `o${i}`, { balance: 999 });
    await order(other.id, `o${i}`, '2025-10-01', 500);
    await order(other.id, `o${i}`, '2026-03-01', 500);
    await entry(other.id, `o${i}`, '2026-03-01', 'signup', 1000);
    await coupon(other.id, `o${i}`, '2026-03-02', '50-off', 'x', 500, 'used');
  }
  await saveSurvey(backend.db, other.id, SurveyConfig.parse(testSurvey({ id: 'after-order' })), 'tr', NOW);
  await response(other.id, 'after-order', '2026-03-02', { nps: 0 });
}, 60_000);
afterAll(() => backend.close());

const RANGE = 'from=2026-02-01&to=2026-03-31';
const WINDOW = 'activeDays=180';

describe('retention (E − N) / S × 100', () => {
  it('works the seed formula on a known data set: S = 10, N = 3, E = 11 → 80 %', async () => {
    const { status, body } = await get(`/v1/merchant/reports/retention?${RANGE}&${WINDOW}`);
    expect(status).toBe(200);
    const report = RetentionReport.parse(body);
    expect(report).toMatchObject({ from: '2026-02-01', to: '2026-03-31', groupBy: 'month', activeDays: 180 });
    expect(RetentionReport.parse((await get(`/v1/merchant/reports/retention?${RANGE}`)).body).activeDays).toBe(90);
    const [feb, mar] = report.periods;
    expect(mar).toMatchObject({ label: '2026-03', start: '2026-03-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z' });
    expect(mar!.all).toEqual({ s: 10, e: 11, n: 3, firstTime: 2, rate: 80, note: null });
    expect(mar!.members).toEqual({ s: 5, e: 6, n: 1, firstTime: 1, rate: 100, note: null });
    expect(mar!.nonMembers).toEqual({ s: 5, e: 5, n: 2, firstTime: 1, rate: 60, note: null });
    // February: the ten were customers on 1 February and still are on 1 March; x1's refunded order wins nobody.
    expect(feb!.all).toEqual({ s: 10, e: 10, n: 0, firstTime: 0, rate: 100, note: null });
  });

  it('groups by quarter, clipped to the range', async () => {
    const report = RetentionReport.parse((await get(`/v1/merchant/reports/retention?${RANGE}&${WINDOW}&groupBy=quarter`)).body);
    expect(report.periods).toHaveLength(1);
    expect(report.periods[0]).toMatchObject({ label: '2026-Q1', start: '2026-02-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z' });
    expect(report.periods[0]!.all).toMatchObject({ s: 10, e: 11, n: 3, rate: 80 });
  });

  it('has no rate, and says why, when nobody was a customer at the start', async () => {
    const report = RetentionReport.parse((await get('/v1/merchant/reports/retention?from=2024-03-01&to=2024-03-31')).body);
    expect(report.periods[0]!.all).toEqual({ s: 0, e: 0, n: 0, firstTime: 0, rate: null, note: 'no_customers_at_start' });
  });

  it('honours activeDays: with a 30-day window the January buyers are gone by 1 March', async () => {
    const report = RetentionReport.parse((await get('/v1/merchant/reports/retention?from=2026-03-01&to=2026-03-31&activeDays=30')).body);
    // Customers on 1 March: nobody (x1's February order was refunded). On 1 April: the 11 March buyers.
    expect(report.periods[0]!.all).toEqual({ s: 0, e: 11, n: 11, firstTime: 2, rate: null, note: 'no_customers_at_start' });
  });

  it('keeps E − N within 0…S on random data', () => {
    const periods = reportRange({ from: '2025-01-01', to: '2025-12-31' }, NOW).periods;
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const orders = Array.from({ length: 400 }, () => ({
      customerId: `c${Math.floor(next() * 60)}`,
      at: Date.parse('2024-06-01') + next() * 560 * 86_400_000,
      netMinor: 1000,
      counts: next() > 0.1,
    }));
    const members = new Map(Array.from({ length: 30 }, (_, i) => [`c${i * 2}`, Date.parse('2025-06-01')] as const));
    for (const row of retentionByPeriod(orders, members, periods, 90)) {
      for (const f of [row.all, row.members, row.nonMembers]) {
        expect(f.e - f.n).toBeGreaterThanOrEqual(0);
        expect(f.e - f.n).toBeLessThanOrEqual(f.s);
      }
      expect(row.members.s + row.nonMembers.s).toBe(row.all.s);
      expect(row.members.e + row.nonMembers.e).toBe(row.all.e);
    }
  });
});

describe('repeat purchase, average order value, lifetime value', () => {
  it('nets refunds and leaves fully refunded orders out', async () => {
    const report = SalesReport.parse((await get(`/v1/merchant/reports/sales?${RANGE}`)).body);
    expect(report.currency).toBe('TRY');
    const [feb, mar] = report.periods;
    // March: 12 counting orders (8 × 100, 200, 250, 50 − 20, 120; c09's 80 refunded in full),
    // net 1,400.00 → AOV 116.67. Buyers 11, of them 9 had bought before (c01…c08, r1) → 81.8 %.
    // To date: 2,500.00 over 13 customers (x1 never counted) → 192.31.
    expect(mar!.all).toEqual({
      buyers: 11,
      repeatBuyers: 9,
      repeatRate: 81.8,
      orders: 12,
      netRevenueMinor: 140_000,
      averageOrderMinor: 11_667,
      customersToDate: 13,
      lifetimeValueMinor: 19_231,
    });
    // Members in March: c01…c05 and n1: orders 5 × 100 + 200 + 250 = 950.00 over 7 orders.
    expect(mar!.members).toMatchObject({ buyers: 6, repeatBuyers: 5, orders: 7, netRevenueMinor: 95_000, averageOrderMinor: 13_571 });
    // February: only x1's order, refunded in full → no buyers, no average, nothing to divide.
    expect(feb!.all).toMatchObject({ buyers: 0, repeatRate: null, orders: 0, netRevenueMinor: 0, averageOrderMinor: null, customersToDate: 11 });
  });
});

describe('points', () => {
  it('issued, redeemed, reversed and the outstanding liability at each period end; redemptions by reward', async () => {
    const report = PointsReport.parse((await get(`/v1/merchant/reports/points?${RANGE}`)).body);
    const [feb, mar] = report.periods;
    // Before March: 5 × 50 sign-ups + 8 × 100 order points = 1,050 outstanding.
    expect(feb).toMatchObject({ issued: 0, redeemed: 0, reversed: 0, outstanding: 1050 });
    // March: issued 300 + 50 + 250 + 10, redeemed 500, reversed 20 + 5 → 1,050 + 610 − 525 = 1,135.
    expect(mar).toMatchObject({ issued: 610, redeemed: 500, reversed: 25, outstanding: 1135 });
    expect(report.redemptionsByReward).toEqual([
      { rewardId: '50-off', name: '50 TL indirim', redemptions: 2, used: 1, points: 1000 },
      { rewardId: 'free-shipping', name: 'Ücretsiz kargo', redemptions: 1, used: 0, points: 250 },
    ]);
  });
});

describe('surveys over time', () => {
  it('reuses the survey engine: NPS split and CSAT per period', async () => {
    const report = SurveyReport.parse((await get(`/v1/merchant/reports/surveys?${RANGE}`)).body);
    const survey = report.surveys.find((s) => s.surveyId === 'after-order')!;
    const [feb, mar] = survey.periods;
    expect(feb!.nps).toEqual({ answers: 0, promoters: 0, passives: 0, detractors: 0, score: null });
    expect(mar!.nps).toEqual({ answers: 5, promoters: 2, passives: 1, detractors: 2, score: 0 });
    expect(mar!.csat).toEqual({ answers: 3, average: 3.67, satisfied: 2 / 3 });
  });
});

describe('lapsing customers', () => {
  it('lists customers whose last counting order is older than N days, highest balance first', async () => {
    const report = LapsingReport.parse((await get('/v1/merchant/reports/lapsing?days=90')).body);
    expect(report).toMatchObject({ days: 90, total: 2, totalBalance: 40, currency: 'TRY' });
    expect(report.customers.map((c) => [c.id, c.balance, c.orders, c.netSpentMinor, c.daysSinceLastOrder])).toEqual([
      ['c10', 40, 1, 10_000, 197],
      ['c09', 0, 1, 10_000, 197],
    ]);
  });

  it('exports CSV with formula-looking cells neutralised', async () => {
    const { status, text, headers } = await get('/v1/merchant/reports/lapsing.csv?days=90');
    expect(status).toBe(200);
    expect(headers.get('Content-Type')).toContain('text/csv');
    expect(headers.get('Content-Disposition')).toBe('attachment; filename="lapsing-customers-90d-2026-04-01.csv"');
    const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('"customer_id","name","email","last_order_at","days_since_last_order","orders","net_spent_try","points_balance"');
    expect(lines[1]).toBe(`"c10","'=HYPERLINK(""http://evil.example"",""x"")","'@evil","2025-09-15T12:00:00.000Z","197","1","100.00","40"`);
  });
});

describe('bad input and isolation', () => {
  it('answers an empty range with empty periods, not an error', async () => {
    const report = RetentionReport.parse((await get('/v1/merchant/reports/retention?from=2030-01-01&to=2030-01-31')).body);
    expect(report.periods[0]!.all).toMatchObject({ s: 0, e: 0, n: 0, rate: null });
    const points = PointsReport.parse((await get('/v1/merchant/reports/points?from=2030-01-01&to=2030-01-31')).body);
    expect(points.redemptionsByReward).toEqual([]);
    const survey = SurveyReport.parse((await get('/v1/merchant/reports/surveys?from=2030-01-01&to=2030-01-01')).body);
    expect(survey.surveys[0]!.periods[0]!.nps!.answers).toBe(0);
  });

  it('rejects a reversed range and a bad grouping with field errors', async () => {
    const reversed = await get('/v1/merchant/reports/retention?from=2026-03-01&to=2026-02-01');
    expect(reversed.status).toBe(400);
    expect(errorCode(reversed.body)).toBe('validation_failed');
    expect((await get('/v1/merchant/reports/sales?groupBy=week')).status).toBe(400);
    expect((await get('/v1/merchant/reports/sales?from=2000-01-01&to=2026-01-01')).status).toBe(400);
  });

  it('answers a wrong or missing key with a bare 401', async () => {
    for (const path of ['retention', 'sales', 'points', 'surveys', 'lapsing', 'lapsing.csv']) {
      for (const key of [null, 'sk_live_wrongwrongwrongwrongwrong', shop.publishableKey]) {
        const { status, body } = await get(`/v1/merchant/reports/${path}`, key);
        expect(status).toBe(401);
        expect(body).toMatchObject({ error: { code: 'unauthorized', message: 'Unauthorized.' } });
      }
    }
  });

  it("never counts another shop's data", async () => {
    const otherRetention = RetentionReport.parse((await get(`/v1/merchant/reports/retention?${RANGE}&${WINDOW}`, other.secretKey)).body);
    expect(otherRetention.periods[1]!.all).toMatchObject({ s: 6, e: 6, n: 0, rate: 100 });
    const points = PointsReport.parse((await get(`/v1/merchant/reports/points?${RANGE}`, other.secretKey)).body);
    expect(points.periods[1]).toMatchObject({ issued: 6000, outstanding: 6000 });
    const lapsing = LapsingReport.parse((await get('/v1/merchant/reports/lapsing?days=90', other.secretKey)).body);
    expect(lapsing.total).toBe(0);
  });

  it('lists the report routes in the OpenAPI document', async () => {
    const { body } = await get('/v1/openapi.json', null);
    const paths = Object.keys((body as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(expect.arrayContaining(['/v1/merchant/reports/retention', '/v1/merchant/reports/sales', '/v1/merchant/reports/points', '/v1/merchant/reports/surveys', '/v1/merchant/reports/lapsing', '/v1/merchant/reports/lapsing.csv']));
  });
});
