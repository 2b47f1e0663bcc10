import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwardResponse, BootResponse, ClaimResponse, ErrorEnvelope, campaignMultiplier, orderPoints, type OrderPointsInput } from '../../src/contract';
import { createShop } from '../../src/server';
import { inTransaction } from '../../src/server/db/transaction';
import { awardDueBirthdays } from '../../src/server/domain/birthdays';
import { ensureCustomer } from '../../src/server/domain/customers';
import { demoProgramme } from '../../src/server/seed/demoProgramme';
import { customerRow, ledgerState, merchantClient, shopperClient, uniqueId } from '../support/loyalty';
import { createTestBackend, type TestBackend } from '../support/testBackend';

// 12:00 in Istanbul (UTC+3), the demo programme's time zone.
const START = new Date('2026-03-14T09:00:00.000Z');
let clock = START;

let backend: TestBackend;
let merchant: ReturnType<typeof merchantClient>;
let shopper: ReturnType<typeof shopperClient>;

beforeAll(async () => {
  backend = await createTestBackend({ now: () => clock });
  merchant = merchantClient(backend);
  shopper = shopperClient(backend);
});
afterAll(() => backend.close());

const errorOf = (body: unknown) => ErrorEnvelope.parse(body).error;

async function newCustomer(): Promise<string> {
  const id = uniqueId('e');
  await inTransaction(backend.db, (trx) => ensureCustomer(trx, backend.shop.id, { externalId: id }, clock));
  return id;
}

async function at<T>(when: string, work: () => Promise<T>): Promise<T> {
  clock = new Date(when);
  try {
    return await work();
  } finally {
    clock = START;
  }
}

describe('orderPoints()', () => {
  it.each<[OrderPointsInput, number, string]>([
    [{ amount: 129.9, pointsPerUnit: 1 }, 129, '129.9 → 129'],
    [{ amount: 129.9, pointsPerUnit: 1, tierMultiplier: 1.5 }, 194, '194.85 → 194'],
    [{ amount: 129.9, pointsPerUnit: 1, tierMultiplier: 1.25, campaignMultiplier: 2 }, 324, '324.75 → 324'],
    [{ amount: 0.29, pointsPerUnit: 100 }, 29, '0.29 × 100 is 28.999999999999996 in binary; still 29'],
    [{ amount: 19.99, pointsPerUnit: 100 }, 1999, '19.99 × 100 is 1998.9999999999998; still 1999'],
    [{ amount: 1.15, pointsPerUnit: 100 }, 115, '114.99999999999999 → 115'],
    [{ amount: 99.99, pointsPerUnit: 0.1 }, 9, '9.999 → 9'],
    [{ amount: 0, pointsPerUnit: 5 }, 0, 'nothing for nothing'],
    [{ amount: -10, pointsPerUnit: 1 }, 0, 'never negative'],
    [{ amount: Number.NaN, pointsPerUnit: 1 }, 0, 'never NaN'],
  ])('%o earns %d (%s)', (input, points, _why) => {
    expect(orderPoints(input)).toBe(points);
  });
});

describe('campaignMultiplier()', () => {
  const campaigns = [
    { startsAt: '2026-01-01T00:00:00.000Z', endsAt: '2026-01-08T00:00:00.000Z', multiplier: 2 },
    { startsAt: '2026-01-05T00:00:00.000Z', endsAt: '2026-01-06T00:00:00.000Z', multiplier: 3 },
  ];
  it.each([
    ['2025-12-31T23:59:59.999Z', 1, 'before any campaign'],
    ['2026-01-01T00:00:00.000Z', 2, 'the start is inclusive'],
    ['2026-01-05T12:00:00.000Z', 3, 'overlapping campaigns: the highest, not 2 × 3'],
    ['2026-01-07T23:59:59.999Z', 2, 'the last moment'],
    ['2026-01-08T00:00:00.000Z', 1, 'the end is exclusive'],
  ])('at %s is ×%d (%s)', (when, multiplier) => {
    expect(campaignMultiplier(campaigns, new Date(when))).toBe(multiplier);
  });
});

