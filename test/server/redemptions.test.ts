import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouponCode, ErrorEnvelope, ProgrammeConfig, RedeemResponse } from '../../src/contract';
import { ensureCustomer } from '../../src/server/domain/customers';
import { appendLedgerEntry, ledgerSum } from '../../src/server/domain/ledger';
import { merchantClient } from '../support/loyalty';
import { createTestBackend, type TestBackend } from '../support/testBackend';

let backend: TestBackend;
beforeAll(async () => {
  backend = await createTestBackend();
});
afterAll(() => backend.close());

async function redeem(token: string, rewardId: string, key: string | null = randomUUID(), extra: { expectedCost?: unknown } = {}) {
  const response = await backend.app.request(`/v1/redemptions?shop=${backend.shop.publishableKey}&locale=tr`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
    body: JSON.stringify({ rewardId, ...extra }),
  });
  return { response, body: (await response.json()) as unknown };
}

async function customerState(externalId: string) {
  const row = await backend.db.kysely
    .selectFrom('customers')
    .select(['id', 'balance'])
    .where('shop_id', '=', backend.shop.id)
    .where('external_id', '=', externalId)
    .executeTakeFirstOrThrow();
  const coupons = await backend.db.kysely.selectFrom('coupons').select('code').where('customer_id', '=', row.id).execute();
  return { balance: row.balance, sum: await ledgerSum(backend.db.kysely, backend.shop.id, row.id), coupons: coupons.length };
}

/** A customer with exactly `points`, so tests control what they can afford. */
async function customerWith(points: number) {
  const externalId = `c-${randomUUID()}`;
  await backend.db.kysely.transaction().execute(async (trx) => {
    const customer = await ensureCustomer(trx, backend.shop.id, { externalId }, new Date());
    await appendLedgerEntry(trx, { shopId: backend.shop.id, customerId: customer.id, delta: points, kind: 'adjustment', at: new Date() });
  });
  return { externalId, token: await backend.tokenFor(externalId) };
}

const errorCode = (body: unknown) => ErrorEnvelope.parse(body).error.code;

describe('POST /v1/redemptions with expectedCost (T29: the price changed between display and click)', () => {
  /** Sets one reward's cost through the merchant API, as the shop's back office would. */
  async function setCost(rewardId: string, cost: number) {
    const merchant = merchantClient(backend);
    const programme = ProgrammeConfig.parse((await merchant('GET', '/v1/merchant/programme')).body);
    const next = { ...programme, rewards: programme.rewards.map((r) => (r.id === rewardId ? { ...r, cost } : r)) };
    expect((await merchant('PUT', '/v1/merchant/programme', next)).status).toBe(200);
  }

  it('refuses a stale expectedCost with 409 price_changed naming the current cost, and debits nothing', async () => {
    const { externalId, token } = await customerWith(1000);
    const { response, body } = await redeem(token, 'free-shipping', randomUUID(), { expectedCost: 300 });
    expect(response.status).toBe(409);
    const { error } = ErrorEnvelope.parse(body);
    expect(error.code).toBe('price_changed');
    expect(error.message).toContain('400');
    expect(await customerState(externalId)).toEqual({ balance: 1000, sum: 1000, coupons: 0 });
  });

  it('redeems when expectedCost matches, and as before when it is absent', async () => {
    const matching = await customerWith(1000);
    const ok = await redeem(matching.token, 'free-shipping', randomUUID(), { expectedCost: 400 });
    expect(ok.response.status).toBe(201);
    expect(RedeemResponse.parse(ok.body)).toMatchObject({ coupon: { cost: 400 }, balance: 600 });
    const old = await customerWith(1000);
    const legacy = await redeem(old.token, 'free-shipping');
    expect(legacy.response.status).toBe(201);
    expect(await customerState(old.externalId)).toEqual({ balance: 600, sum: 600, coupons: 1 });
  });

  it('refuses an expectedCost that is not a positive integer', async () => {
    const { externalId, token } = await customerWith(1000);
    for (const expectedCost of [0, -400, 1.5, '400', null, 2 ** 53]) {
      const { response, body } = await redeem(token, 'free-shipping', randomUUID(), { expectedCost });
      expect(response.status, String(expectedCost)).toBe(400);
      expect(errorCode(body)).toBe('validation_failed');
    }
    expect(await customerState(externalId)).toEqual({ balance: 1000, sum: 1000, coupons: 0 });
  });

  it('after the merchant raises the cost: the old price is refused, the key stays usable, the new price is charged', async () => {
    const { externalId, token } = await customerWith(1000);
    await setCost('free-shipping', 450);
    try {
      const key = randomUUID();
      const stale = await redeem(token, 'free-shipping', key, { expectedCost: 400 });
      expect(stale.response.status).toBe(409);
      expect(errorCode(stale.body)).toBe('price_changed');
      expect(await customerState(externalId)).toEqual({ balance: 1000, sum: 1000, coupons: 0 });
      // The refusal rolled the key's claim back: nothing is stored under it, so no error is replayed.
      const again = await redeem(token, 'free-shipping', key, { expectedCost: 450 });
      expect(again.response.status).toBe(201);
      expect(again.response.headers.get('Idempotent-Replayed')).toBeNull();
      expect(RedeemResponse.parse(again.body)).toMatchObject({ coupon: { cost: 450 }, balance: 550 });
      // A retry of that success with the same key and body replays it; with the stale price it is another request.
      expect((await redeem(token, 'free-shipping', key, { expectedCost: 450 })).response.headers.get('Idempotent-Replayed')).toBe('true');
      expect(errorCode((await redeem(token, 'free-shipping', key, { expectedCost: 400 })).body)).toBe('idempotency_key_reused');
      expect(await customerState(externalId)).toEqual({ balance: 550, sum: 550, coupons: 1 });
    } finally {
      await setCost('free-shipping', 400);
    }
  });
});

