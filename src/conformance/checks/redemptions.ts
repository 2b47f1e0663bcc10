import type { RedeemResponse, Reward } from '../../contract';
import { defineGroup, type Check, type CheckApi } from '../kit';

const NO_SUCH_REWARD = 'conformance-no-such-reward';

/** The cheapest reward anyone may redeem (no tier requirement): the one the checks spend points on. */
async function cheapestReward(t: CheckApi): Promise<Reward> {
  const { programme } = await t.guestBoot();
  const open = programme.rewards.filter((reward) => !reward.tierId).sort((a, b) => a.cost - b.cost);
  return open[0] ?? t.skip('not applicable: the programme has no reward without a tier requirement');
}

async function balanceOf(t: CheckApi, token: string): Promise<number> {
  const exchange = await t.call('boot', { token, asCustomer: true });
  const body = t.expectSuccess('boot', exchange, 200);
  return body.customer?.balance ?? t.fail('a valid customer token got no customer snapshot', exchange);
}

function redeem(t: CheckApi, token: string, key: string | null, rewardId: string, expectedCost?: number) {
  return t.call('redeem', {
    token,
    asCustomer: true,
    body: expectedCost === undefined ? { rewardId } : { rewardId, expectedCost },
    headers: key === null ? {} : { 'Idempotency-Key': key },
  });
}

/**
 * Makes `id` a customer the server knows, as a shop's server would: a sign-up report, or (for a
 * programme without a sign-up bonus) a one-unit order.
 */
export async function ensureCustomer(t: CheckApi, id: string): Promise<void> {
  if (t.state.isListed('reportSignup')) {
    const exchange = await t.call('reportSignup', { body: { customer: { id } } });
    if (exchange.status === 201 || exchange.status === 200) return;
  }
  const { programme } = await t.guestBoot();
  const body = { orderId: `conformance-${crypto.randomUUID()}`, customer: { id }, amount: 1, currency: programme.currency };
  t.expectStatus(await t.call('reportOrder', { body }), [201, 200], `creating customer ${id} with a one-unit order`);
}

/** Adds `points` to a customer through the merchant adjustment route (idempotent by key). */
export async function fund(t: CheckApi, id: string, points: number): Promise<void> {
  const key = crypto.randomUUID();
  const exchange = await t.call('adjustPoints', {
    params: { customerId: id },
    body: { points, reason: 'Sadakat conformance kit', idempotencyKey: key },
    headers: { 'Idempotency-Key': key },
  });
  t.expectStatus(exchange, 201, `funding ${id} through adjustPoints`);
}

/**
 * A customer who can afford `cost`: `--customer`, or a new one the kit creates and funds through
 * the merchant routes when the server lists them and `--secret` was given.
 */
async function customerWithPoints(t: CheckApi, cost: number): Promise<{ id: string; token: string }> {
  if (t.options.customer) {
    const token = await t.validToken(t.options.customer);
    const balance = await balanceOf(t, token);
    if (balance < cost) t.skip(`--customer ${t.options.customer} has ${balance} points; the cheapest reward costs ${cost}`);
    return { id: t.options.customer, token };
  }
  const canFund = ['adjustPoints', 'reportOrder'] as const;
  if (!t.options.secret || !canFund.every((route) => t.state.isListed(route))) {
    t.skip(`needs --customer <id with at least ${cost} points> (or --secret, with a server that lists adjustPoints and reportOrder)`);
  }
  const id = t.newCustomerId();
  await ensureCustomer(t, id);
  await fund(t, id, cost);
  return { id, token: await t.validToken(id) };
}

export interface FirstRedemption {
  /** The customer (token `sub`) who redeemed. */
  customerId: string;
  token: string;
  key: string;
  reward: Reward;
  before: number;
  response: RedeemResponse;
}

/** The run's one real redemption (shared: the loyalty group validates and consumes its coupon). */
export function firstRedemption(t: CheckApi): Promise<FirstRedemption> {
  return t.shared('redemptions.first', async () => {
    const reward = await cheapestReward(t);
    const { id: customerId, token } = await customerWithPoints(t, reward.cost);
    const before = await balanceOf(t, token);
    const key = crypto.randomUUID();
    const exchange = await redeem(t, token, key, reward.id);
    const response = t.expectSuccess('redeem', exchange, 201);
    if (response.coupon.rewardId !== reward.id) t.fail(`asked for ${reward.id}, got a coupon for ${response.coupon.rewardId}`, exchange);
    if (response.balance !== before - reward.cost) {
      t.fail(`balance ${before} − cost ${reward.cost} should leave ${before - reward.cost}, the response says ${response.balance}`, exchange);
    }
    return { customerId, token, key, reward, before, response };
  });
}

