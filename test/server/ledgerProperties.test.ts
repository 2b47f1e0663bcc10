import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwardResponse, ErrorEnvelope, RedeemResponse, RefundResponse, ReportOrderResponse, orderPoints } from '../../src/contract';
import { ledgerSum } from '../../src/server/domain/ledger';
import { demoProgramme } from '../../src/server/seed/demoProgramme';
import { customerRow, merchantClient, shopperClient, uniqueId } from '../support/loyalty';
import { createTestBackend, type TestBackend } from '../support/testBackend';

// Property test without a library: a seeded PRNG drives random sequences of earn / redeem / refund /
// adjust / consume through the real API, against a small model written from the rules, not from the
// implementation. After every step the cached balance, the ledger's sum and the model must agree;
// a failing seed replays exactly.

const NOW = new Date('2026-11-23T12:00:00.000Z');
const BEFORE_CAMPAIGN = '2026-11-01T12:00:00.000Z';
const SEEDS = [1, 7, 42, 2026];
const STEPS = 60;

/** mulberry32: tiny, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

const programme = demoProgramme(NOW);
const REWARDS = programme.rewards.filter((reward) => !reward.tierId);
const tierMultiplier = (earned: number) => [...programme.tiers].sort((a, b) => b.threshold - a.threshold).find((t) => t.threshold <= earned)?.multiplier ?? 1;

interface ModelOrder {
  orderId: string;
  customer: string;
  amountMinor: number;
  createdAt: string;
  earned: number;
  refundedMinor: number;
  reversed: number;
  refunds: Array<{ refundId: string; amountMinor: number }>;
}
interface ModelCustomer {
  id: string;
  balance: number;
  /** Points earned minus refund reversals: what tiers count (redemptions and adjustments do not). */
  tierValue: number;
  /** Whether the shop has reported them yet (adjustments need a known customer). */
  known: boolean;
}

let backend: TestBackend;
beforeAll(async () => {
  backend = await createTestBackend({ now: () => NOW });
});
afterAll(() => backend.close());

