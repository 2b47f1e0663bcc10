import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp, ensureDemoSeed, migrateToLatest, openDatabase, type Database, type DemoSeed } from '../../src/server/index';

// The README's dependency-free token example is real code: copied out of the README, run, and
// its token accepted by the reference API.

let dir: string;
let db: Database;
let seed: DemoSeed;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sadakat-readme-'));
  db = await openDatabase(`file:${join(dir, 'sadakat.db')}`);
  await migrateToLatest(db);
  seed = await ensureDemoSeed(db, { secretsFile: join(dir, 'demo-shop.json'), origins: ['http://127.0.0.1:8787'] });
});

afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

function readmeBlock(marker: string): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]!).find((code) => code.includes(marker));
  if (!block) throw new Error(`README has no js block containing ${marker}`);
  return block;
}

it('the README’s node:crypto token minting is accepted by the API', async () => {
  const file = join(dir, 'mint.mjs');
  writeFileSync(file, readmeBlock("from 'node:crypto'"));
  const { mintCustomerToken } = (await import(pathToFileURL(file).href)) as {
    mintCustomerToken(options: { shopId: string; signingSecret: string; customerId: string; email?: string; name?: string }): string;
  };
  const token = mintCustomerToken({ shopId: seed.shop.id, signingSecret: seed.shop.signingSecret, customerId: 'mehmet', name: 'Mehmet Demir' });

  const response = await createApp({ db }).request(`/v1/boot?shop=${seed.shop.publishableKey}&locale=tr`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { customer: { firstName: string | null } | null };
  expect(body.customer?.firstName).toBe('Mehmet');

  const [header, payload] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>);
  expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
  expect(payload).toMatchObject({ iss: seed.shop.id, sub: 'mehmet', name: 'Mehmet Demir' });
  expect((payload!.exp as number) - (payload!.iat as number)).toBe(300);
});
