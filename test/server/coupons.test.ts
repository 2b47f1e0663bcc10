import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsumeCouponResponse, ErrorEnvelope, RedeemResponse, ValidateCouponResponse } from '../../src/contract';
import { createShop } from '../../src/server';
import { normalizeCouponCode } from '../../src/server/domain/coupons';
import { demoProgramme } from '../../src/server/seed/demoProgramme';
import { ledgerState, merchantClient, shopperClient, uniqueId } from '../support/loyalty';
import { createTestBackend, type TestBackend } from '../support/testBackend';

const START = new Date('2026-11-23T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
let clock = START;

let backend: TestBackend;
let merchant: ReturnType<typeof merchantClient>;
let otherMerchant: ReturnType<typeof merchantClient>;

beforeAll(async () => {
  backend = await createTestBackend({ now: () => clock });
  merchant = merchantClient(backend);
  const other = await createShop(backend.db, { name: 'Other', programme: demoProgramme(START), allowedOrigins: [], now: START });
  otherMerchant = merchantClient(backend, other.secretKey);
});
afterAll(() => backend.close());

const errorOf = (body: unknown) => ErrorEnvelope.parse(body).error;

/** A new shopper with enough points, who redeems `rewardId` and gets its code. */
async function issue(rewardId: string): Promise<{ shopper: string; code: string }> {
  const shopper = uniqueId('cp');
  await merchant('POST', '/v1/merchant/orders', { orderId: uniqueId('o'), customer: { id: shopper }, amount: 1000, currency: 'TRY' });
  const token = await backend.tokenFor(shopper);
  const { status, body } = await shopperClient(backend)('POST', '/v1/redemptions', token, { rewardId }, { 'Idempotency-Key': uniqueId('key-') });
  expect(status).toBe(201);
  return { shopper, code: RedeemResponse.parse(body).coupon.code };
}

const validate = (code: string, body: unknown = {}, client = merchant) => client('POST', `/v1/merchant/coupons/${encodeURIComponent(code)}/validate`, body);
const consume = (code: string, body: unknown, client = merchant) => client('POST', `/v1/merchant/coupons/${encodeURIComponent(code)}/consume`, body);

describe('coupon codes', () => {
  it('are read the way shoppers type them', () => {
    expect(normalizeCouponCode('7qx4 m2pd kh3a')).toBe('7QX4-M2PD-KH3A');
    expect(normalizeCouponCode(' 7QX4M2PDKH3A ')).toBe('7QX4-M2PD-KH3A');
    expect(normalizeCouponCode('7QX4-M2PD-KH3')).toBeNull();
    expect(normalizeCouponCode('0OIL-M2PD-KH3A')).toBeNull();
  });
});

describe('POST /v1/merchant/coupons/{code}/validate', () => {
  it('tells the checkout what the code grants, and changes nothing', async () => {
    const { shopper, code } = await issue('50-off');
    const before = await ledgerState(backend);
    const { status, body } = await validate(code.toLowerCase().replaceAll('-', ' '), { orderAmount: 30, customerId: shopper });
    expect(status).toBe(200);
    const data = ValidateCouponResponse.parse(body);
    expect(data.coupon).toMatchObject({ code, customerId: shopper, rewardId: '50-off', kind: 'amount_off', value: 50, status: 'issued', usedOrderId: null });
    expect(data.discountAmount).toBe(30); // capped at the order amount
    expect(ValidateCouponResponse.parse((await validate(code, { orderAmount: 129.9 })).body).discountAmount).toBe(50);
    expect(ValidateCouponResponse.parse((await validate(code)).body).discountAmount).toBeNull();
    expect(await ledgerState(backend)).toEqual(before);
  });

  it('computes percentages down to the cent and enforces the minimum order', async () => {
    const { code } = await issue('10-percent'); // 10 %, minimum order 750
    expect(ValidateCouponResponse.parse((await validate(code, { orderAmount: 1234.56 })).body).discountAmount).toBe(123.45);
    expect(ValidateCouponResponse.parse((await validate(code, { orderAmount: 750 })).body).discountAmount).toBe(75);
    const low = await validate(code, { orderAmount: 749.99 });
    expect(low.status).toBe(422);
    expect(errorOf(low.body).code).toBe('coupon_min_order');
  });

  it('gives free shipping no amount: the shop applies it by kind', async () => {
    const { code } = await issue('free-shipping');
    const data = ValidateCouponResponse.parse((await validate(code, { orderAmount: 100 })).body);
    expect(data.coupon.kind).toBe('free_shipping');
    expect(data.discountAmount).toBeNull();
    expect(data.coupon.expiresAt).toBe(new Date(START.getTime() + 90 * DAY).toISOString());
  });

  it.each([
    ['an unknown code', 'AAAA-BBBB-CCCC'],
    ['something that is not a code', 'hello world'],
    ['an overlong code', 'A'.repeat(40)],
  ])('answers %s with 404 coupon_not_found', async (_name, code) => {
    const { status, body } = await validate(code);
    expect(status).toBe(404);
    expect(errorOf(body).code).toBe('coupon_not_found');
  });

  it("refuses another customer's code without telling its state", async () => {
    const { code } = await issue('50-off');
    const { status, body } = await validate(code, { customerId: 'ayse' });
    expect(status).toBe(403);
    expect(errorOf(body).code).toBe('coupon_wrong_customer');
  });

  it('refuses bad checkout input with the field named', async () => {
    const { code } = await issue('50-off');
    for (const [input, field] of [
      [{ orderAmount: -1 }, 'orderAmount'],
      [{ orderAmount: 10.001 }, 'orderAmount'],
      [{ discount: 1 }, 'discount'],
    ] as const) {
      const { status, body } = await validate(code, input);
      expect(status).toBe(400);
      expect(errorOf(body).fields?.[0]?.path).toBe(field);
    }
  });
});

describe('POST /v1/merchant/coupons/{code}/consume', () => {
  it('marks the code used exactly once; the same order again is a success, another order 409', async () => {
    const { shopper, code } = await issue('50-off');
    const before = await ledgerState(backend);
    const first = await consume(code, { orderId: 'KRV-1', orderAmount: 200, customerId: shopper });
    expect(first.status).toBe(200);
    const used = ConsumeCouponResponse.parse(first.body).coupon;
    expect(used).toMatchObject({ status: 'used', usedOrderId: 'KRV-1', usedAt: START.toISOString() });

    const retry = await consume(code, { orderId: 'KRV-1' });
    expect(retry.status).toBe(200);
    expect(ConsumeCouponResponse.parse(retry.body).coupon).toEqual(used);

    const other = await consume(code, { orderId: 'KRV-2' });
    expect(other.status).toBe(409);
    expect(errorOf(other.body).code).toBe('coupon_used');
    const check = await validate(code);
    expect(check.status).toBe(409);
    expect(errorOf(check.body).code).toBe('coupon_used');
    // Consuming never moves points: they were spent when the code was issued.
    expect(await ledgerState(backend)).toEqual(before);
  });

  it('lets exactly one of many checkouts racing for the same code win', async () => {
    const { code } = await issue('free-shipping');
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => consume(code, { orderId: `RACE-${i}` })));
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => errorOf(r.body).code === 'coupon_used')).toBe(true);
    const row = await backend.db.kysely.selectFrom('coupons').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    expect(row.used_order).toBe(ConsumeCouponResponse.parse(winners[0]!.body).coupon.usedOrderId);
  });

  it('refuses a code below its minimum order and leaves it usable', async () => {
    const { code } = await issue('10-percent');
    const low = await consume(code, { orderId: 'KRV-LOW', orderAmount: 100 });
    expect(low.status).toBe(422);
    expect(errorOf(low.body).code).toBe('coupon_min_order');
    expect((await consume(code, { orderId: 'KRV-OK', orderAmount: 800 })).status).toBe(200);
  });

  it('refuses a void code', async () => {
    const { code } = await issue('50-off');
    await backend.db.kysely.updateTable('coupons').set({ status: 'void' }).where('code', '=', code).execute();
    for (const result of [await validate(code), await consume(code, { orderId: 'KRV-V' })]) {
      expect(result.status).toBe(410);
      expect(errorOf(result.body).code).toBe('coupon_void');
    }
  });

  it('refuses an expired code (free shipping is valid for 90 days), and drops it from the shopper\u2019s wallet', async () => {
    const { shopper, code } = await issue('free-shipping');
    clock = new Date(START.getTime() + 90 * DAY - 1);
    try {
      expect((await validate(code)).status).toBe(200);
      clock = new Date(START.getTime() + 90 * DAY);
      for (const result of [await validate(code), await consume(code, { orderId: 'KRV-E' })]) {
        expect(result.status).toBe(410);
        expect(errorOf(result.body).code).toBe('coupon_expired');
      }
      const boot = await backend.app.request(`/v1/boot?shop=${backend.shop.publishableKey}`, {
        headers: { Authorization: `Bearer ${await backend.tokenFor(shopper)}` },
      });
      const { customer } = (await boot.json()) as { customer: { coupons: unknown[] } };
      expect(customer.coupons).toEqual([]);
    } finally {
      clock = START;
    }
  });

  it("is not another shop's to see or use", async () => {
    const { code } = await issue('50-off');
    for (const result of [await validate(code, {}, otherMerchant), await consume(code, { orderId: 'X' }, otherMerchant)]) {
      expect(result.status).toBe(404);
      expect(errorOf(result.body).code).toBe('coupon_not_found');
    }
    expect((await validate(code)).status).toBe(200);
  });

  it('needs an order id', async () => {
    const { code } = await issue('50-off');
    const { status, body } = await consume(code, {});
    expect(status).toBe(400);
    expect(errorOf(body).fields?.[0]?.path).toBe('orderId');
  });
});