const ROUTES = ['redeem', 'boot'] as const;
const NEEDS = ['signingSecret'] as const;

function redemptionCheck(id: string, title: string, run: (t: CheckApi) => Promise<void>, covers: Check['covers'] = []): Check {
  return { id, title, routes: ROUTES, needs: NEEDS, covers, run };
}

/** Spending points: one transaction, one debit per Idempotency-Key, never below zero. */
export const redemptionChecks = defineGroup({
  id: 'redemptions',
  title: 'Redemptions (idempotent)',
  checks: [
    redemptionCheck(
      'happy-path',
      'redeems the cheapest reward: 201 RedeemResponse, balance debited by its cost',
      async (t) => {
        await firstRedemption(t);
      },
      ['redeem'],
    ),
    redemptionCheck('replay', 'the same Idempotency-Key and body again → the same coupon and balance', async (t) => {
      const first = await firstRedemption(t);
      const exchange = await redeem(t, first.token, first.key, first.reward.id);
      const again = t.expectSuccess('redeem', exchange, 201);
      if (again.coupon.code !== first.response.coupon.code) {
        t.fail(`a retry issued another coupon (${again.coupon.code}, first ${first.response.coupon.code})`, exchange);
      }
      if (again.balance !== first.response.balance) t.fail(`a retry answered balance ${again.balance}, the first ${first.response.balance}`, exchange);
    }),
    redemptionCheck('key-reused', 'the same Idempotency-Key with another body → 422 idempotency_key_reused', async (t) => {
      const first = await firstRedemption(t);
      const { programme } = await t.guestBoot();
      const other = programme.rewards.find((reward) => reward.id !== first.reward.id)?.id ?? NO_SUCH_REWARD;
      t.expectError(await redeem(t, first.token, first.key, other), 422, 'idempotency_key_reused');
    }),
    redemptionCheck('one-debit', 'after the retries the balance was debited exactly once', async (t) => {
      const first = await firstRedemption(t);
      const exchange = await t.call('boot', { token: first.token, asCustomer: true });
      const customer = t.expectSuccess('boot', exchange, 200).customer ?? t.fail('a valid customer token got no customer snapshot', exchange);
      const expected = first.before - first.reward.cost;
      if (customer.balance !== expected) t.fail(`balance ${first.before} − one debit of ${first.reward.cost} = ${expected}, the server says ${customer.balance}`, exchange);
      const entries = customer.recentActivity.filter((entry) => entry.reference === first.response.coupon.code);
      if (entries.length > 1) t.fail(`${entries.length} activity entries for coupon ${first.response.coupon.code}`, exchange);
    }),
    redemptionCheck('key-required', 'without an Idempotency-Key → 400 idempotency_key_required', async (t) => {
      const reward = await cheapestReward(t);
      const token = await t.validToken(t.newCustomerId());
      t.expectError(await redeem(t, token, null, reward.id), 400, 'idempotency_key_required');
    }),
    redemptionCheck('unknown-reward', 'an unknown reward → 404 reward_not_found', async (t) => {
      const token = await t.validToken(t.newCustomerId());
      t.expectError(await redeem(t, token, crypto.randomUUID(), NO_SUCH_REWARD), 404, 'reward_not_found');
    }),
    redemptionCheck('insufficient-points', 'a new member with 0 points → 409 insufficient_points, balance stays 0', async (t) => {
      const reward = await cheapestReward(t);
      const token = await t.validToken(t.newCustomerId());
      t.expectError(await redeem(t, token, crypto.randomUUID(), reward.id), 409, 'insufficient_points');
      const balance = await balanceOf(t, token);
      if (balance !== 0) t.fail(`a refused redemption left the balance at ${balance}`, t.http.exchanges.at(-1));
    }),
    redemptionCheck(
      'price-changed',
      'an expectedCost other than the current cost → 409 price_changed, nothing debited; the same key with the current cost then redeems',
      async (t) => {
        const reward = await cheapestReward(t);
        const { token } = await customerWithPoints(t, reward.cost);
        const before = await balanceOf(t, token);
        const key = crypto.randomUUID();
        t.expectError(await redeem(t, token, key, reward.id, reward.cost + 1), 409, 'price_changed');
        const after = await balanceOf(t, token);
        if (after !== before) t.fail(`a refused stale price moved the balance from ${before} to ${after}`, t.http.exchanges.at(-1));
        // The refusal must not be stored under the key: a shopper who saw the new price confirms again.
        const exchange = await redeem(t, token, key, reward.id, reward.cost);
        const response = t.expectSuccess('redeem', exchange, 201);
        if (response.balance !== before - reward.cost) {
          t.fail(`balance ${before} − cost ${reward.cost} should leave ${before - reward.cost}, the response says ${response.balance}`, exchange);
        }
      },
    ),
  ],
});
