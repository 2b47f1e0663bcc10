import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BootResponse, ErrorEnvelope, MerchantCustomer, ProgrammeConfig } from '../../src/contract';
import { createShop } from '../../src/server';
import { demoProgramme } from '../../src/server/seed/demoProgramme';
import { ledgerState, merchantClient } from '../support/loyalty';
import { createTestBackend, type TestBackend } from '../support/testBackend';

const NOW = new Date('2026-11-23T12:00:00.000Z');
let backend: TestBackend;
let merchant: ReturnType<typeof merchantClient>;
let other: Awaited<ReturnType<typeof createShop>>;
let otherMerchant: ReturnType<typeof merchantClient>;

beforeAll(async () => {
  backend = await createTestBackend({ now: () => NOW });
  merchant = merchantClient(backend);
  other = await createShop(backend.db, { name: 'Başka Dükkan', programme: demoProgramme(NOW), allowedOrigins: ['https://other.example'], now: NOW });
  otherMerchant = merchantClient(backend, other.secretKey);
});
afterAll(() => backend.close());

const errorOf = (body: unknown) => ErrorEnvelope.parse(body).error;

describe('merchant authentication', () => {
  const wrongKeys = () => [
    ['no Authorization header', {}],
    ['a made-up secret key', { Authorization: `Bearer sk_demo_${'x'.repeat(40)}` }],
    ['the publishable key', { Authorization: `Bearer ${backend.shop.publishableKey}` }],
    ['the signing secret', { Authorization: `Bearer ${backend.shop.signingSecret}` }],
    ['the secret key without Bearer', { Authorization: backend.shop.secretKey }],
    ['Basic auth', { Authorization: `Basic ${Buffer.from(`${backend.shop.secretKey}:`).toString('base64')}` }],
    ['the key with one character changed', { Authorization: `Bearer ${backend.shop.secretKey.slice(0, -1)}${backend.shop.secretKey.endsWith('a') ? 'b' : 'a'}` }],
  ] as Array<[string, Record<string, string>]>;

  it('answers every wrong or missing key with the same bare 401, and changes nothing', async () => {
    const before = await ledgerState(backend);
    const messages = new Set<string>();
    for (const [name, headers] of wrongKeys()) {
      const response = await backend.app.request('/v1/merchant/orders', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ orderId: 'A-1', customer: { id: 'ayse' }, amount: 100, currency: 'TRY' }),
      });
      expect(response.status, name).toBe(401);
      const { error } = ErrorEnvelope.parse(await response.json());
      expect(error.code, name).toBe('unauthorized');
      expect(error.fields, name).toBeUndefined();
      messages.add(error.message);
    }
    expect(messages.size).toBe(1);
    expect(await ledgerState(backend)).toEqual(before);
  });

  it('a customer token is not a merchant key', async () => {
    const { status } = await merchantClient(backend, await backend.tokenFor('ayse'))('GET', '/v1/merchant/customers/ayse');
    expect(status).toBe(401);
  });

  it('sends no CORS headers: merchant routes are server to server', async () => {
    const response = await backend.app.request('/v1/merchant/customers/ayse', {
      headers: { Authorization: `Bearer ${backend.shop.secretKey}`, Origin: backend.origin },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    const preflight = await backend.app.request('/v1/merchant/orders', {
      method: 'OPTIONS',
      headers: { Origin: backend.origin, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('tenant scoping', () => {
  it("shows a shop its own customers, and another shop's key a 404", async () => {
    const mine = await merchant('GET', '/v1/merchant/customers/ayse');
    expect(mine.status).toBe(200);
    expect(MerchantCustomer.parse(mine.body)).toMatchObject({
      id: 'ayse',
      email: 'ayse.yilmaz@example.com',
      balance: 2450,
      lifetimeEarned: 3450,
      tier: { current: { id: 'gumus', name: 'Gümüş' } },
    });
    const theirs = await otherMerchant('GET', '/v1/merchant/customers/ayse');
    expect(theirs.status).toBe(404);
    expect(errorOf(theirs.body).code).toBe('customer_not_found');
  });

  it("keeps orders, refunds, adjustments and coupons out of another shop's reach", async () => {
    const before = await ledgerState(backend);
    const order = await otherMerchant('GET', '/v1/merchant/orders/1042');
    expect(order.status).toBe(404);
    expect(errorOf(order.body).code).toBe('order_not_found');
    const refund = await otherMerchant('POST', '/v1/merchant/orders/1042/refunds', { refundId: 'r1', amount: 10 });
    expect(refund.status).toBe(404);
    const adjustment = await otherMerchant('POST', '/v1/merchant/customers/ayse/adjustments', { points: 1000, reason: 'x', idempotencyKey: 'key-12345678' });
    expect(adjustment.status).toBe(404);
    const review = await otherMerchant('POST', '/v1/merchant/reviews', { customerId: 'ayse', reviewId: 'rv-x' });
    expect(review.status).toBe(404);
    // Elif's unused free-shipping code from the seed.
    for (const [action, body] of [['validate', {}], ['consume', { orderId: 'X-1' }]] as const) {
      const result = await otherMerchant('POST', `/v1/merchant/coupons/K7PM-3XQA-H9TW/${action}`, body);
      expect(result.status).toBe(404);
      expect(errorOf(result.body).code).toBe('coupon_not_found');
    }
    expect(await ledgerState(backend)).toEqual(before);
    const coupon = await backend.db.kysely.selectFrom('coupons').select('status').where('code', '=', 'K7PM-3XQA-H9TW').executeTakeFirstOrThrow();
    expect(coupon.status).toBe('issued');
  });

  it('answers an unknown customer with 404', async () => {
    const { status, body } = await merchant('GET', '/v1/merchant/customers/nobody');
    expect(status).toBe(404);
    expect(errorOf(body).code).toBe('customer_not_found');
  });
});

describe('GET and PUT /v1/merchant/programme', () => {
  it('reads the stored programme and replaces it; the storefront sees the change', async () => {
    const otherClient = otherMerchant;
    const stored = ProgrammeConfig.parse((await otherClient('GET', '/v1/merchant/programme')).body);
    expect(stored.name.tr).toBe('Kervan Kulübü');
    const changed = { ...stored, name: { tr: 'Başka Kulüp', en: 'Other Club' }, earnRules: [{ kind: 'order', id: 'order', pointsPerUnit: 2 }] };
    const put = await otherClient('PUT', '/v1/merchant/programme', changed);
    expect(put.status).toBe(200);
    expect(ProgrammeConfig.parse(put.body)).toEqual(changed);
    const boot = await backend.app.request(`/v1/boot?shop=${other.publishableKey}&locale=en`);
    const { programme } = BootResponse.parse(await boot.json());
    expect(programme.name).toBe('Other Club');
    expect(programme.earnRules).toEqual([{ kind: 'order', id: 'order', pointsPerUnit: 2 }]);
  });

  it.each([
    ['a negative reward cost', (p: ProgrammeConfig) => ({ ...p, rewards: p.rewards.map((r, i) => (i === 1 ? { ...r, cost: -5 } : r)) }), 'rewards.1.cost'],
    ['two rewards with one id', (p: ProgrammeConfig) => ({ ...p, rewards: [...p.rewards, p.rewards[0]!] }), 'rewards.4.id'],
    ['a reward for a tier that does not exist', (p: ProgrammeConfig) => ({ ...p, rewards: p.rewards.map((r) => ({ ...r, tierId: 'platin' })) }), 'rewards.0.tierId'],
    ['two order rules', (p: ProgrammeConfig) => ({ ...p, earnRules: [...p.earnRules, { kind: 'order', id: 'order-2', pointsPerUnit: 5 }] }), 'earnRules.8.kind'],
    ['a percentage above 100', (p: ProgrammeConfig) => ({ ...p, rewards: p.rewards.map((r) => (r.kind === 'percent_off' ? { ...r, value: 150 } : r)) }), 'rewards.2.value'],
    ['a campaign that ends before it starts', (p: ProgrammeConfig) => ({ ...p, campaigns: p.campaigns.map((c) => ({ ...c, endsAt: c.startsAt })) }), 'campaigns.0.endsAt'],
    ['two tiers at one threshold', (p: ProgrammeConfig) => ({ ...p, tiers: [...p.tiers, { ...p.tiers[1]!, id: 'platin' }] }), 'tiers.3.threshold'],
    ['an unknown time zone', (p: ProgrammeConfig) => ({ ...p, timeZone: 'Mars/Olympus' }), 'timeZone'],
    ['an unknown key', (p: ProgrammeConfig) => ({ ...p, surprise: true }), 'surprise'],
  ])('refuses %s, naming the field, and keeps the old programme', async (_name, edit, field) => {
    const before = (await merchant('GET', '/v1/merchant/programme')).body;
    const { status, body } = await merchant('PUT', '/v1/merchant/programme', edit(ProgrammeConfig.parse(before)));
    expect(status).toBe(400);
    expect(errorOf(body).fields?.map((f) => f.path)).toContain(field);
    expect((await merchant('GET', '/v1/merchant/programme')).body).toEqual(before);
  });
});