describe('ledger invariants under random sequences', () => {
  it.each(SEEDS)('seed %i: balance = Σ entries = the model after every step; redemptions never overdraw', async (seed) => {
    const random = prng(seed);
    const merchant = merchantClient(backend);
    const shopper = shopperClient(backend);
    const customers: ModelCustomer[] = Array.from({ length: 3 }, () => ({ id: uniqueId(`p${seed}`), balance: 0, tierValue: 0, known: false }));
    const orders: ModelOrder[] = [];
    const coupons: Array<{ code: string; usedBy: string | null }> = [];
    const log: string[] = [];

    for (let step = 0; step < STEPS; step++) {
      const customer = random.pick(customers);
      const op = random.pick(['order', 'order', 'repeat', 'refund', 'refund', 'redeem', 'adjust', 'consume'] as const);
      log.push(`${step}:${op}:${customer.id}`);
      const where = `seed ${seed}, ${log.slice(-3).join(' → ')}`;

      if (op === 'order' || (op === 'repeat' && orders.length === 0)) {
        const amountMinor = random.chance(0.1) ? 0 : random.int(1, 50_000);
        const createdAt = random.chance(0.5) ? NOW.toISOString() : BEFORE_CAMPAIGN;
        const order: ModelOrder = {
          orderId: uniqueId('o'),
          customer: customer.id,
          amountMinor,
          createdAt,
          earned: orderPoints({
            amount: amountMinor / 100,
            pointsPerUnit: 1,
            tierMultiplier: tierMultiplier(customer.tierValue),
            campaignMultiplier: createdAt === BEFORE_CAMPAIGN ? 1 : 2,
          }),
          refundedMinor: 0,
          reversed: 0,
          refunds: [],
        };
        const { status, body } = await merchant('POST', '/v1/merchant/orders', {
          orderId: order.orderId,
          customer: { id: customer.id },
          amount: amountMinor / 100,
          currency: 'TRY',
          createdAt,
        });
        expect(status, where).toBe(201);
        expect(ReportOrderResponse.parse(body).order.pointsEarned, where).toBe(order.earned);
        orders.push(order);
        customer.known = true;
        customer.balance += order.earned;
        customer.tierValue += order.earned;
      } else if (op === 'repeat') {
        const order = random.pick(orders);
        const { status, body } = await merchant('POST', '/v1/merchant/orders', {
          orderId: order.orderId,
          customer: { id: order.customer },
          amount: order.amountMinor / 100,
          currency: 'TRY',
          createdAt: order.createdAt,
        });
        expect(status, where).toBe(200);
        expect(ReportOrderResponse.parse(body).order, where).toMatchObject({ pointsEarned: order.earned, pointsReversed: order.reversed });
      } else if (op === 'refund') {
        const mine = orders.filter((o) => o.customer === customer.id);
        if (mine.length === 0) continue;
        const order = random.pick(mine);
        const replay = order.refunds.length > 0 && random.chance(0.2) ? random.pick(order.refunds) : null;
        const left = order.amountMinor - order.refundedMinor;
        const amountMinor = replay?.amountMinor ?? (random.chance(0.2) ? left + random.int(1, 500) : random.int(1, Math.max(1, left)));
        const refundId = replay?.refundId ?? uniqueId('r');
        const { status, body } = await merchant('POST', `/v1/merchant/orders/${order.orderId}/refunds`, { refundId, amount: amountMinor / 100 });
        if (replay) {
          expect(status, where).toBe(200);
        } else if (amountMinor > left) {
          expect(status, where).toBe(409);
          expect(ErrorEnvelope.parse(body).error.code, where).toBe('refund_exceeds_order');
        } else {
          expect(status, where).toBe(201);
          const keeps = Math.floor((order.earned * (order.amountMinor - order.refundedMinor - amountMinor)) / order.amountMinor);
          const reverse = order.earned - keeps - order.reversed;
          expect(RefundResponse.parse(body).refund.pointsReversed, where).toBe(reverse);
          order.refundedMinor += amountMinor;
          order.reversed += reverse;
          order.refunds.push({ refundId, amountMinor });
          const owner = customers.find((c) => c.id === order.customer)!;
          owner.balance -= reverse;
          owner.tierValue -= reverse;
        }
      } else if (op === 'redeem') {
        const reward = random.pick(REWARDS);
        const token = await backend.tokenFor(customer.id);
        const { status, body } = await shopper('POST', '/v1/redemptions', token, { rewardId: reward.id }, { 'Idempotency-Key': uniqueId('key-') });
        if (customer.balance >= reward.cost) {
          expect(status, where).toBe(201);
          const redeemed = RedeemResponse.parse(body);
          customer.balance -= reward.cost;
          expect(redeemed.balance, where).toBe(customer.balance);
          coupons.push({ code: redeemed.coupon.code, usedBy: null });
        } else {
          expect(status, where).toBe(409);
          expect(ErrorEnvelope.parse(body).error.code, where).toBe('insufficient_points');
        }
      } else if (op === 'adjust') {
        const points = random.int(1, 400) * (random.chance(0.5) ? 1 : -1);
        const allowNegative = random.chance(0.3);
        const { status, body } = await merchant('POST', `/v1/merchant/customers/${customer.id}/adjustments`, {
          points,
          reason: `step ${step}`,
          allowNegative,
          idempotencyKey: uniqueId('adj-key'),
        });
        if (!customer.known) {
          expect(status, where).toBe(404);
        } else if (points > 0 || allowNegative || customer.balance + points >= 0) {
          expect(status, where).toBe(201);
          customer.balance += points;
          expect(AwardResponse.parse(body).balance, where).toBe(customer.balance);
        } else {
          expect(status, where).toBe(409);
        }
      } else if (op === 'consume') {
        if (coupons.length === 0) continue;
        const coupon = random.pick(coupons);
        const orderId = uniqueId('use');
        const { status } = await merchant('POST', `/v1/merchant/coupons/${coupon.code}/consume`, { orderId });
        expect(status, where).toBe(coupon.usedBy ? 409 : 200);
        coupon.usedBy ??= orderId;
      }

      // After every step: each customer's cached balance equals the ledger's sum and the model.
      for (const c of customers) {
        const row = await backend.db.kysely.selectFrom('customers').select(['id', 'balance']).where('shop_id', '=', backend.shop.id).where('external_id', '=', c.id).executeTakeFirst();
        if (!row) {
          expect(c.balance, where).toBe(0);
          continue;
        }
        expect(row.balance, `${where}: cached balance of ${c.id}`).toBe(c.balance);
        expect(await ledgerSum(backend.db.kysely, backend.shop.id, row.id), `${where}: ledger sum of ${c.id}`).toBe(c.balance);
      }
    }

    // At the end: every order earned exactly one entry (if any points), refunds never reversed more
    // than it earned, and the stored order matches the model.
    for (const order of orders) {
      const row = await backend.db.kysely.selectFrom('orders').selectAll().where('shop_id', '=', backend.shop.id).where('external_id', '=', order.orderId).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ amount_minor: order.amountMinor, refunded_minor: order.refundedMinor, points_earned: order.earned, points_reversed: order.reversed });
      expect(row.points_reversed).toBeLessThanOrEqual(row.points_earned);
      expect(row.refunded_minor).toBeLessThanOrEqual(row.amount_minor);
      const entries = await backend.db.kysely.selectFrom('ledger_entries').select('delta').where('shop_id', '=', backend.shop.id).where('dedupe_key', '=', `order:${order.orderId}`).execute();
      expect(entries.map((e) => e.delta)).toEqual(order.earned > 0 ? [order.earned] : []);
    }
    for (const c of customers) {
      const row = await customerRow(backend, c.id).catch(() => null);
      if (row) expect(row.balance).toBe(c.balance);
    }
  });
});
