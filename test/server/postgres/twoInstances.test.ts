import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedeemResponse } from '../../../src/contract';
import { migrateToLatest, mintCustomerToken, openDatabase, seedDemo, type Database, type DemoSeed } from '../../../src/server';
import { ensureCustomer } from '../../../src/server/domain/customers';
import { appendLedgerEntry, ledgerSum } from '../../../src/server/domain/ledger';
import { startServerProcess, type ServerProcess } from '../../support/serverProcess';
import { createTestDatabase, type TestDatabase } from '../../support/testDatabase';

// Two API processes on one PostgreSQL behave as one: nothing shared lives in process memory.
let database: TestDatabase;
let db: Database;
let seed: DemoSeed;
const instances: ServerProcess[] = [];
const urls: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase('postgres');
  db = await openDatabase(database.url);
  await migrateToLatest(db);
  seed = await seedDemo(db, { origins: ['https://shop.example'] });
  instances.push(...(await Promise.all([startServerProcess(database.url), startServerProcess(database.url)])));
  urls.push(...instances.map((instance) => instance.url));
}, 60_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await db.close();
  await database.drop();
});

async function customerWith(points: number) {
  const externalId = `c-${randomUUID()}`;
  const customer = await db.kysely.transaction().execute(async (trx) => {
    const row = await ensureCustomer(trx, seed.shop.id, { externalId }, new Date());
    await appendLedgerEntry(trx, { shopId: seed.shop.id, customerId: row.id, delta: points, kind: 'adjustment', at: new Date() });
    return row;
  });
  const token = await mintCustomerToken({ shopId: seed.shop.id, signingSecret: seed.shop.signingSecret, customerId: externalId });
  const state = async () => {
    const { balance } = await db.kysely.selectFrom('customers').select('balance').where('id', '=', customer.id).executeTakeFirstOrThrow();
    return { balance, sum: await ledgerSum(db.kysely, seed.shop.id, customer.id) };
  };
  return { token, state };
}

function redeem(base: string, token: string, key: string) {
  return fetch(`${base}/v1/redemptions?shop=${seed.shop.publishableKey}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify({ rewardId: '50-off' }),
  });
}

describe('two API instances on one PostgreSQL', () => {
  it('debit exactly once when 50 redemptions race across both for a balance that affords one', async () => {
    const { token, state } = await customerWith(1000);
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => redeem(urls[i % 2]!, token, randomUUID())));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(await state()).toEqual({ balance: 0, sum: 0 });
  });

  it('debit once when the same idempotency key reaches both instances', async () => {
    const { token, state } = await customerWith(3000);
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => redeem(urls[i % 2]!, token, key)));
    const bodies = await Promise.all(responses.filter((r) => r.status === 201).map(async (r) => RedeemResponse.parse(await r.json())));
    expect(bodies.length).toBeGreaterThan(0);
    expect(new Set(bodies.map((b) => b.coupon.code)).size).toBe(1);
    expect(await state()).toEqual({ balance: 2000, sum: 2000 });
  });
});