describe('POST /v1/redemptions', () => {
  it('spends points on a reward and issues a single-use code', async () => {
    const { externalId, token } = await customerWith(1200);
    const { response, body } = await redeem(token, '50-off');
    expect(response.status).toBe(201);
    const { coupon, balance } = RedeemResponse.parse(body);
    expect(CouponCode.safeParse(coupon.code).success).toBe(true);
    expect(coupon).toMatchObject({ rewardId: '50-off', rewardName: '50 ₺ indirim', kind: 'amount_off', value: 50, cost: 1000, status: 'issued' });
    expect(balance).toBe(200);
    expect(await customerState(externalId)).toEqual({ balance: 200, sum: 200, coupons: 1 });
  });

  it('returns the same code for a retry with the same key and debits once', async () => {
    const { externalId, token } = await customerWith(1000);
    const key = randomUUID();
    const first = await redeem(token, 'free-shipping', key);
    const retry = await redeem(token, 'free-shipping', key);
    expect(retry.response.status).toBe(201);
    expect(retry.response.headers.get('Idempotent-Replayed')).toBe('true');
    expect(RedeemResponse.parse(retry.body).coupon.code).toBe(RedeemResponse.parse(first.body).coupon.code);
    expect(await customerState(externalId)).toEqual({ balance: 600, sum: 600, coupons: 1 });
  });

  it('refuses the same key with a different request', async () => {
    const { externalId, token } = await customerWith(5000);
    const key = randomUUID();
    await redeem(token, 'free-shipping', key);
    const other = await redeem(token, '50-off', key);
    expect(other.response.status).toBe(422);
    expect(errorCode(other.body)).toBe('idempotency_key_reused');
    expect(await customerState(externalId)).toEqual({ balance: 4600, sum: 4600, coupons: 1 });
  });

  it('keeps keys per customer: one shopper cannot replay another\u2019s redemption', async () => {
    const a = await customerWith(1000);
    const b = await customerWith(1000);
    const key = randomUUID();
    const first = await redeem(a.token, 'free-shipping', key);
    const second = await redeem(b.token, 'free-shipping', key);
    expect(second.response.status).toBe(201);
    expect(RedeemResponse.parse(second.body).coupon.code).not.toBe(RedeemResponse.parse(first.body).coupon.code);
    expect((await customerState(b.externalId)).balance).toBe(600);
  });

  it.each([
    ['an unknown reward', 'no-such-reward', 1000, 404, 'reward_not_found'],
    ['a reward above the balance', '50-off', 999, 409, 'insufficient_points'],
    ['a reward for a higher tier', 'kervan-cup', 5000, 403, 'tier_required'],
  ])('refuses %s and changes nothing', async (_name, rewardId, points, status, code) => {
    const { externalId, token } = await customerWith(points);
    const { response, body } = await redeem(token, rewardId);
    expect(response.status).toBe(status);
    expect(errorCode(body)).toBe(code);
    expect(await customerState(externalId)).toEqual({ balance: points, sum: points, coupons: 0 });
  });

  it('lets a shopper in the required tier redeem a tier reward', async () => {
    const { response } = await redeem(await backend.tokenFor('elif'), 'kervan-cup');
    expect(response.status).toBe(201);
  });

  it('needs an Idempotency-Key, a customer token and a valid body', async () => {
    const { token } = await customerWith(1000);
    expect(errorCode((await redeem(token, '50-off', null)).body)).toBe('idempotency_key_required');
    const guest = await backend.app.request(`/v1/redemptions?shop=${backend.shop.publishableKey}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({ rewardId: '50-off' }),
    });
    expect(guest.status).toBe(401);
    const sneaky = await backend.app.request(`/v1/redemptions?shop=${backend.shop.publishableKey}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({ rewardId: '50-off', customerId: 'ayse' }),
    });
    expect(sneaky.status).toBe(400);
    expect(errorCode(await sneaky.json())).toBe('validation_failed');
  });

  it('debits exactly once when 50 redemptions race for a balance that affords one', async () => {
    const { externalId, token } = await customerWith(1000);
    const results = await Promise.all(Array.from({ length: 50 }, () => redeem(token, '50-off')));
    const statuses = results.map((r) => r.response.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(await customerState(externalId)).toEqual({ balance: 0, sum: 0, coupons: 1 });
  });

  it('debits once when the same key is sent many times at once', async () => {
    const { externalId, token } = await customerWith(5000);
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 10 }, () => redeem(token, 'free-shipping', key)));
    const codes = new Set(
      results.filter((r) => r.response.status === 201).map((r) => RedeemResponse.parse(r.body).coupon.code),
    );
    expect(codes.size).toBe(1);
    for (const r of results) expect([201, 409]).toContain(r.response.status);
    expect(await customerState(externalId)).toEqual({ balance: 4600, sum: 4600, coupons: 1 });
  });
});