describe('POST /v1/merchant/signups', () => {
  it('pays the sign-up bonus once per customer', async () => {
    const id = uniqueId('signup');
    const first = await merchant('POST', '/v1/merchant/signups', { customer: { id, email: 'yeni@example.com', name: 'Yeni Üye' } });
    expect(first.status).toBe(201);
    const award = AwardResponse.parse(first.body);
    expect(award).toMatchObject({ entry: { kind: 'signup', delta: 200 }, balance: 200 });
    const before = await ledgerState(backend);
    const again = await merchant('POST', '/v1/merchant/signups', { customer: { id } });
    expect(again.status).toBe(200);
    expect(AwardResponse.parse(again.body)).toEqual(award);
    expect(await ledgerState(backend)).toEqual(before);
    expect(await customerRow(backend, id)).toMatchObject({ email: 'yeni@example.com', name: 'Yeni Üye', balance: 200 });
  });

  it('pays nothing when the programme has no sign-up bonus', async () => {
    const programme = demoProgramme(START);
    programme.earnRules = programme.earnRules.filter((rule) => rule.kind !== 'signup');
    const other = await createShop(backend.db, { name: 'No bonus', programme, allowedOrigins: [], now: START });
    const { status, body } = await merchantClient(backend, other.secretKey)('POST', '/v1/merchant/signups', { customer: { id: 'x' } });
    expect(status).toBe(404);
    expect(errorOf(body).code).toBe('earn_rule_not_found');
  });
});

describe('POST /v1/merchant/reviews', () => {
  it('pays the review bonus once per review, shows the product, and refuses the id for someone else', async () => {
    const id = await newCustomer();
    const first = await merchant('POST', '/v1/merchant/reviews', { customerId: id, reviewId: 'rv-77', productName: 'Kervan fincanı' });
    expect(first.status).toBe(201);
    const award = AwardResponse.parse(first.body);
    expect(award.entry).toMatchObject({ kind: 'review', delta: 75, description: 'Kervan fincanı' });
    const before = await ledgerState(backend);
    const again = await merchant('POST', '/v1/merchant/reviews', { customerId: id, reviewId: 'rv-77' });
    expect(again.status).toBe(200);
    expect(AwardResponse.parse(again.body).entry.id).toBe(award.entry.id);
    const stolen = await merchant('POST', '/v1/merchant/reviews', { customerId: 'ayse', reviewId: 'rv-77' });
    expect(stolen.status).toBe(409);
    expect(errorOf(stolen.body).code).toBe('conflict');
    const unknown = await merchant('POST', '/v1/merchant/reviews', { customerId: 'nobody-here', reviewId: 'rv-78' });
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown.body).code).toBe('customer_not_found');
    expect(await ledgerState(backend)).toEqual(before);
  });
});

