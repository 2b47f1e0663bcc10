import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SurveyResponseAck } from '../../src/contract';
import { inTransaction } from '../../src/server/db/transaction';
import { ensureCustomer } from '../../src/server/domain/customers';
import { ledgerSum } from '../../src/server/domain/ledger';
import { creditAwaitingSurveyRewards } from '../../src/server/domain/surveyRewards';
import { errorCode, responseBody, storedResponses, surveyClient, surveyLedgerEntries, testSurvey } from '../support/surveys';
import { createTestBackend, type TestBackend } from '../support/testBackend';

let backend: TestBackend;
let api: ReturnType<typeof surveyClient>;

const onceRewarded = testSurvey({ id: 'rewarded', reward: { points: 40 } });
const perOrder = testSurvey({
  id: 'order-nps',
  trigger: { kind: 'post-purchase' },
  frequency: { mode: 'once-per-order', recontactDays: 0 },
  reward: { points: 25 },
});

beforeAll(async () => {
  backend = await createTestBackend();
  api = surveyClient(backend);
  await api.save(onceRewarded);
  await api.save(perOrder);
});
afterAll(() => backend.close());

const complete = (surveyId: string, extra: Record<string, unknown> = {}) =>
  responseBody(surveyId, { answers: [{ questionId: 'nps', value: 10 }], completed: true, ...extra });

async function shopper() {
  const externalId = `c-${randomUUID()}`;
  return { externalId, token: await backend.tokenFor(externalId) };
}

/** The customer's balance and the ledger's sum: the invariant every reward must keep. */
async function balanceOf(externalId: string) {
  const row = await backend.db.kysely.selectFrom('customers').select(['id', 'balance']).where('shop_id', '=', backend.shop.id).where('external_id', '=', externalId).executeTakeFirstOrThrow();
  return { balance: row.balance, sum: await ledgerSum(backend.db.kysely, backend.shop.id, row.id), id: row.id };
}

/** The shop's server reported this order for this customer. */
async function reportOrder(externalId: string, orderId: string) {
  await inTransaction(backend.db, async (trx) => {
    const customer = await ensureCustomer(trx, backend.shop.id, { externalId }, new Date());
    await trx
      .insertInto('orders')
      .values({ shop_id: backend.shop.id, id: randomUUID(), customer_id: customer.id, external_id: orderId, amount_minor: 10_000, currency: 'TRY', created_at: new Date().toISOString() })
      .execute();
  });
}

describe('survey rewards', () => {
  it('credits the points once, in the ledger, and says so in the reply', async () => {
    const { externalId, token } = await shopper();
    const body = complete('rewarded');
    const first = await api.respond(body, { token });
    expect(SurveyResponseAck.parse(first.body)).toMatchObject({ status: 'completed', reward: { points: 40, status: 'credited' }, balance: 40 });
    const replay = await api.respond(body, { token });
    expect(SurveyResponseAck.parse(replay.body)).toMatchObject({ reward: { points: 40, status: 'credited' }, balance: 40 });

    const again = await api.respond(complete('rewarded'), { token });
    expect(again.status).toBe(409);
    expect(errorCode(again.body)).toBe('survey_already_answered');

    const entries = await surveyLedgerEntries(backend, externalId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ delta: 40, kind: 'survey' });
    expect(entries[0]?.dedupe_key).toMatch(/^survey:rewarded:[0-9a-f-]{36}$/);
    const { balance, sum } = await balanceOf(externalId);
    expect(balance).toBe(40);
    expect(sum).toBe(40);
  });

  it('pays once when two responses complete the same survey at the same moment', async () => {
    const { externalId, token } = await shopper();
    const replies = await Promise.all(Array.from({ length: 4 }, () => api.respond(complete('rewarded'), { token })));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    expect(await surveyLedgerEntries(backend, externalId)).toHaveLength(1);
    const { balance, sum, id } = await balanceOf(externalId);
    expect([balance, sum]).toEqual([40, 40]);
    expect((await storedResponses(backend, 'rewarded')).filter((r) => r.customer_id === id)).toHaveLength(1);
  });

  it('refuses a second start of a completed once-per-customer survey, storing nothing', async () => {
    const { token } = await shopper();
    await api.respond(complete('rewarded'), { token });
    const before = (await storedResponses(backend, 'rewarded')).length;
    const partial = await api.respond(responseBody('rewarded', { answers: [{ questionId: 'nps', value: 3 }] }), { token });
    expect(partial.status).toBe(409);
    expect((await storedResponses(backend, 'rewarded')).length).toBe(before);
  });

  it('gives guests no points', async () => {
    const reply = await api.respond(complete('rewarded'));
    expect(SurveyResponseAck.parse(reply.body)).toMatchObject({ status: 'completed', reward: null, balance: null });
  });

  it('pays a post-purchase survey once per reported order', async () => {
    const { externalId, token } = await shopper();
    await reportOrder(externalId, 'A-100');
    await reportOrder(externalId, 'A-101');
    const first = await api.respond(complete('order-nps', { orderId: 'A-100' }), { token });
    expect(SurveyResponseAck.parse(first.body).reward).toEqual({ points: 25, status: 'credited' });
    const sameOrder = await api.respond(complete('order-nps', { orderId: 'A-100' }), { token });
    expect(sameOrder.status).toBe(409);
    const otherOrder = await api.respond(complete('order-nps', { orderId: 'A-101' }), { token });
    expect(SurveyResponseAck.parse(otherOrder.body)).toMatchObject({ reward: { points: 25, status: 'credited' }, balance: 50 });
    const entries = await surveyLedgerEntries(backend, externalId);
    expect(entries.map((e) => e.reference).sort()).toEqual(['#A-100', '#A-101']);
    const { balance, sum } = await balanceOf(externalId);
    expect([balance, sum]).toEqual([50, 50]);
  });

  it('pays nothing for a made-up order until the shop reports it, then exactly once', async () => {
    const { externalId, token } = await shopper();
    const body = complete('order-nps', { orderId: 'B-7' });
    const reply = await api.respond(body, { token });
    expect(SurveyResponseAck.parse(reply.body)).toMatchObject({ reward: { points: 25, status: 'pending' }, balance: 0 });
    expect(await surveyLedgerEntries(backend, externalId)).toHaveLength(0);

    await reportOrder(externalId, 'B-7');
    const { id } = await balanceOf(externalId);
    for (let i = 0; i < 2; i++) {
      await inTransaction(backend.db, (trx) => creditAwaitingSurveyRewards(trx, { shopId: backend.shop.id, customerId: id, orderId: 'B-7', now: new Date() }));
    }
    expect(await surveyLedgerEntries(backend, externalId)).toHaveLength(1);
    expect(SurveyResponseAck.parse((await api.respond(body, { token })).body)).toMatchObject({ reward: { points: 25, status: 'credited' }, balance: 25 });
  });

  it("pays nothing for another customer's order", async () => {
    const owner = await shopper();
    const other = await shopper();
    await reportOrder(owner.externalId, 'C-1');
    const reply = await api.respond(complete('order-nps', { orderId: 'C-1' }), { token: other.token });
    expect(SurveyResponseAck.parse(reply.body)).toMatchObject({ status: 'completed', reward: null });
    expect(await surveyLedgerEntries(backend, other.externalId)).toHaveLength(0);
  });
});
