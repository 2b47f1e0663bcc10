import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp } from '../../demo/server';
import { SHOPPER_COOKIE } from '../../demo/shop/app';
import { ensureDemoSeed, migrateToLatest, openDatabase, type Database, type DemoSeed } from '../../src/server/index';

// The demo shop backend through app.request(): no port, a real SQLite file, the real seed.
const ORIGIN = 'http://127.0.0.1:8787';
let dir: string;
let db: Database;
let seed: DemoSeed;
let app: ReturnType<typeof createDemoApp>['app'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sadakat-demo-'));
  db = await openDatabase(`file:${join(dir, 'sadakat.db')}`);
  await migrateToLatest(db);
  seed = await ensureDemoSeed(db, { secretsFile: join(dir, 'demo-shop.json'), origins: [ORIGIN] });
  const distDir = join(dir, 'dist');
  mkdirSync(distDir);
  writeFileSync(join(distDir, 'sadakat.js'), 'void 0;\n');
  writeFileSync(join(distDir, 'sadakat.mjs'), 'export {};\n');
  ({ app } = createDemoApp({ db, seed, distDir }));
});

afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, shopperId?: string) =>
  app.request(`${ORIGIN}${path}`, shopperId ? { headers: { Cookie: `${SHOPPER_COOKIE}=${shopperId}` } } : {});

const postForm = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  app.request(`${ORIGIN}${path}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  });

function widgetTag(page: string) {
  const tag = page.match(/<script async src="\/sadakat\/sadakat\.js"[^>]*><\/script>/)?.[0];
  if (!tag) throw new Error('no widget script tag on the page');
  const attr = (name: string) => tag.match(new RegExp(` ${name}="([^"]*)"`))?.[1];
  return { tag, shop: attr('data-shop'), api: attr('data-api'), token: attr('data-customer-token'), locale: attr('data-locale'), nonce: attr('nonce') };
}

describe('storefront pages', () => {
  it('paste the script tag for a guest with the shop key, the API and no token', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    const tag = widgetTag(await response.text());
    expect(tag).toMatchObject({ shop: seed.shop.publishableKey, api: ORIGIN, locale: 'tr', token: undefined });
  });

  it('carry a nonce-based CSP whose nonce is on the script tags and nowhere unsafe', async () => {
    const response = await get('/');
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    const page = await response.text();
    const { nonce } = widgetTag(page);
    expect(nonce).toBeTruthy();
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    // Every executable script is either same-origin or carries the nonce; no inline handlers.
    for (const script of page.match(/<script\b[^>]*>/g) ?? []) {
      if (!script.includes('type="application/json"')) expect(script).toContain(`nonce="${nonce}"`);
    }
    expect(page).not.toMatch(/\son[a-z]+="/);
    const second = widgetTag(await (await get('/')).text()).nonce;
    expect(second).not.toBe(nonce);
  });

  it.each(['/', '/urun/iznik-mavisi-fincan-takimi', '/sepet', '/hesap?islem=giris', '/hesap?islem=kayit'])('%s renders', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('Kervan');
  });

  it('show prices the Turkish way', async () => {
    const page = await (await get('/urun/iznik-mavisi-fincan-takimi')).text();
    expect(page).toContain('1.249,90\u00a0₺');
  });

  it('answer an unknown page or product with a 404 page', async () => {
    expect((await get('/urun/yok-boyle-bir-sey')).status).toBe(404);
    expect((await get('/bir/yer')).status).toBe(404);
  });
});