describe('POST /v1/merchant/customers/{customerId}/adjustments', () => {
  const adjust = (id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    merchant('POST', `/v1/merchant/customers/${encodeURIComponent(id)}/adjustments`, body, headers);

  it('adds and takes away points with the reason as the description, once per idempotency key', async () => {
    const id = await newCustomer();
    const key = uniqueId('adj-key');
    const first = await adjust(id, { points: 300, reason: '  Kargo gecikmesi için özür  ' }, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    const award = AwardResponse.parse(first.body);
    expect(award).toMatchObject({ entry: { kind: 'adjustment', delta: 300, description: 'Kargo gecikmesi için özür' }, balance: 300 });
    const before = await ledgerState(backend);
    const replay = await adjust(id, { points: 300, reason: 'Kargo gecikmesi için özür', idempotencyKey: key });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(AwardResponse.parse(replay.body)).toEqual(award);
    const reused = await adjust(id, { points: 301, reason: 'Kargo gecikmesi için özür' }, { 'Idempotency-Key': key });
    expect(reused.status).toBe(422);
    expect(errorOf(reused.body).code).toBe('idempotency_key_reused');
    expect(await ledgerState(backend)).toEqual(before);
    const debit = await adjust(id, { points: -120, reason: 'Düzeltme', idempotencyKey: uniqueId('adj-key') });
    expect(AwardResponse.parse(debit.body).balance).toBe(180);
  });

  it('refuses a debit below zero unless allowNegative is set', async () => {
    const id = await newCustomer();
    const before = await ledgerState(backend);
    const refused = await adjust(id, { points: -10, reason: 'Hatalı puan', idempotencyKey: uniqueId('adj-key') });
    expect(refused.status).toBe(409);
    expect(errorOf(refused.body).code).toBe('insufficient_points');
    expect(await ledgerState(backend)).toEqual(before);
    const allowed = await adjust(id, { points: -10, reason: 'Hatalı puan', allowNegative: true, idempotencyKey: uniqueId('adj-key') });
    expect(AwardResponse.parse(allowed.body).balance).toBe(-10);
  });

  it.each([
    ['zero points', { points: 0, reason: 'x' }, 'points'],
    ['fractional points', { points: 1.5, reason: 'x' }, 'points'],
    ['points as a string', { points: '10', reason: 'x' }, 'points'],
    ['no reason', { points: 10 }, 'reason'],
    ['a blank reason', { points: 10, reason: '   ' }, 'reason'],
    ['a short idempotency key', { points: 10, reason: 'x', idempotencyKey: 'abc' }, 'idempotencyKey'],
  ])('refuses %s with 400 naming the field, and changes nothing', async (_name, body, field) => {
    const before = await ledgerState(backend);
    const { status, body: error } = await adjust('ayse', { idempotencyKey: uniqueId('adj-key'), ...body });
    expect(status).toBe(400);
    expect(errorOf(error).fields?.[0]?.path).toBe(field);
    expect(await ledgerState(backend)).toEqual(before);
  });

  it('needs a key, refuses two different keys, and 404s unknown customers without using up the key', async () => {
    const before = await ledgerState(backend);
    const none = await adjust('ayse', { points: 5, reason: 'x' });
    expect(none.status).toBe(400);
    expect(errorOf(none.body).code).toBe('idempotency_key_required');
    const both = await adjust('ayse', { points: 5, reason: 'x', idempotencyKey: uniqueId('adj-key') }, { 'Idempotency-Key': uniqueId('adj-key') });
    expect(both.status).toBe(400);
    const key = uniqueId('adj-key');
    const unknown = await adjust('nobody-at-all', { points: 5, reason: 'x', idempotencyKey: key });
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown.body).code).toBe('customer_not_found');
    expect(await ledgerState(backend)).toEqual(before);
    const retried = await adjust('ayse', { points: 5, reason: 'x', idempotencyKey: key });
    expect(retried.status).toBe(201);
  });
});

