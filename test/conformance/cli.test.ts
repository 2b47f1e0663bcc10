import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConformanceReport } from '../../src/conformance';
import { migrateToLatest, openDatabase, seedDemo, type DemoSeed } from '../../src/server';
import { cliBuilt, runCliProcess, startServerProcess, type ServerProcess } from '../support/sadakatCli';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { SHOP_ORIGIN } from './support/servers';

// CI's proof that the reference server passes the kit: the built CLI (plain Node, no tsx) serves a
// SQLite database in one process and checks it from another. The PostgreSQL twin of this test is
// test/server/postgres/conformance.test.ts.
const built = cliBuilt();
let database: TestDatabase;
let seed: DemoSeed;
let server: ServerProcess;
let bare: string;

beforeAll(async () => {
  if (!built) return;
  database = await createTestDatabase('sqlite');
  const db = await openDatabase(database.url);
  await migrateToLatest(db);
  seed = await seedDemo(db, { origins: [SHOP_ORIGIN] });
  await db.close();
  server = await startServerProcess(database.url);
  // An install with the package and zod only: no Hono, no Kysely, no database driver.
  bare = mkdtempSync(join(tmpdir(), 'sadakat-bare-'));
  cpSync('bin', join(bare, 'bin'), { recursive: true });
  cpSync('dist/node', join(bare, 'dist/node'), { recursive: true });
  cpSync('package.json', join(bare, 'package.json'));
  mkdirSync(join(bare, 'node_modules'));
  symlinkSync(dirname(resolve('node_modules/zod/package.json')), join(bare, 'node_modules/zod'), 'dir');
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
  if (bare) rmSync(bare, { recursive: true, force: true });
});

const args = () => ['conformance', '--api', server.url, '--shop', seed.shop.publishableKey, '--origin', SHOP_ORIGIN];
const secrets = () => ({ SADAKAT_SECRET_KEY: seed.shop.secretKey, SADAKAT_SIGNING_SECRET: seed.shop.signingSecret });

describe.skipIf(!built)('node bin/sadakat.js conformance (built CLI, SQLite server process)', () => {
  it('passes every check against `sadakat serve`, skipping none', async () => {
    const run = await runCliProcess([...args(), '--customer', 'ayse', '--json'], secrets());
    const report = JSON.parse(run.stdout) as ConformanceReport;
    const notPassed = report.groups.flatMap((group) => group.results).filter((result) => result.status !== 'passed');
    expect(notPassed, run.stdout).toEqual([]);
    expect(run.code).toBe(0);
    expect(report.coverage.every((route) => route.happyPath === 'verified')).toBe(true);
  });

  it('prints the readable report and never the secrets', async () => {
    const run = await runCliProcess([...args(), '--only', 'openapi,identity'], secrets());
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Sadakat conformance kit \d+\.\d+\.\d+\nTarget http:\/\/127\.0\.0\.1:\d+, shop pk_demo_\w{4}…/);
    expect(run.stdout).toMatch(/^PASS: \d+ passed, 0 failed, 0 skipped/m);
    expect(run.stdout).not.toContain(seed.shop.signingSecret);
  });

  it('runs from an install that has zod but no server dependencies or database drivers', async () => {
    const bin = join(bare, 'bin/sadakat.js');
    const run = await runCliProcess([...args(), '--only', 'openapi,boot,identity,cors,errors'], secrets(), bin);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const serve = await runCliProcess(['migrate'], { DATABASE_URL: `file:${join(bare, 'x.db')}` }, bin);
    expect(serve.code).toBe(1);
    expect(serve.stderr).toContain("sadakat migrate needs the server's dependencies: npm install hono @hono/node-server kysely jose");
  });

  it('the built conformance kit imports nothing but zod and Node built-ins', () => {
    const seen = new Set<string>();
    const external = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(file, 'utf8');
      for (const [, fromClause, dynamic] of code.matchAll(/(?:^|\n)(?:import|export)\s[^'"]*?from\s*"([^"]+)"|import\("([^"]+)"\)/g)) {
        const specifier = fromClause ?? dynamic ?? '';
        if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
        else external.add(specifier);
      }
    };
    visit(resolve('dist/node/conformance.js'));
    expect(seen.size).toBeGreaterThan(2);
    expect(external).toContain('zod/mini');
    expect([...external].filter((specifier) => !/^(node:|zod(\/|$))/.test(specifier))).toEqual([]);
  });
});
