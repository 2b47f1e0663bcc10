import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PointsReport, ReferralFunnel, RetentionReport, SalesReport, SurveyReport } from '../../src/contract';
import { createApp, migrateToLatest, openDatabase, seedDemo, type DemoSeed } from '../../src/server';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/testDatabase';

// The demo shop with its year of bulk history, as `npm start` seeds it.
const NOW = new Date('2026-11-23T12:00:00Z');
let database: TestDatabase;
let db: Awaited<ReturnType<typeof openDatabase>>;
let seed: DemoSeed;
let seconds = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  db = await openDatabase(database.url);
  await migrateToLatest(db);
  const started = performance.now();
  seed = await seedDemo(db, { origins: ['https://shop.example'], now: NOW, history: true });
  seconds = (performance.now() - started) / 1000;
}, 60_000);
afterAll(async () => {
  await db.close();
  await database.drop();
});

async function report(path: string) {
  const app = createApp({ db, now: () => NOW, log: () => {} });
  const response = await app.request(path, { headers: { Authorization: `Bearer ${seed.shop.secretKey}` } });
  expect(response.status).toBe(200);
  return response.json() as Promise<unknown>;
}

describe('demo history', () => {
  it('seeds several hundred customers fast', async () => {
    // The budget is 2 s on SQLite; a loaded CI machine gets some slack before this fails.
    if (testDialect() === 'sqlite') expect(seconds).toBeLessThan(4);
    console.info(`demo seed with history: ${seconds.toFixed(2)} s`);
    const count = async (table: 'customers' | 'orders' | 'refunds' | 'coupons' | 'survey_responses') =>
      Number((await db.kysely.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    expect(await count('customers')).toBeGreaterThan(300);
    expect(await count('orders')).toBeGreaterThan(600);
    expect(await count('refunds')).toBeGreaterThan(10);
    expect(await count('coupons')).toBeGreaterThan(30);
    expect(await count('survey_responses')).toBeGreaterThan(100);
  });

  it('has a year of referrals: a funnel that narrows, payouts in the ledger (balances are checked below), some waiting for review', async () => {
    const funnel = ReferralFunnel.parse(await report('/v1/merchant/referrals/funnel'));
    expect(funnel.visits).toBeGreaterThan(funnel.claims);
    expect(funnel.claims).toBeGreaterThan(funnel.firstOrders);
    expect(funnel.firstOrders).toBeGreaterThan(20);
    expect(funnel.approved).toBeGreaterThan(10);
    expect(funnel.pending + funnel.flagged + funnel.voided).toBeGreaterThan(0);
    expect(funnel.pointsPaid).toBe(funnel.approved * 500);
  });

  it('leaves the three demo shoppers exactly as they were', async () => {
    const rows = await db.kysely.selectFrom('customers').select(['external_id', 'balance']).where('external_id', 'in', ['ayse', 'mehmet', 'elif']).orderBy('external_id').execute();
    expect(rows.map((r) => [r.external_id, Number(r.balance)])).toEqual([
      ['ayse', 2450],
      ['elif', 4085],
      ['mehmet', 380],
    ]);
  });

  it('keeps every cached balance equal to its ledger', async () => {
    const mismatches = await db.kysely
      .selectFrom('customers as c')
      .leftJoin('ledger_entries as l', (join) => join.onRef('l.shop_id', '=', 'c.shop_id').onRef('l.customer_id', '=', 'c.id'))
      .select(['c.id', 'c.balance', sql<number>`coalesce(sum(l.delta), 0)`.as('sum')])
      .groupBy(['c.id', 'c.balance'])
      .execute();
    expect(mismatches.filter((r) => Number(r.balance) !== Number(r.sum))).toEqual([]);
  });

  it('gives every chart something true to show in each of the last twelve months', async () => {
    const range = 'from=2025-12-01&to=2026-11-30';
    const retention = RetentionReport.parse(await report(`/v1/merchant/reports/retention?${range}`));
    expect(retention.periods).toHaveLength(12);
    for (const p of retention.periods.slice(6)) {
      expect(p.members.rate).not.toBeNull();
      expect(p.nonMembers.rate).not.toBeNull();
    }
    const sales = SalesReport.parse(await report(`/v1/merchant/reports/sales?${range}`));
    for (const p of sales.periods) expect(p.all.orders).toBeGreaterThan(0);
    const points = PointsReport.parse(await report(`/v1/merchant/reports/points?${range}`));
    expect(points.periods.at(-1)!.outstanding).toBeGreaterThan(0);
    expect(points.redemptionsByReward.length).toBeGreaterThanOrEqual(3);
    const surveys = SurveyReport.parse(await report(`/v1/merchant/reports/surveys?${range}`));
    const nps = surveys.surveys.find((s) => s.surveyId === 'post-purchase-nps')!;
    for (const p of nps.periods) expect(p.nps!.answers).toBeGreaterThan(0);
  });

  it('is deterministic', async () => {
    const again = await createTestDatabase();
    const other = await openDatabase(again.url);
    try {
      await migrateToLatest(other);
      await seedDemo(other, { origins: ['https://shop.example'], now: NOW, history: true });
      const fingerprint = async (d: typeof db) =>
        (await d.kysely.selectFrom('orders').select(['external_id', 'amount_minor', 'refunded_minor', 'created_at']).where('external_id', 'like', 'B-%').orderBy('external_id').execute()).map((r) =>
          [r.external_id, Number(r.amount_minor), Number(r.refunded_minor), r.created_at].join('|'),
        );
      expect(await fingerprint(other)).toEqual(await fingerprint(db));
    } finally {
      await other.close();
      await again.drop();
    }
  });
});