describe('POST /v1/claims: actions', () => {
  it('pays an action once, labelled in the shopper\u2019s language', async () => {
    const id = await newCustomer();
    const token = await backend.tokenFor(id);
    const first = await shopper('POST', '/v1/claims?locale=en', token, { kind: 'action', actionId: 'instagram' });
    expect(first.status).toBe(201);
    const claim = ClaimResponse.parse(first.body);
    expect(claim).toMatchObject({ entry: { kind: 'action', delta: 100, reference: 'instagram', description: 'Follow us on Instagram' }, balance: 100 });
    expect(claim.claimedActions).toEqual(['instagram']);
    const before = await ledgerState(backend);
    const again = await shopper('POST', '/v1/claims', token, { kind: 'action', actionId: 'instagram' });
    expect(again.status).toBe(409);
    expect(errorOf(again.body).code).toBe('already_claimed');
    const unknown = await shopper('POST', '/v1/claims', token, { kind: 'action', actionId: 'tiktok' });
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown.body).code).toBe('action_not_found');
    expect(await ledgerState(backend)).toEqual(before);
  });

  it('pays once when the same claim races from several tabs', async () => {
    const id = await newCustomer();
    const token = await backend.tokenFor(id);
    const results = await Promise.all(Array.from({ length: 8 }, () => shopper('POST', '/v1/claims', token, { kind: 'action', actionId: 'newsletter' })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
    expect((await customerRow(backend, id)).balance).toBe(50);
  });

  it('needs a signed-in shopper and a well-formed claim', async () => {
    const guest = await backend.app.request(`/v1/claims?shop=${backend.shop.publishableKey}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'action', actionId: 'instagram' }),
    });
    expect(guest.status).toBe(401);
    const token = await backend.tokenFor('ayse');
    for (const body of [{ kind: 'jackpot' }, { kind: 'action' }, { kind: 'action', actionId: 'instagram', points: 1000 }]) {
      const { status, body: error } = await shopper('POST', '/v1/claims', token, body);
      expect(status).toBe(400);
      expect(errorOf(error).code).toBe('validation_failed');
    }
  });

  it('shows claimed actions and the birthday in the boot snapshot', async () => {
    const response = await backend.app.request(`/v1/boot?shop=${backend.shop.publishableKey}`, {
      headers: { Authorization: `Bearer ${await backend.tokenFor('elif')}` },
    });
    const { customer } = BootResponse.parse(await response.json());
    expect(customer?.claimedActions).toEqual(['newsletter']);
    expect(customer?.birthday).toBe('03-02'); // entered twelve days before the seed's "now"
  });
});

describe('POST /v1/claims: birthday', () => {
  const claimBirthday = async (id: string, birthday: string) => shopper('POST', '/v1/claims', await backend.tokenFor(id), { kind: 'birthday', birthday });

  it('pays on entry when it is the birthday in the shop\u2019s time zone, then once a year', async () => {
    const id = await newCustomer();
    // 22:30 UTC on 13 March is already 01:30 on 14 March in Istanbul.
    const first = await at('2026-03-13T22:30:00.000Z', () => claimBirthday(id, '03-14'));
    expect(first.status).toBe(201);
    expect(ClaimResponse.parse(first.body)).toMatchObject({ entry: { kind: 'birthday', delta: 250 }, balance: 250, birthday: '03-14' });

    const before = await ledgerState(backend);
    const same = await claimBirthday(id, '03-14');
    expect(same.status).toBe(409);
    expect(errorOf(same.body).code).toBe('already_claimed');
    const changed = await claimBirthday(id, '1990-03-15');
    expect(changed.status).toBe(409);
    expect(errorOf(changed.body).code).toBe('birthday_already_set');
    const shop = await backend.db.kysely.selectFrom('shops').selectAll().where('id', '=', backend.shop.id).executeTakeFirstOrThrow();
    expect(await awardDueBirthdays(backend.db, shop, new Date('2026-03-14T20:59:00.000Z'))).toBe(0); // same day: already paid
    expect(await ledgerState(backend)).toEqual(before);

    // A year later the daily job pays again, once however often it runs.
    const nextYear = new Date('2027-03-14T06:00:00.000Z');
    expect(await awardDueBirthdays(backend.db, shop, nextYear)).toBe(1);
    expect(await awardDueBirthdays(backend.db, shop, nextYear)).toBe(0);
    expect((await customerRow(backend, id)).balance).toBe(500);
  });

  it('waits for the day when the birthday is not today, keeping only month and day', async () => {
    const id = await newCustomer();
    const { status, body } = await claimBirthday(id, '1990-06-01');
    expect(status).toBe(201);
    expect(ClaimResponse.parse(body)).toMatchObject({ entry: null, balance: 0, birthday: '06-01' });
    const shop = await backend.db.kysely.selectFrom('shops').selectAll().where('id', '=', backend.shop.id).executeTakeFirstOrThrow();
    expect(await awardDueBirthdays(backend.db, shop, new Date('2026-05-31T20:59:59.000Z'))).toBe(0); // 23:59 on 31 May in Istanbul
    expect(await awardDueBirthdays(backend.db, shop, new Date('2026-05-31T21:00:00.000Z'))).toBe(1); // midnight, 1 June
    expect((await customerRow(backend, id)).balance).toBe(250);
  });

  it('celebrates 29 February on 28 February in other years', async () => {
    const id = await newCustomer();
    const { body } = await at('2027-02-28T10:00:00.000Z', () => claimBirthday(id, '02-29'));
    expect(ClaimResponse.parse(body).entry?.delta).toBe(250);
  });

  it.each([
    ['a day that does not exist', '02-30'],
    ['a thirteenth month', '13-01'],
    ['a future date', '2030-01-01'],
    ['a date before 1900', '1899-12-31'],
    ['free text', 'tomorrow'],
  ])('refuses %s with 400 on the birthday field and stores nothing', async (_name, birthday) => {
    const id = await newCustomer();
    const before = await ledgerState(backend);
    const { status, body } = await claimBirthday(id, birthday);
    expect(status).toBe(400);
    expect(errorOf(body).fields?.map((f) => f.path)).toContain('birthday');
    expect((await customerRow(backend, id)).birthday).toBeNull();
    expect(await ledgerState(backend)).toEqual(before);
  });
});
