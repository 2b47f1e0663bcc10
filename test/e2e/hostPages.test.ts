import { readFileSync } from 'node:fs';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession, type Session } from './support/browser';
import { demo } from './support/demo';
import { launcherWithBalance, widget } from './support/fixture';
import {
  customerToken,
  footprint,
  hostProbe,
  listenerCounts,
  QUEUE_STUB,
  receivedByHost,
  serveHostPage,
  widgetTag,
  type HostPage,
} from './support/hostPages';

// Reliability cases T02–T07, T09, T11 in real Chromium: on each hostile host page the widget works
// (or stays inert), the page's CSP reports nothing, the page's error listeners receive nothing, and
// the only traces on the page are `window.Sadakat` and `<sadakat-widget>` — gone after destroy().

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Api = { Sadakat: { open(view?: string): void; close(): void; destroy(): void } };

async function withHostSession(test: (session: Session, requests: Request[]) => Promise<void>) {
  const session = await openSession(browser);
  await session.context.addInitScript(hostProbe);
  const requests: Request[] = [];
  session.page.on('request', (request) => requests.push(request));
  try {
    await test(session, requests);
  } finally {
    await session.close();
  }
}

const VIEWS = ['home', 'earn', 'rewards', 'activity', 'referral'];

/** Opens every panel view through the public API, then closes the panel. */
async function walkViews(page: Page) {
  for (const view of VIEWS) {
    await page.evaluate((name) => (window as unknown as Api).Sadakat.open(name), view);
    await page.locator(`sadakat-widget ${widget.panel}`).waitFor({ state: 'visible' });
    await page.locator(`sadakat-widget ${widget.panel} h2, sadakat-widget ${widget.panel} [part~="balance"]`).first().waitFor();
  }
  await page.evaluate(() => (window as unknown as Api).Sadakat.close());
  await page.locator(`sadakat-widget ${widget.panel}`).waitFor({ state: 'hidden' });
}

/** Loads `host` without the widget and returns what the page looks like on its own. */
async function baselineOf(page: Page, name: string, host: HostPage) {
  await page.goto(await serveHostPage(page, `${name}-baseline`, { ...host, widgetTags: [] }));
  const cdp = await page.context().newCDPSession(page);
  const result = { footprint: await footprint(page), listeners: await listenerCounts(cdp) };
  await cdp.detach();
  return result;
}

/**
 * Loads `host` with the widget for Ayşe, walks every view, destroys the widget, and checks the page
 * against its own baseline at each step. Returns the launcher's text for comparisons.
 */
async function expectPoliteGuest(session: Session, requests: Request[], name: string, host: Omit<HostPage, 'widgetTags'>) {
  const { page } = session;
  const baseline = await baselineOf(page, name, host);
  const token = await customerToken('ayse');
  // With SRI, as the README recommends: the hash the build published must match what is served.
  await page.goto(await serveHostPage(page, name, { ...host, widgetTags: [widgetTag({ token, integrity: true })] }));
  try {
    await launcherWithBalance(page);
  } catch (error) {
    throw new Error(`no balance on ${name}: ${[...session.pageErrors, ...session.consoleErrors, ...session.cspViolations].join('\n')}`, { cause: error });
  }
  await walkViews(page);
  const launcherText = await page.locator(`sadakat-widget ${widget.launcher}`).textContent();

  const loaded = await footprint(page);
  expect(loaded.changed, 'built-in prototypes').toEqual(baseline.footprint.changed);
  expect(loaded.windowAdded, 'globals').toEqual([...baseline.footprint.windowAdded, 'Sadakat'].sort());
  expect(loaded.head, 'document.head').toEqual(baseline.footprint.head);
  expect(loaded.body, 'document.body').toEqual([...baseline.footprint.body, 'sadakat-widget']);
  expect(loaded.styleSheets).toBe(baseline.footprint.styleSheets);
  expect(loaded.adoptedStyleSheets).toBe(baseline.footprint.adoptedStyleSheets);
  expect(loaded.rootAttributes).toEqual(baseline.footprint.rootAttributes);
  expect(loaded.polluted, 'Object.prototype').toEqual(baseline.footprint.polluted);
  // Keys the page put on Object.prototype never become attributes in the widget.
  const strayAttributes = await page.evaluate(() =>
    [...(document.querySelector('sadakat-widget')?.shadowRoot?.querySelectorAll('*') ?? [])].flatMap((element) =>
      ['foo', 'apibase', 'html', 'isadmin', 'src'].filter((name) => element.hasAttribute(name)).map((name) => `${element.tagName}[${name}]`),
    ),
  );
  expect(strayAttributes).toEqual([]);
  expect(loaded.storage.join('\n'), 'no token in storage').not.toContain(token.split('.')[2]);

  // The page's own button still works.
  await page.locator('#host-button').click();
  await expect(page.locator('#host-output').textContent()).resolves.toBe('1');

  await page.evaluate(() => (window as unknown as Api).Sadakat.destroy());
  const destroyed = await footprint(page);
  expect(destroyed.body).toEqual(baseline.footprint.body);
  expect(destroyed.windowAdded).toEqual([...baseline.footprint.windowAdded, 'Sadakat'].sort());
  expect(destroyed.changed).toEqual(baseline.footprint.changed);
  expect(destroyed.head).toEqual(baseline.footprint.head);
  const cdp = await page.context().newCDPSession(page);
  expect(await listenerCounts(cdp), 'listeners on window and document after destroy()').toEqual(baseline.listeners);
  await cdp.detach();

  expect(await receivedByHost(page)).toEqual([]);
  // Only the configured API origin was ever contacted.
  const foreign = requests.map((request) => request.url()).filter((url) => !url.startsWith(`${demo().url}/`));
  expect(foreign).toEqual([]);
  session.expectClean();
  return launcherText;
}