describe('the shopper switcher', () => {
  it('remembers the chosen shopper in an HttpOnly cookie and comes back to the page', async () => {
    const response = await postForm('/oturum', { shopper: 'ayse', next: '/sepet' });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/sepet');
    const cookie = response.headers.get('Set-Cookie') ?? '';
    expect(cookie).toContain(`${SHOPPER_COOKIE}=ayse`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('signs out for "Misafir" and for an unknown shopper', async () => {
    for (const shopper of ['', 'mallory']) {
      const response = await postForm('/oturum', { shopper, next: '/' });
      expect(response.headers.get('Set-Cookie')).toMatch(new RegExp(`${SHOPPER_COOKIE}=;.*Max-Age=0`, 'i'));
    }
  });

  it('never redirects off the site', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const response = await postForm('/oturum', { shopper: 'ayse', next });
      expect(response.headers.get('Location')).toBe('/');
    }
  });

  it('refuses a cross-site form post', async () => {
    const response = await postForm('/oturum', { shopper: 'ayse', next: '/' }, { Origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(response.headers.get('Set-Cookie')).toBeNull();
  });
});

describe('customer tokens', () => {
  it.each(['ayse', 'mehmet'])('are minted server-side for %s, signed with the shop secret', async (shopperId) => {
    const tag = widgetTag(await (await get('/', shopperId)).text());
    expect(tag.token).toBeTruthy();
    const { payload, protectedHeader } = await jwtVerify(tag.token!, new TextEncoder().encode(seed.shop.signingSecret), {
      issuer: seed.shop.id,
      subject: shopperId,
    });
    expect(protectedHeader.alg).toBe('HS256');
    const shopper = seed.shoppers.find((candidate) => candidate.id === shopperId)!;
    expect(payload).toMatchObject({ email: shopper.email, name: shopper.name });
    expect(payload.exp! - payload.iat!).toBeGreaterThan(0);
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(60 * 60);
  });

  it('are accepted by the reference API for that shopper', async () => {
    const { token } = widgetTag(await (await get('/', 'ayse')).text());
    const response = await app.request(`${ORIGIN}/v1/boot?shop=${seed.shop.publishableKey}&locale=tr`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { customer: { firstName: string | null } | null };
    expect(body.customer?.firstName).toBe('Ayşe');
  });

  it('are not minted for a cookie naming someone who is not a demo shopper', async () => {
    expect(widgetTag(await (await get('/', 'mallory')).text()).token).toBeUndefined();
  });

  it('the shop secrets never appear in any page', async () => {
    const order = await postForm('/siparis', {
      items: JSON.stringify([{ slug: 'kolombiya-huila', qty: 1 }]),
      name: 'Ayşe Yılmaz', email: 'ayse.yilmaz@example.com', address: 'Moda Cad. 1, Kadıköy', city: 'İstanbul',
    }, { Cookie: `${SHOPPER_COOKIE}=ayse` });
    const pages = ['/', '/urun/raku-filtre-demlik', '/sepet', '/hesap?islem=giris', '/yok', order.headers.get('Location')!];
    for (const shopper of [undefined, ...seed.shoppers.map((s) => s.id)]) {
      for (const path of pages) {
        const response = await get(path, shopper);
        const text = `${[...response.headers].join('\n')}\n${await response.text()}`;
        expect(text).not.toContain(seed.shop.signingSecret);
        expect(text).not.toContain(seed.shop.secretKey);
      }
    }
  });
});

describe('escaping', () => {
  const evil = `"><script>alert('x')</script><img src=x onerror=alert(1)>`;

  it('escapes the request path reflected into the shopper switcher', async () => {
    const page = await (await get(`/${encodeURIComponent(evil)}`)).text();
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;script&gt;');
  });

  it('escapes what the shopper typed at checkout', async () => {
    const response = await postForm('/siparis', {
      items: JSON.stringify([{ slug: 'dibek-turk-kahvesi', qty: 2 }]),
      name: `Deniz ${evil}`, email: 'deniz@example.com', address: 'Bahariye Cad. 5', city: 'İstanbul',
    });
    expect(response.status).toBe(303);
    const page = await (await get(response.headers.get('Location')!)).text();
    expect(page).toContain('Teşekkürler, Deniz!');
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('579,80\u00a0₺');
  });

  it('marks the thank-you page for the post-purchase survey, about that order', async () => {
    const response = await postForm('/siparis', {
      items: JSON.stringify([{ slug: 'dibek-turk-kahvesi', qty: 1 }]),
      name: 'Deniz Kaya', email: 'deniz@example.com', address: 'Bahariye Cad. 5', city: 'İstanbul',
    });
    const location = response.headers.get('Location')!;
    const orderId = decodeURIComponent(location.split('/').pop()!);
    const page = await (await get(location)).text();
    expect(page).toContain(`data-sadakat-survey="post-purchase" data-sadakat-order-id="${orderId}"`);
  });

  it('keeps the cart catalogue JSON from closing its script element', async () => {
    const page = await (await get('/sepet')).text();
    const json = page.match(/<script type="application\/json" id="catalog">([\s\S]*?)<\/script>/)?.[1] ?? '';
    expect(JSON.parse(json).products['kolombiya-huila'].price).toBe(42990);
    expect(json).not.toContain('<');
  });
});

describe('checkout', () => {
  const customer = { name: 'Deniz Kaya', email: 'deniz@example.com', address: 'Bahariye Cad. 5', city: 'İstanbul' };

  it('prices the order from the catalogue, not from the browser, and adds shipping under 750 ₺', async () => {
    const response = await postForm('/siparis', {
      ...customer,
      items: JSON.stringify([{ slug: 'cini-desenli-kupa', qty: 1, price: 1 }]),
    });
    const page = await (await get(response.headers.get('Location')!)).text();
    expect(page).toContain('449,90\u00a0₺');
    expect(page).toContain('59,90\u00a0₺');
    expect(page).toContain('509,80\u00a0₺');
  });

  it.each([
    ['an empty cart', '[]'],
    ['an unknown product', JSON.stringify([{ slug: 'yok', qty: 1 }])],
    ['a silly quantity', JSON.stringify([{ slug: 'kolombiya-huila', qty: 1000 }])],
    ['not JSON', '{{'],
  ])('refuses %s with a clear page', async (_label, items) => {
    const response = await postForm('/siparis', { ...customer, items });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Siparişinizi alamadık');
  });

  it('tells the order book who ordered, for the loyalty report that comes later', async () => {
    const placed: Array<string | null> = [];
    const local = createDemoApp({ db, seed });
    local.orders.onPlaced((order) => void placed.push(order.customerId));
    await local.app.request(`${ORIGIN}/siparis`, {
      method: 'POST',
      body: new URLSearchParams({ ...customer, items: JSON.stringify([{ slug: 'kolombiya-huila', qty: 1 }]) }),
      headers: { Origin: ORIGIN, Cookie: `${SHOPPER_COOKIE}=mehmet`, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(placed).toEqual(['mehmet']);
  });
});

describe('files', () => {
  it('serves the widget build with JavaScript content types', async () => {
    expect((await get('/sadakat/sadakat.js')).headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect((await get('/sadakat/sadakat.mjs')).headers.get('Content-Type')).toMatch(/^text\/javascript/);
  });

  it('serves the shop assets and nothing outside their folder', async () => {
    expect((await get('/static/store.css')).headers.get('Content-Type')).toMatch(/^text\/css/);
    expect((await get('/static/img/hero.svg')).headers.get('Content-Type')).toBe('image/svg+xml');
    expect((await get('/static/..%2Fserver.ts')).status).toBe(404);
    expect((await get('/static/%2e%2e/%2e%2e/package.json')).status).toBe(404);
    expect((await get('/sadakat/nope.js')).status).toBe(404);
  });

  it('routes /v1 to the reference API', async () => {
    const response = await get('/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { openapi: string }).openapi).toMatch(/^3\.1/);
  });
});
