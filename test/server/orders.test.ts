import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorEnvelope, OrderView, RefundResponse, ReportOrderResponse, SurveyResponseAck } from '../../src/contract';
import { createShop } from '../../src/server';
import { ledgerSum } from '../../src/server/domain/ledger';
import { pointsToReverse } from '../../src/server/domain/orders';
import { demoProgramme } from '../../src/server/seed/demoProgramme';
import { customerRow, ledgerState, merchantClient, shopperClient, uniqueId } from '../support/loyalty';
import { responseBody, surveyClient, testSurvey } from '../support/surveys';
import { createTestBackend, type TestBackend } from '../support/testBackend';

// The demo programme: 1 point per lira, tiers Bronz ×1 (0), Gümüş ×1.25 (1500), Altın ×1.5 (4000),
// and the Coffee Week campaign (×2) from two days before NOW to five days after.
const NOW = new Date('2026-11-23T12:00:00.000Z');
const BEFORE_CAMPAIGN = '2026-11-13T12:00:00.000Z';
const DAY = 24 * 60 * 60 * 1000;

let backend: TestBackend;
let merchant: ReturnType<typeof merchantClient>;
let otherShop: Awaited<ReturnType<typeof createShop>>;
let otherMerchant: ReturnType<typeof merchantClient>;

beforeAll(async () => {
  backend = await createTestBackend({ now: () => NOW });
  merchant = merchantClient(backend);
  otherShop = await createShop(backend.db, { name: 'Other', programme: demoProgramme(NOW), allowedOrigins: [], now: NOW });
  otherMerchant = merchantClient(backend, otherShop.secretKey);
});
afterAll(() => backend.close());

const errorOf = (body: unknown) => ErrorEnvelope.parse(body).error;

type OrderBody = { orderId: string; customer: { id: string }; amount: number; currency: string } & Record<string, unknown>;

function order(customerId: string, amount: number, extra: Record<string, unknown> = {}): OrderBody {
  return { orderId: uniqueId('o'), customer: { id: customerId }, amount, currency: 'TRY', ...extra };
}

async function report(body: unknown, client = merchant) {
  const result = await client('POST', '/v1/merchant/orders', body);
  return { ...result, data: result.status < 300 ? ReportOrderResponse.parse(result.body) : null };
}

describe('POST /v1/merchant/orders: points', () => {
  it('earns floor(amount × pointsPerUnit × tier × campaign), with hand-worked numbers across the tiers', async () => {
    const shopper = uniqueId('tiers');
    const steps: Array<[amount: number, createdAt: string | undefined, points: number, why: string]> = [
      [750, BEFORE_CAMPAIGN, 750, 'Bronz ×1, no campaign: 750 × 1 × 1'],
      [750, undefined, 1500, 'Bronz ×1 (750 earned), Coffee Week ×2: 750 × 1 × 2'],
      [129.9, undefined, 324, 'Gümüş ×1.25 (2250), ×2: 129.90 × 2.5 = 324.75 → 324'],
      [19.99, BEFORE_CAMPAIGN, 24, 'Gümüş, no campaign: 19.99 × 1.25 = 24.9875 → 24'],
      [1000, undefined, 2500, 'Gümüş (2598), ×2: 1000 × 2.5'],
      [33.33, undefined, 99, 'Altın ×1.5 (5098), ×2: 33.33 × 3 = 99.99 → 99'],
      [0.29, undefined, 0, 'Altın, ×2: 0.29 × 3 = 0.87 → 0'],
      [0, undefined, 0, 'a free order earns nothing'],
    ];
    for (const [amount, createdAt, points, why] of steps) {
      const { status, data } = await report(order(shopper, amount, createdAt ? { createdAt } : {}));
      expect(status, why).toBe(201);
      expect(data?.order.pointsEarned, why).toBe(points);
    }
    const row = await customerRow(backend, shopper);
    expect(row.balance).toBe(750 + 1500 + 324 + 24 + 2500 + 99);
    expect(await ledgerSum(backend.db.kysely, backend.shop.id, row.id)).toBe(row.balance);
    // Zero-point orders are recorded but write no ledger entry.
    const entries = await backend.db.kysely.selectFrom('ledger_entries').select('delta').where('customer_id', '=', row.id).execute();
    expect(entries.map((e) => e.delta).sort((a, b) => a - b)).toEqual([24, 99, 324, 750, 1500, 2500]);
  });

  it('picks the campaign by the order time: the start is inclusive, the end exclusive', async () => {
    const start = new Date(NOW.getTime() - 2 * DAY).toISOString();
    const justBefore = new Date(NOW.getTime() - 2 * DAY - 1).toISOString();
    const a = await report(order(uniqueId('c'), 100, { createdAt: start }));
    const b = await report(order(uniqueId('c'), 100, { createdAt: justBefore }));
    expect(a.data?.order.pointsEarned).toBe(200);
    expect(b.data?.order.pointsEarned).toBe(100);
  });

  it('records the customer, the referral code and the checkout context for the referral programme', async () => {
    const body = order(uniqueId('ref'), 50, {
      customer: { id: uniqueId('ref'), email: 'deniz.arslan+kervan@örnek.com.tr', name: 'Deniz Arslan' },
      referralCode: 'AYSE-25',
      context: { ip: '203.0.113.7', userAgent: 'Mozilla/5.0', deviceId: 'dev-1', addressHash: 'sha256:abc' },
    });
    expect((await report(body)).status).toBe(201);
    const row = await backend.db.kysely.selectFrom('orders').selectAll().where('external_id', '=', body.orderId).executeTakeFirstOrThrow();
    expect(row.referral_code).toBe('AYSE-25');
    expect(JSON.parse(row.context ?? 'null')).toEqual(body.context);
    const customer = await customerRow(backend, (body.customer as { id: string }).id);
    expect(customer).toMatchObject({ email: 'deniz.arslan+kervan@örnek.com.tr', name: 'Deniz Arslan' });
  });
});

