import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp } from '../../demo/server';
import { PLAYGROUND_TOKENS } from '../../demo/shop/playground';
import { THEME_TOKENS } from '../../src/widget/core/options';
import { ensureDemoSeed, migrateToLatest, openDatabase, type Database } from '../../src/server/index';

// The theme playground's pages through app.request(): framing allowed exactly where it is needed,
// no inline script or style, and a control for the tokens a designer tunes most.
const ORIGIN = 'http://127.0.0.1:8787';
let dir: string;
let db: Database;
let app: ReturnType<typeof createDemoApp>['app'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sadakat-tema-'));
  db = await openDatabase(`file:${join(dir, 'sadakat.db')}`);
  await migrateToLatest(db);
  const seed = await ensureDemoSeed(db, { secretsFile: join(dir, 'demo-shop.json'), origins: [ORIGIN] });
  const distDir = join(dir, 'dist');
  mkdirSync(distDir);
  writeFileSync(join(distDir, 'sadakat.js'), 'void 0;\n');
  ({ app } = createDemoApp({ db, seed, distDir }));
});

afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const csp = async (path: string) => {
  const response = await app.request(`${ORIGIN}${path}`);
  expect(response.status).toBe(200);
  return { policy: response.headers.get('Content-Security-Policy') ?? '', page: await response.text() };
};

describe('theme playground pages', () => {
  it('/tema may frame the shop’s own preview, the preview may be framed by the shop only, other pages by nobody', async () => {
    const playground = await csp('/tema');
    expect(playground.policy).toContain("frame-src 'self'");
    expect(playground.policy).toContain("frame-ancestors 'none'");
    expect(playground.page).toContain('src="/tema/onizleme#sadakat-home"');
    // The playground itself has no widget of its own: the one to look at is in the preview.
    expect(playground.page).not.toContain('/sadakat/sadakat.js');

    const preview = await csp('/tema/onizleme');
    expect(preview.policy).toContain("frame-ancestors 'self'");
    expect(preview.policy).not.toContain('frame-src');
    expect(preview.page).toContain('/sadakat/sadakat.js');

    const home = await csp('/');
    expect(home.policy).toContain("frame-ancestors 'none'");
    expect(home.policy).not.toContain('frame-src');
  });

  it('has no inline script, style or event handler', async () => {
    const { page, policy } = await csp('/tema');
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    for (const script of page.match(/<script\b[^>]*>/g) ?? []) {
      expect(script).toMatch(/type="application\/json"|src="\/static\//);
    }
    expect(page).not.toMatch(/\sstyle="|<style|\son[a-z]+="/);
  });

  it('every control names a real public token and its init({ theme }) key', () => {
    for (const token of PLAYGROUND_TOKENS) {
      expect(THEME_TOKENS[token.key as keyof typeof THEME_TOKENS], token.name).toBe(token.name);
    }
  });
});
