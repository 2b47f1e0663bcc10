import type { OrderView, ProgrammeConfig } from '../../contract';
import { defineGroup, type Check, type CheckApi } from '../kit';
import { ensureCustomer, firstRedemption, fund } from './redemptions';

const ORDER_AMOUNT = 100;
const REFUND_AMOUNT = 40;

/** Ids the shop's server would choose; unique per run so every check starts from nothing. */
const newRef = () => `conformance-${crypto.randomUUID()}`;

interface Ledger {
  customerId: string;
  order: OrderView;
  /** The customer's balance after the order was first reported. */
  balanceAfterOrder: number;
}

/** A new customer and their first order (100 in the programme's currency), reported once. */
function reportedOrder(t: CheckApi): Promise<Ledger> {
  return t.shared('loyalty.order', async () => {
    const { programme } = await t.guestBoot();
    const customerId = t.newCustomerId();
    const body = { orderId: newRef(), customer: { id: customerId }, amount: ORDER_AMOUNT, currency: programme.currency };
    const exchange = await t.call('reportOrder', { body });
    const { order, balance } = t.expectSuccess('reportOrder', exchange, 201);
    const mismatch = (['orderId', 'amount', 'currency'] as const).find((field) => order[field] !== body[field]);
    if (mismatch) t.fail(`the recorded order's ${mismatch} is ${String(order[mismatch])}, reported ${String(body[mismatch])}`, exchange);
    if (order.customerId !== customerId) t.fail(`the order belongs to ${order.customerId}, reported for ${customerId}`, exchange);
    if (order.refundedAmount !== 0 || order.pointsReversed !== 0) t.fail('a new order already shows refunds', exchange);
    if (balance !== order.pointsEarned) t.fail(`a new customer's first order earned ${order.pointsEarned}, the balance says ${balance}`, exchange);
    return { customerId, order, balanceAfterOrder: balance };
  });
}

/** The balance as the shop's server reads it. */
async function merchantBalance(t: CheckApi, customerId: string): Promise<number> {
  const exchange = await t.call('getCustomer', { params: { customerId } });
  return t.expectSuccess('getCustomer', exchange, 200).balance;
}

/** One earning rule of `kind`, or a skip naming it: not every programme pays for sign-ups or reviews. */
async function ruleOf(t: CheckApi, kind: 'signup' | 'review' | 'action'): Promise<{ id: string }> {
  const { programme } = await t.guestBoot();
  return programme.earnRules.find((rule) => rule.kind === kind) ?? t.skip(`not applicable: the programme has no ${kind} rule`);
}

/** Canonical JSON (sorted keys), to compare documents whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const MERCHANT = ['secret'] as const;
const SIGNED_IN = ['secret', 'signingSecret'] as const;

function check(id: string, title: string, routes: Check['routes'], run: Check['run'], extra: Partial<Check> = {}): Check {
  return { id, title, routes: [...routes, 'boot'], needs: MERCHANT, run, ...extra };
}

/**
 * The loyalty programme from the shop's server: orders earn once, refunds reverse by the contract's
 * formula, adjustments and awards are idempotent, coupons validate and are consumed exactly once,
 * and the programme reads back as written. Every check works on customers and orders of its own.
 */