describe('POST /v1/merchant/orders: once only', () => {
  it('earns once however often it is reported: 200 with the original outcome, no second entry', async () => {
    const body = order(uniqueId('idem'), 120.5);
    const first = await report(body);
    const before = await ledgerState(backend);
    const again = await report(body);
    const third = await report(body);
    expect(first.status).toBe(201);
    expect([again.status, third.status]).toEqual([200, 200]);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.data?.order).toEqual(first.data?.order);
    expect(again.data?.balance).toBe(first.data?.balance);
    expect(await ledgerState(backend)).toEqual(before);
  });

  it('earns once when the same order is reported many times at once', async () => {
    const body = order(uniqueId('race'), 99.99);
    const results = await Promise.all(Array.from({ length: 12 }, () => report(body)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(11);
    const row = await customerRow(backend, body.customer.id);
    expect(row.balance).toBe(199);
    const entries = await backend.db.kysely.selectFrom('ledger_entries').select('id').where('customer_id', '=', row.id).execute();
    expect(entries).toHaveLength(1);
  });

  it.each([
    ['a different amount', { amount: 120.51 }],
    ['a different customer', { customer: { id: 'someone-else' } }],
  ])('refuses the same order id with %s (409 conflict) and changes nothing', async (_name, patch) => {
    const body = order(uniqueId('conf'), 120.5);
    await report(body);
    const before = await ledgerState(backend);
    const { status, body: error } = await report({ ...body, ...patch });
    expect(status).toBe(409);
    expect(errorOf(error).code).toBe('conflict');
    expect(await ledgerState(backend)).toEqual(before);
  });

  it("treats another shop's order with the same id as another order", async () => {
    const before = await customerRow(backend, 'ayse');
    const { status, data } = await report({ orderId: '1042', customer: { id: 'ayse' }, amount: 10, currency: 'TRY' }, otherMerchant);
    expect(status).toBe(201);
    expect(data?.order.pointsEarned).toBe(20);
    expect(data?.balance).toBe(20);
    expect((await customerRow(backend, 'ayse')).balance).toBe(before.balance);
    const mine = await merchant('GET', '/v1/merchant/orders/1042');
    expect(OrderView.parse(mine.body)).toMatchObject({ orderId: '1042', amount: 1249.9, pointsEarned: 1249 });
  });
});

describe('POST /v1/merchant/orders: bad input', () => {
  const valid = () => order(uniqueId('bad'), 10);
  it.each([
    ['a negative amount', { amount: -5 }, 'amount'],
    ['a fraction of a cent', { amount: 10.005 }, 'amount'],
    ['a string amount', { amount: '10' }, 'amount'],
    ['another currency', { currency: 'EUR' }, 'currency'],
    ['a malformed currency', { currency: 'try' }, 'currency'],
    ['a future order date', { createdAt: '2026-11-24T12:00:00.000Z' }, 'createdAt'],
    ['a missing customer', { customer: undefined }, 'customer'],
    ['an order id with spaces', { orderId: 'order 1' }, 'orderId'],
    ['an unknown field', { discount: 5 }, 'discount'],
    ['a malformed referral code', { referralCode: '<script>' }, 'referralCode'],
    ['something that is not an email', { customer: { id: 'c-1', email: 'not an email' } }, 'customer.email'],
    ['an invalid IP', { context: { ip: '999.1.1.1' } }, 'context.ip'],
  ])('refuses %s with 400 naming the field, and changes nothing', async (_name, patch, field) => {
    const before = await ledgerState(backend);
    const { status, body } = await report({ ...valid(), ...patch });
    expect(status).toBe(400);
    const error = errorOf(body);
    expect(error.code).toBe('validation_failed');
    expect(error.fields?.map((f) => f.path).join(' ')).toContain(field);
    expect(await ledgerState(backend)).toEqual(before);
  });

  it('refuses amounts JSON cannot hold (1e309 parses to Infinity) and malformed JSON', async () => {
    const before = await ledgerState(backend);
    const overflow = await merchant('POST', '/v1/merchant/orders', `{"orderId":"x1","customer":{"id":"c"},"amount":1e309,"currency":"TRY"}`);
    expect(overflow.status).toBe(400);
    expect(errorOf(overflow.body).fields?.[0]?.path).toBe('amount');
    const malformed = await merchant('POST', '/v1/merchant/orders', '{"orderId":');
    expect(malformed.status).toBe(400);
    expect(errorOf(malformed.body).code).toBe('bad_request');
    expect(await ledgerState(backend)).toEqual(before);
  });
});

describe('POST /v1/merchant/orders/{orderId}/refunds', () => {
  async function refund(orderId: string, refundId: string, amount: number, client = merchant) {
    const result = await client('POST', `/v1/merchant/orders/${encodeURIComponent(orderId)}/refunds`, { refundId, amount });
    return { ...result, data: result.status < 300 ? RefundResponse.parse(result.body) : null };
  }

  it('reverses proportionally and cumulatively: partial refunds add up to exactly what the order earned', async () => {
    // 100.00 in Coffee Week at Bronz: 200 points.
    const body = order(uniqueId('refund'), 100);
    expect((await report(body)).data?.order.pointsEarned).toBe(200);
    const steps: Array<[amount: number, reversed: number, why: string]> = [
      [25, 50, 'keeps floor(200 × 75.00 / 100) = 150'],
      [0.01, 1, 'keeps floor(200 × 74.99 / 100) = floor(149.98) = 149'],
      [74.99, 149, 'keeps 0'],
    ];
    let balance = 200;
    for (const [amount, reversed, why] of steps) {
      const { status, data } = await refund(body.orderId, uniqueId('r'), amount);
      expect(status, why).toBe(201);
      expect(data?.refund.pointsReversed, why).toBe(reversed);
      balance -= reversed;
      expect(data?.balance, why).toBe(balance);
    }
    const view = OrderView.parse((await merchant('GET', `/v1/merchant/orders/${body.orderId}`)).body);
    expect(view).toMatchObject({ amount: 100, refundedAmount: 100, pointsEarned: 200, pointsReversed: 200 });
    const row = await customerRow(backend, body.customer.id);
    expect(row.balance).toBe(0);
    expect(await ledgerSum(backend.db.kysely, backend.shop.id, row.id)).toBe(0);
  });

  it('reverses the same in thirds as in one go (10.00 → 20 points: 7 + 7 + 6)', async () => {
    const body = order(uniqueId('thirds'), 10);
    await report(body);
    const reversed = [];
    for (const amount of [3.33, 3.33, 3.34]) reversed.push((await refund(body.orderId, uniqueId('r'), amount)).data?.refund.pointsReversed);
    expect(reversed).toEqual([7, 7, 6]);
    expect(pointsToReverse({ pointsEarned: 20, amountMinor: 1000, refundedMinor: 666, alreadyReversed: 0 })).toBe(14);
  });

  it('is idempotent per refund id, and refuses the same id with another amount', async () => {
    const body = order(uniqueId('ridem'), 50);
    await report(body);
    const first = await refund(body.orderId, 'rf-1', 20);
    const before = await ledgerState(backend);
    const again = await refund(body.orderId, 'rf-1', 20);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.data?.refund).toEqual(first.data?.refund);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    const other = await refund(body.orderId, 'rf-1', 21);
    expect(other.status).toBe(409);
    expect(errorOf(other.body).code).toBe('conflict');
    expect(await ledgerState(backend)).toEqual(before);
  });

  it('refuses refunds beyond the order amount, even when they race, and changes nothing', async () => {
    const body = order(uniqueId('over'), 40);
    await report(body);
    await refund(body.orderId, uniqueId('r'), 30);
    const before = await ledgerState(backend);
    const over = await refund(body.orderId, uniqueId('r'), 10.01);
    expect(over.status).toBe(409);
    expect(errorOf(over.body).code).toBe('refund_exceeds_order');
    expect(await ledgerState(backend)).toEqual(before);
    // Ten concurrent refunds of 5.00 against the 10.00 left: exactly two fit.
    const results = await Promise.all(Array.from({ length: 10 }, () => refund(body.orderId, uniqueId('r'), 5)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409)).toHaveLength(8);
    const view = OrderView.parse((await merchant('GET', `/v1/merchant/orders/${body.orderId}`)).body);
    expect(view).toMatchObject({ refundedAmount: 40, pointsReversed: 80 });
    const row = await customerRow(backend, body.customer.id);
    expect(row.balance).toBe(0);
  });

  it('refuses zero, negative and fractional-cent refunds, unknown orders and other shops\u2019 orders', async () => {
    const body = order(uniqueId('rbad'), 40);
    await report(body);
    const before = await ledgerState(backend);
    for (const amount of [0, -1, 1.001]) {
      const { status, body: error } = await refund(body.orderId, uniqueId('r'), amount);
      expect(status).toBe(400);
      expect(errorOf(error).fields?.[0]?.path).toBe('amount');
    }
    const unknown = await refund('no-such-order', uniqueId('r'), 1);
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown.body).code).toBe('order_not_found');
    const foreign = await refund(body.orderId, uniqueId('r'), 1, otherMerchant);
    expect(foreign.status).toBe(404);
    expect(errorOf(foreign.body).code).toBe('order_not_found');
    expect(await ledgerState(backend)).toEqual(before);
  });

  it('may take the balance below zero, and a negative balance blocks redemptions', async () => {
    const shopper = uniqueId('claw');
    const body = order(shopper, 250);
    await report(body); // 500 points in Coffee Week
    const shop = shopperClient(backend);
    const token = await backend.tokenFor(shopper);
    const redeemed = await shop('POST', '/v1/redemptions', token, { rewardId: 'free-shipping' }, { 'Idempotency-Key': uniqueId('key-') });
    expect(redeemed.status).toBe(201);
    const { data } = await refund(body.orderId, uniqueId('r'), 250);
    expect(data?.refund.pointsReversed).toBe(500);
    expect(data?.balance).toBe(-400);
    const blocked = await shop('POST', '/v1/redemptions', token, { rewardId: 'free-shipping' }, { 'Idempotency-Key': uniqueId('key-') });
    expect(blocked.status).toBe(409);
    expect(errorOf(blocked.body).code).toBe('insufficient_points');
    const row = await customerRow(backend, shopper);
    expect(row.balance).toBe(-400);
    expect(await ledgerSum(backend.db.kysely, backend.shop.id, row.id)).toBe(-400);
  });
});