describe('host pages', () => {
  it('strict CSP (nonce + strict-dynamic, style-src without unsafe-inline, Trusted Types): works, no reports, leaves nothing', () =>
    withHostSession(async (session, requests) => {
      const text = await expectPoliteGuest(session, requests, 'strict', {});
      expect(text).toMatch(/\d/);
    }));

  it('patched built-ins (Prototype.js toJSON, enumerable Object.prototype keys, wrapped fetch): same figures, clean requests', () =>
    withHostSession(async (session, requests) => {
      const clean = await expectPoliteGuest(session, [], 'patched-clean', {});
      requests.length = 0;
      const patched = await expectPoliteGuest(session, requests, 'patched', {
        headScripts: [
          // Prototype.js 1.6: arrays serialise to a JSON *string*.
          `Array.prototype.toJSON = function () { return JSON.stringify(this.slice()); };`,
          `Object.prototype.foo = 'polluted-foo'; Object.prototype.apiBase = 'https://evil.example';
           Object.prototype.html = '<img src=x>'; Object.prototype.isAdmin = true; Object.prototype.src = 'https://evil.example/x.js';`,
          `window.__fetchCalls = 0; var nativeFetch = window.fetch;
           window.fetch = function () { window.__fetchCalls++; return nativeFetch.apply(this, arguments); };`,
        ],
      });
      expect(patched).toBe(clean);
      const sent = requests.filter((request) => request.url().includes('/v1/'));
      expect(sent.length).toBeGreaterThan(0);
      for (const request of sent) {
        expect(request.url()).not.toMatch(/polluted|evil|isAdmin/);
        expect(request.postData() ?? '').not.toMatch(/polluted|evil|isAdmin/);
        expect(Object.keys(request.headers()).join(' ')).not.toMatch(/foo|apiBase|html|isAdmin/i);
      }
    }));

  it('a fetch wrapper that never settles and ignores the abort signal (T06): the error state at the deadline, nothing thrown', () =>
    withHostSession(async (session, requests) => {
      const { page } = session;
      const { url, shop } = demo();
      const hanging = `window.fetch = function () { return new Promise(function () {}); };`;
      const init = `Sadakat.init(${JSON.stringify({ shop: shop.publishableKey, api: url, timeout: 1500 })});`;
      await page.goto(await serveHostPage(page, 'hanging-fetch', { headScripts: [hanging, QUEUE_STUB, init], widgetTags: [widgetTag({ init: false })] }));
      await page.evaluate(() => (window as unknown as Api).Sadakat.open());
      await page.locator(`sadakat-widget ${widget.panel} [part~="error"]`).waitFor({ state: 'visible', timeout: 10_000 });
      await expect(page.locator(`sadakat-widget ${widget.launcher}`).textContent()).resolves.not.toMatch(/\d/);
      // The wrapper swallowed every call: nothing reached the network, nothing reached the page.
      expect(requests.filter((request) => request.url().includes('/v1/'))).toEqual([]);
      expect(await receivedByHost(page)).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    }));

  it('polluted-prototype URL (?__proto__[…], #constructor[prototype]…, ?ref=__proto__): no execution, no foreign request', () =>
    withHostSession(async (session, requests) => {
      const suffix =
        '?__proto__[innerHTML]=%3Cimg%20src%3Dx%20onerror%3D__pwned()%3E&__proto__[apiBase]=https://evil.example' +
        '&constructor[prototype][x]=1&ref=__proto__#__proto__[y]=1&constructor[prototype][src]=https://evil.example';
      await expectPoliteGuest(session, requests, 'polluted', { suffix, headScripts: ['window.__pwned = function () { document.title = "pwned"; };'] });
      await expect(session.page.title()).resolves.not.toBe('pwned');
      const stored = await session.page.evaluate(() => JSON.stringify({ ...localStorage }));
      expect(stored).not.toContain('__proto__');
    }));

  it('snippet twice, calls before the script arrives: one widget, calls replayed once in order, one warning', () =>
    withHostSession(async (session) => {
      const { page } = session;
      const warnings: string[] = [];
      page.on('console', (message) => void (message.type() === 'warning' && warnings.push(message.text())));
      // The script arrives late, so every queued call happens before it.
      await page.route(`${demo().url}/sadakat/sadakat.js`, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        await route.continue();
      });
      const { url, shop } = demo();
      const token = await customerToken('ayse');
      const early = `Sadakat.init({ shop: ${JSON.stringify(shop.publishableKey)}, api: ${JSON.stringify(url)}, customerToken: ${JSON.stringify(token)} });
        window.__readyCount = 0; Sadakat.on('ready', function () { window.__readyCount++; });
        Sadakat.open('rewards');`;
      await page.goto(
        await serveHostPage(page, 'twice', {
          headScripts: [QUEUE_STUB, early, QUEUE_STUB],
          widgetTags: [widgetTag({ init: false }), widgetTag({ init: false })],
        }),
      );
      await page.locator(`sadakat-widget ${widget.panel}`).waitFor({ state: 'visible' });
      await launcherWithBalance(page);
      await expect(page.locator('sadakat-widget').count()).resolves.toBe(1);
      await expect(page.evaluate(() => (window as unknown as { __readyCount: number }).__readyCount)).resolves.toBe(1);
      expect(warnings.filter((line) => /included more than once/.test(line))).toHaveLength(1);
      expect(await receivedByHost(page)).toEqual([]);
      session.expectClean();
    }));

  it.each([
    ['404', async () => ({ status: 404, contentType: 'text/plain', body: 'Not found' })],
    // With SRI the browser refuses both: neither runs, nothing is thrown into the page (T10).
    ['replaced by HTML (a captive portal)', async () => ({ status: 200, contentType: 'text/javascript', body: '<!doctype html><p>Sign in to Wi-Fi</p>' })],
    ['one byte changed', async () => {
      const code = readFileSync('dist/sadakat.js', 'utf8');
      const at = code.indexOf('sadakat');
      return { status: 200, contentType: 'text/javascript', body: `${code.slice(0, at)}S${code.slice(at + 1)}` };
    }],
  ])('script fails to load (%s): the stub stays inert and capped, the page keeps working', (_name, response) =>
    withHostSession(async (session) => {
      const { page } = session;
      const body = await response();
      await page.route(`${demo().url}/sadakat/sadakat.js`, (route) => route.fulfill(body));
      const calls = `Sadakat.init({ shop: 'pk_test', api: ${JSON.stringify(demo().url)} });
        for (var i = 0; i < 500; i++) Sadakat.open('rewards');`;
      await page.goto(await serveHostPage(page, 'load-failure', { headScripts: [QUEUE_STUB, calls], widgetTags: [widgetTag({ init: false, integrity: true })] }));
      await page.waitForLoadState('load');
      await page.locator('#host-button').click();
      await expect(page.locator('#host-output').textContent()).resolves.toBe('1');
      await expect(page.locator('sadakat-widget').count()).resolves.toBe(0);
      await expect(page.evaluate(() => (window as unknown as { Sadakat: unknown[] }).Sadakat.length)).resolves.toBe(100);
      expect(await receivedByHost(page)).toEqual([]);
      expect(session.pageErrors).toEqual([]);
      session.expectClean({ allowConsole: [/Failed to load resource|integrity|Refused to execute/] });
    }));

  it('script blocked (ad-blocker): the page keeps working and nothing is thrown', () =>
    withHostSession(async (session) => {
      const { page } = session;
      await page.route(`${demo().url}/sadakat/sadakat.js`, (route) => route.abort('blockedbyclient'));
      await page.goto(await serveHostPage(page, 'blocked', { headScripts: [QUEUE_STUB, `Sadakat.open();`], widgetTags: [widgetTag()] }));
      await page.waitForLoadState('load');
      await page.locator('#host-button').click();
      await expect(page.locator('#host-output').textContent()).resolves.toBe('1');
      expect(await receivedByHost(page)).toEqual([]);
      session.expectClean({ allowConsole: [/Failed to load resource|ERR_BLOCKED_BY_CLIENT/] });
    }));
});
