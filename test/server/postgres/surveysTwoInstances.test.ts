import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SurveyConfig, SurveyResponseAck } from '../../../src/contract';
import { migrateToLatest, mintCustomerToken, openDatabase, seedDemo, type Database, type DemoSeed } from '../../../src/server';
import { saveSurvey } from '../../../src/server/domain/surveys';
import { startServerProcess, type ServerProcess } from '../../support/serverProcess';
import { createTestDatabase, type TestDatabase } from '../../support/testDatabase';
import { testSurvey } from '../../support/surveys';

// Survey responses delivered to two API processes on one PostgreSQL are stored as if one
// process had taken them all: the dedupe lives in the database, not in memory.
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
  await saveSurvey(db, seed.shop.id, SurveyConfig.parse(testSurvey({ id: 'shared', reward: { points: 20 } })), 'tr', new Date());
  instances.push(...(await Promise.all([startServerProcess(database.url), startServerProcess(database.url)])));
  urls.push(...instances.map((instance) => instance.url));
}, 60_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await db.close();
  await database.drop();
});

function deliver(base: string, body: unknown, asBeacon: boolean) {
  return fetch(`${base}/v1/survey-responses?shop=${seed.shop.publishableKey}`, {
    method: 'POST',
    headers: { 'Content-Type': asBeacon ? 'text/plain;charset=UTF-8' : 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('survey responses on two API instances', () => {
  it('store one response and pay once, however the deliveries are spread', async () => {
    const externalId = `c-${randomUUID()}`;
    const customerToken = await mintCustomerToken({ shopId: seed.shop.id, signingSecret: seed.shop.signingSecret, customerId: externalId });
    const responseId = randomUUID();
    const base = { responseId, surveyId: 'shared', locale: 'tr', customerToken };
    const partials = [
      { ...base, answers: [{ questionId: 'nps', value: 7 }], completed: false, sequence: 1 },
      { ...base, answers: [{ questionId: 'improve', value: 'Daha hızlı kargo' }], completed: false, sequence: 1 },
    ];
    const partialReplies = await Promise.all(partials.flatMap((body, i) => [deliver(urls[i % 2]!, body, false), deliver(urls[(i + 1) % 2]!, body, true)]));
    expect(partialReplies.map((r) => r.status)).toEqual([200, 200, 200, 200]);

    const final = { ...base, answers: [], completed: true, sequence: 2 };
    const replies = await Promise.all(Array.from({ length: 10 }, (_, i) => deliver(urls[i % 2]!, final, i % 3 === 0)));
    const acks = await Promise.all(replies.map(async (r) => SurveyResponseAck.parse(await r.json())));
    expect(acks.map((a) => a.status)).toEqual(Array(10).fill('completed'));
    expect(new Set(acks.map((a) => a.balance))).toEqual(new Set([20]));

    const rows = await db.kysely.selectFrom('survey_responses').selectAll().where('id', '=', responseId).execute();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.answers)).toEqual({ nps: 7, improve: 'Daha hızlı kargo' });
    const entries = await db.kysely.selectFrom('ledger_entries').select('delta').where('kind', '=', 'survey').where('customer_id', '=', rows[0]!.customer_id!).execute();
    expect(entries).toEqual([{ delta: 20 }]);
  });
});
