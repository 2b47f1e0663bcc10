import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, ensureDemoSeed, migrateToLatest, openDatabase, type Database, type DemoSeed } from '../../src/server/index';

// docs/customer-tokens.md is real code: each example is copied out of the page, run with its own
// interpreter (php-cli and python3 are installed by .ci/run), and the token it prints must boot
// the reference API as that customer, with the name and e-mail it carries.

let dir: string;
let db: Database;
let seed: DemoSeed;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sadakat-tokens-'));
  db = await openDatabase(`file:${join(dir, 'sadakat.db')}`);
  await migrateToLatest(db);
  seed = await ensureDemoSeed(db, { secretsFile: join(dir, 'demo-shop.json'), origins: ['http://127.0.0.1:8787'] });
});

afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const page = readFileSync(new URL('../../docs/customer-tokens.md', import.meta.url), 'utf8');
function block(language: string): string {
  const blocks = [...page.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]!);
  const example = blocks.find((code) => code.includes('mint'));
  if (!example) throw new Error(`docs/customer-tokens.md has no ${language} block that mints a token`);
  return example;
}

const examples = [
  { language: 'js', file: 'mint-token.mjs', command: process.execPath },
  { language: 'php', file: 'mint-token.php', command: 'php' },
  { language: 'python', file: 'mint_token.py', command: 'python3' },
];

describe('docs/customer-tokens.md', () => {
  it.each(examples)('the $language example mints a token the API accepts', async ({ language, file, command }) => {
    const path = join(dir, file);
    writeFileSync(path, block(language));
    let output: string;
    try {
      output = execFileSync(command, [path], {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          SADAKAT_SHOP_ID: seed.shop.id,
          SADAKAT_SIGNING_SECRET: seed.shop.signingSecret,
          CUSTOMER_ID: 'mehmet',
          CUSTOMER_NAME: 'Mehmet Şahin Demir',
          CUSTOMER_EMAIL: 'mehmet@example.com',
        },
        timeout: 15_000,
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ENOENT') throw new Error(`"${command}" is not installed: the ${language} example cannot be checked (.ci/run installs it)`, { cause: error });
      throw error;
    }
    const token = output.trim();
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    const [header, payload] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toMatchObject({ iss: seed.shop.id, sub: 'mehmet', name: 'Mehmet Şahin Demir', email: 'mehmet@example.com' });
    expect((payload!.exp as number) - (payload!.iat as number)).toBe(300);

    const response = await createApp({ db }).request(`/v1/boot?shop=${seed.shop.publishableKey}&locale=tr`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { customer: { firstName: string | null } | null };
    expect(body.customer?.firstName).toBe('Mehmet');

    // And a signature made with another secret is refused: the examples really sign.
    const forged = `${token.split('.').slice(0, 2).join('.')}.${Buffer.from('x'.repeat(32)).toString('base64url')}`;
    const refused = await createApp({ db }).request(`/v1/boot?shop=${seed.shop.publishableKey}`, { headers: { Authorization: `Bearer ${forged}` } });
    expect(refused.status).toBe(401);
  });
});