describe('GET /v1/merchant/orders/{orderId}', () => {
  it('shows the order with its refunds; ids with reserved URL characters work when encoded', async () => {
    const body = order('ayse', 12.5, { orderId: '#2024/0001' });
    await report(body);
    const { status, body: view } = await merchant('GET', `/v1/merchant/orders/${encodeURIComponent('#2024/0001')}`);
    expect(status).toBe(200);
    expect(OrderView.parse(view)).toMatchObject({ orderId: '#2024/0001', customerId: 'ayse', amount: 12.5, currency: 'TRY' });
  });
});

describe('post-purchase survey rewards', () => {
  it('pays a survey answered before its order was reported when the order arrives, once', async () => {
    const surveys = surveyClient(backend);
    await surveys.save(testSurvey({ id: 'after-order', trigger: { kind: 'post-purchase' }, frequency: { mode: 'once-per-order', recontactDays: 0 }, reward: { points: 25 } }));
    const shopperId = uniqueId('survey');
    const token = await backend.tokenFor(shopperId);
    const body = order(shopperId, 10);
    const answered = await surveys.respond(responseBody('after-order', { answers: [{ questionId: 'nps', value: 9 }], completed: true, orderId: body.orderId }), { token });
    expect(SurveyResponseAck.parse(answered.body).reward).toEqual({ points: 25, status: 'pending' });

    const first = await report(body);
    expect(first.data?.order.pointsEarned).toBe(20);
    expect(first.data?.balance).toBe(45); // 20 for the order (Coffee Week), 25 for the survey
    const again = await report(body);
    expect(again.data?.balance).toBe(45);
    const row = await customerRow(backend, shopperId);
    const kinds = await backend.db.kysely.selectFrom('ledger_entries').select(['kind', 'delta']).where('customer_id', '=', row.id).orderBy('kind').execute();
    expect(kinds).toEqual([{ kind: 'order', delta: 20 }, { kind: 'survey', delta: 25 }]);
  });
});