export const loyaltyChecks = defineGroup({
  id: 'loyalty',
  title: 'Loyalty (orders, refunds, awards, coupons)',
  checks: [
    check(
      'order-once',
      'an order reported twice earns once: 201, then 200 with the same order and balance',
      ['reportOrder'],
      async (t) => {
        const first = await reportedOrder(t);
        const body = { orderId: first.order.orderId, customer: { id: first.customerId }, amount: ORDER_AMOUNT, currency: first.order.currency };
        const exchange = await t.call('reportOrder', { body });
        const again = t.expectSuccess('reportOrder', exchange, 200);
        if (again.order.pointsEarned !== first.order.pointsEarned) t.fail(`the repeat earned ${again.order.pointsEarned}, the first ${first.order.pointsEarned}`, exchange);
        if (again.balance !== first.balanceAfterOrder) t.fail(`the repeat moved the balance from ${first.balanceAfterOrder} to ${again.balance}`, exchange);
      },
      { covers: ['reportOrder'] },
    ),
    check('order-conflict', 'the same orderId with another amount → 409 conflict', ['reportOrder'], async (t) => {
      const first = await reportedOrder(t);
      const body = { orderId: first.order.orderId, customer: { id: first.customerId }, amount: ORDER_AMOUNT + 1, currency: first.order.currency };
      t.expectError(await t.call('reportOrder', { body }), 409, 'conflict');
    }),
    check(
      'get-order',
      'reads an order back as recorded (200 OrderView); an unknown one → 404 order_not_found',
      ['reportOrder', 'getOrder'],
      async (t) => {
        const { order } = await reportedOrder(t);
        const exchange = await t.call('getOrder', { params: { orderId: order.orderId } });
        const read = t.expectSuccess('getOrder', exchange, 200);
        if (read.pointsEarned !== order.pointsEarned || read.amount !== order.amount) t.fail('the order reads back differently from how it was recorded', exchange);
        t.expectError(await t.call('getOrder', { params: { orderId: newRef() } }), 404, 'order_not_found');
      },
      { covers: ['getOrder'] },
    ),
    check(
      'refund',
      `a refund of ${REFUND_AMOUNT} of ${ORDER_AMOUNT} reverses pointsEarned − floor(pointsEarned × 60 / 100), once`,
      ['reportOrder', 'refundOrder'],
      async (t) => {
        const { order, balanceAfterOrder } = await reportedOrder(t);
        const body = { refundId: newRef(), amount: REFUND_AMOUNT };
        const exchange = await t.call('refundOrder', { params: { orderId: order.orderId }, body });
        const refunded = t.expectSuccess('refundOrder', exchange, 201);
        const kept = Math.floor((order.pointsEarned * (ORDER_AMOUNT - REFUND_AMOUNT)) / ORDER_AMOUNT);
        const reversed = order.pointsEarned - kept;
        if (refunded.refund.pointsReversed !== reversed) t.fail(`${order.pointsEarned} earned, keeps ${kept}: should reverse ${reversed}, reversed ${refunded.refund.pointsReversed}`, exchange);
        if (refunded.order.refundedAmount !== REFUND_AMOUNT) t.fail(`refundedAmount is ${refunded.order.refundedAmount}, refunded ${REFUND_AMOUNT}`, exchange);
        if (refunded.balance !== balanceAfterOrder - reversed) t.fail(`balance ${balanceAfterOrder} − ${reversed} should be ${balanceAfterOrder - reversed}, got ${refunded.balance}`, exchange);
        const replay = await t.call('refundOrder', { params: { orderId: order.orderId }, body });
        const again = t.expectSuccess('refundOrder', replay, 200);
        if (again.balance !== refunded.balance || again.refund.pointsReversed !== reversed) t.fail('repeating the refund changed the balance or the reversal', replay);
      },
      { covers: ['refundOrder'] },
    ),
    check('refund-exceeds', 'a refund beyond the order amount → 409 refund_exceeds_order', ['reportOrder', 'refundOrder'], async (t) => {
      const { order } = await reportedOrder(t);
      const body = { refundId: newRef(), amount: ORDER_AMOUNT + 1 };
      t.expectError(await t.call('refundOrder', { params: { orderId: order.orderId }, body }), 409, 'refund_exceeds_order');
    }),
    check(
      'customer',
      "reads a customer (200 MerchantCustomer); an unknown one → 404 customer_not_found",
      ['reportOrder', 'getCustomer'],
      async (t) => {
        const { customerId } = await reportedOrder(t);
        const exchange = await t.call('getCustomer', { params: { customerId } });
        if (t.expectSuccess('getCustomer', exchange, 200).id !== customerId) t.fail(`asked for ${customerId}, got another customer`, exchange);
        t.expectError(await t.call('getCustomer', { params: { customerId: t.newCustomerId() } }), 404, 'customer_not_found');
      },
      { covers: ['getCustomer'] },
    ),
    check(
      'adjust-once',
      'an adjustment repeated with its Idempotency-Key writes one entry (201 AwardResponse)',
      ['reportOrder', 'adjustPoints', 'getCustomer'],
      async (t) => {
        const { customerId } = await reportedOrder(t);
        const before = await merchantBalance(t, customerId);
        const key = crypto.randomUUID();
        const send = () => t.call('adjustPoints', { params: { customerId }, body: { points: 25, reason: 'Sadakat conformance kit' }, headers: { 'Idempotency-Key': key } });
        const exchange = await send();
        const first = t.expectSuccess('adjustPoints', exchange, 201);
        if (first.entry.kind !== 'adjustment' || first.entry.delta !== 25) t.fail(`expected an adjustment entry of 25, got ${first.entry.kind} ${first.entry.delta}`, exchange);
        if (first.balance !== before + 25) t.fail(`balance ${before} + 25 should be ${before + 25}, got ${first.balance}`, exchange);
        const replay = await send();
        const again = t.expectSuccess('adjustPoints', replay, 201);
        if (again.entry.id !== first.entry.id || again.balance !== first.balance) t.fail('the repeated adjustment wrote another entry', replay);
      },
      { covers: ['adjustPoints'] },
    ),
    check('adjust-key-required', 'an adjustment without an idempotency key → 400 idempotency_key_required', ['reportOrder', 'adjustPoints'], async (t) => {
      const { customerId } = await reportedOrder(t);
      const exchange = await t.call('adjustPoints', { params: { customerId }, body: { points: 25, reason: 'Sadakat conformance kit' } });
      t.expectError(exchange, 400, 'idempotency_key_required');
    }),
    check(
      'signup-once',
      'a sign-up reported twice pays its bonus once: 201, then 200 with the same entry',
      ['reportSignup'],
      async (t) => {
        await ruleOf(t, 'signup');
        const body = { customer: { id: t.newCustomerId() } };
        const first = t.expectSuccess('reportSignup', await t.call('reportSignup', { body }), 201);
        const replay = await t.call('reportSignup', { body });
        const again = t.expectSuccess('reportSignup', replay, 200);
        if (again.entry.id !== first.entry.id || again.balance !== first.balance) t.fail('the repeated sign-up paid again', replay);
      },
      { covers: ['reportSignup'] },
    ),
    check(
      'review-once',
      'a review reported twice pays once: 201, then 200 with the same entry',
      ['reportOrder', 'reportReview'],
      async (t) => {
        await ruleOf(t, 'review');
        const { customerId } = await reportedOrder(t);
        const body = { customerId, reviewId: newRef(), productName: 'Conformance kit' };
        const first = t.expectSuccess('reportReview', await t.call('reportReview', { body }), 201);
        const replay = await t.call('reportReview', { body });
        const again = t.expectSuccess('reportReview', replay, 200);
        if (again.entry.id !== first.entry.id || again.balance !== first.balance) t.fail('the repeated review paid again', replay);
      },
      { covers: ['reportReview'] },
    ),
    check(
      'activity',
      "pages through a shopper's activity, newest first, without overlap (200 ActivityPage)",
      ['reportOrder', 'adjustPoints', 'activity'],
      async (t) => {
        const customerId = t.newCustomerId();
        await ensureCustomer(t, customerId);
        await fund(t, customerId, 1);
        const token = await t.validToken(customerId);
        const first = await t.call('activity', { token, asCustomer: true, query: { limit: '1' } });
        const page = t.expectSuccess('activity', first, 200);
        const cursor = page.nextCursor ?? t.fail('a shopper with two entries should have a next page after a page of 1', first);
        if (page.entries.length !== 1) t.fail(`asked for 1 entry, got ${page.entries.length}`, first);
        const second = await t.call('activity', { token, asCustomer: true, query: { limit: '1', cursor } });
        const next = t.expectSuccess('activity', second, 200);
        if (next.entries.some((entry) => page.entries.some((seen) => seen.id === entry.id))) t.fail('the next page repeats an entry', second);
        if ((next.entries[0]?.createdAt ?? '') > (page.entries[0]?.createdAt ?? '')) t.fail('the next page is newer than the first: entries are not newest first', second);
      },
      { covers: ['activity'], needs: SIGNED_IN },
    ),
    check(
      'claim-once',
      'a shopper claims an action once (201 ClaimResponse); again → 409 already_claimed',
      ['reportOrder', 'claim'],
      async (t) => {
        const { id: actionId } = await ruleOf(t, 'action');
        const { customerId } = await reportedOrder(t);
        const token = await t.validToken(customerId);
        const exchange = await t.call('claim', { token, asCustomer: true, body: { kind: 'action', actionId } });
        const claimed = t.expectSuccess('claim', exchange, 201);
        if (!claimed.claimedActions.includes(actionId)) t.fail(`claimedActions does not list ${actionId}`, exchange);
        t.expectError(await t.call('claim', { token, body: { kind: 'action', actionId } }), 409, 'already_claimed');
      },
      { covers: ['claim'], needs: SIGNED_IN },
    ),
    check(
      'coupon-validate',
      "validates the run's coupon for its owner without using it (200, status issued)",
      ['redeem', 'validateCoupon'],
      async (t) => {
        const { customerId, response } = await firstRedemption(t);
        const orderAmount = Math.max(response.coupon.minOrder ?? 0, 1000);
        const exchange = await t.call('validateCoupon', { params: { code: response.coupon.code }, body: { orderAmount, customerId } });
        const { coupon } = t.expectSuccess('validateCoupon', exchange, 200);
        if (coupon.code !== response.coupon.code || coupon.status !== 'issued' || coupon.customerId !== customerId) {
          t.fail(`expected ${response.coupon.code}, issued, owned by ${customerId}; got ${coupon.code}, ${coupon.status}, ${coupon.customerId}`, exchange);
        }
      },
      { covers: ['validateCoupon'], needs: SIGNED_IN },
    ),
    check(
      'coupon-consume-once',
      'consumes a coupon on an order; the same order again is a success, another order → 409 coupon_used',
      ['redeem', 'consumeCoupon'],
      async (t) => {
        const { customerId, response } = await firstRedemption(t);
        const orderAmount = Math.max(response.coupon.minOrder ?? 0, 1000);
        const consume = (orderId: string) => t.call('consumeCoupon', { params: { code: response.coupon.code }, body: { orderId, orderAmount, customerId } });
        const orderId = newRef();
        const exchange = await consume(orderId);
        const { coupon } = t.expectSuccess('consumeCoupon', exchange, 200);
        if (coupon.status !== 'used' || coupon.usedOrderId !== orderId) t.fail(`expected used on ${orderId}, got ${coupon.status} on ${coupon.usedOrderId}`, exchange);
        t.expectSuccess('consumeCoupon', await consume(orderId), 200);
        t.expectError(await consume(newRef()), 409, 'coupon_used');
      },
      { covers: ['consumeCoupon'], needs: SIGNED_IN },
    ),
    check('coupon-unknown', 'an unknown code → 404 coupon_not_found', ['validateCoupon'], async (t) => {
      t.expectError(await t.call('validateCoupon', { params: { code: 'ZZZZ-ZZZZ-ZZZZ' }, body: {} }), 404, 'coupon_not_found');
    }),
    check(
      'programme',
      'the programme reads back exactly as written (GET, then PUT of the same document)',
      ['getProgramme', 'putProgramme'],
      async (t) => {
        const read = await t.call('getProgramme');
        const programme: ProgrammeConfig = t.expectSuccess('getProgramme', read, 200);
        const written = await t.call('putProgramme', { body: programme });
        const echoed = t.expectSuccess('putProgramme', written, 200);
        if (canonical(echoed) !== canonical(programme)) t.fail('writing the programme back unchanged changed it', written);
      },
      { covers: ['getProgramme', 'putProgramme'] },
    ),
    check('programme-invalid', 'a programme with a bad currency → 400 validation_failed naming currency (nothing saved)', ['getProgramme', 'putProgramme'], async (t) => {
      const programme = t.expectSuccess('getProgramme', await t.call('getProgramme'), 200);
      const exchange = await t.call('putProgramme', { body: { ...programme, currency: 'lira' } });
      const envelope = t.expectError(exchange, 400, 'validation_failed');
      if (!envelope.error.fields?.some((field) => field.path === 'currency')) t.fail('error.fields should name currency', exchange);
    }),
  ],
});
