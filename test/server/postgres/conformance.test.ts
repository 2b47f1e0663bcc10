import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConformanceReport } from '../../../src/conformance';
import { migrateToLatest, openDatabase, seedDemo, type DemoSeed } from '../../../src/server';
import { cliBuilt, runCliProcess, startServerProcess, type ServerProcess } from '../../support/sadakatCli';
import { createTestDatabase, type TestDatabase } from '../../support/testDatabase';

// The reference server on PostgreSQL passes the conformance kit: the built CLI serves a fresh
// database in one process and checks it from another (the SQLite twin: test/conformance/cli.test.ts).
const built = cliBuilt();
const ORIGIN = 'https://shop.example';
let database: TestDatabase;
let seed: DemoSeed;
let server: ServerProcess;

beforeAll(async () => {
  if (!built) return;
  database = await createTestDatabase('postgres');
  const db = await openDatabase(database.url);
  await migrateToLatest(db);
  seed = await seedDemo(db, { origins: [ORIGIN] });
  await db.close();
  server = await startServerProcess(database.url);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

describe.skipIf(!built)('node bin/sadakat.js conformance against `sadakat serve` on PostgreSQL', () => {
  it('passes every check, skipping none', async () => {
    const run = await runCliProcess(
      ['conformance', '--api', server.url, '--shop', seed.shop.publishableKey, '--origin', ORIGIN, '--customer', 'ayse', '--json'],
      { SADAKAT_SECRET_KEY: seed.shop.secretKey, SADAKAT_SIGNING_SECRET: seed.shop.signingSecret },
    );
    const report = JSON.parse(run.stdout) as ConformanceReport;
    const notPassed = report.groups.flatMap((group) => group.results).filter((result) => result.status !== 'passed');
    expect(notPassed, run.stdout).toEqual([]);
    expect(run.code).toBe(0);
  });
});
