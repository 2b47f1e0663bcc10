// Loopback load run of the reference server: boot (guest and signed-in) and redemption endpoints,
// on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL. The server runs in its own process
// (as in production) so the load generator does not share its event loop. Bounded in time.
// After each database's run, the ledger invariants are checked over the whole database (T39): a
// run that was fast but lost or doubled points fails instead of reporting figures.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { migrateToLatest, mintCustomerToken, openDatabase, seedDemo, type DemoSeed } from '../src/server';
import { ensureCustomer } from '../src/server/domain/customers';
import { appendLedgerEntry } from '../src/server/domain/ledger';
import { ledgerViolations } from '../src/server/domain/ledgerCheck';

export interface LoadResult {
  database: string;
  endpoint: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

const DURATION_SECONDS = Number(process.env.BENCH_SERVER_SECONDS ?? 8);
const CONNECTIONS = 10;

async function prepare(databaseUrl: string): Promise<DemoSeed> {
  const db = await openDatabase(databaseUrl);
  await migrateToLatest(db);
  const seed = await seedDemo(db, { origins: ['https://shop.example'] });
  // A shopper rich enough for every redemption in the run.
  await db.kysely.transaction().execute(async (trx) => {
    const customer = await ensureCustomer(trx, seed.shop.id, { externalId: 'bench-rich' }, new Date());
    await appendLedgerEntry(trx, { shopId: seed.shop.id, customerId: customer.id, delta: 1_000_000_000, kind: 'adjustment', at: new Date() });
  });
  await db.close();
  return seed;
}

function startServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/main.ts', 'serve'], {
    // One client machine measures throughput: per-IP rate limits would measure the limiter instead.
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', SADAKAT_STOP_WITH_PARENT: '1', SADAKAT_RATE_LIMITS: 'off' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match?.[1]) resolve({ url: match[1], child });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

async function load(name: string, options: autocannon.Options): Promise<Omit<LoadResult, 'database'>> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION_SECONDS, ...options });
  return {
    endpoint: name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export async function runServerLoad(): Promise<LoadResult[]> {
  const targets: Array<{ name: string; url: string; cleanup: () => Promise<void> }> = [];
  const dir = mkdtempSync(join(tmpdir(), 'sadakat-bench-'));
  targets.push({ name: 'SQLite', url: `file:${join(dir, 'bench.db')}`, cleanup: async () => rmSync(dir, { recursive: true, force: true }) });
  if (process.env.TEST_DATABASE_URL) {
    const { default: pg } = await import('pg');
    const name = `sadakat_bench_${randomUUID().slice(0, 8)}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    targets.push({
      name: 'PostgreSQL',
      url: url.toString(),
      cleanup: async () => {
        const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
        await client.end();
      },
    });
  }

  const results: LoadResult[] = [];
  for (const target of targets) {
    const seed = await prepare(target.url);
    const { url, child } = await startServer(target.url);
    try {
      const boot = `${url}/v1/boot?shop=${seed.shop.publishableKey}&locale=tr`;
      // Tokens live five minutes: mint one per run, long enough for the whole load.
      const token = (customerId: string) =>
        mintCustomerToken({ shopId: seed.shop.id, signingSecret: seed.shop.signingSecret, customerId, expiresInSeconds: 600 });
      const ayse = await token('ayse');
      const rich = await token('bench-rich');
      const runs: Array<() => Promise<Omit<LoadResult, 'database'>>> = [
        () => load('GET /v1/boot (guest)', { url: boot }),
        () => load('GET /v1/boot (signed in)', { url: boot, headers: { authorization: `Bearer ${ayse}` } }),
        () =>
          load('POST /v1/redemptions', {
            url: `${url}/v1/redemptions?shop=${seed.shop.publishableKey}`,
            // Every request is a new redemption attempt with its own idempotency key.
            requests: [
              {
                method: 'POST',
                setupRequest: (request) => ({
                  ...request,
                  headers: { authorization: `Bearer ${rich}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
                  body: JSON.stringify({ rewardId: 'free-shipping' }),
                }),
              },
            ],
          }),
      ];
      for (const run of runs) results.push({ database: target.name, ...(await run()) });
    } finally {
      child.stdin?.end();
      await new Promise((resolve) => child.once('exit', resolve));
    }
    try {
      const db = await openDatabase(target.url);
      const violations = await ledgerViolations(db.kysely).finally(() => db.close());
      if (violations.length > 0) throw new Error(`${target.name}: the ledger is not sound after the load run:\n${violations.join('\n')}`);
      console.error(`[bench] ${target.name}: ledger invariants hold after the run (balances = ledger sums, none negative, one debit per code)`);
    } finally {
      await target.cleanup();
    }
  }
  return results;
}

export function loadTable(results: LoadResult[]): string {
  const rows = results.map((r) => `| ${r.database} | ${r.endpoint} | ${r.requestsPerSecond.toLocaleString('en')} | ${r.p50Ms} | ${r.p99Ms} | ${r.errors + r.non2xx} |`);
  return ['| database | endpoint | req/s | p50 ms | p99 ms | errors |', '| --- | --- | ---: | ---: | ---: | ---: |', ...rows].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await runServerLoad();
  console.log(loadTable(results));
}
