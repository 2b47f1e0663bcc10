import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession, type Session } from './support/browser';
import { demo } from './support/demo';
import { launcherWithBalance, widget } from './support/fixture';
import { customerToken, hostProbe, QUEUE_STUB, receivedByHost, serveHostPage, widgetTag } from './support/hostPages';

// Reliability cases T12 and T13 in real Chromium against the real API: faults are injected into
// the boot call with Playwright routing (the only fake here). The shopper always ends up with a
// clear state and a Retry button within the deadline, never a wrong number; reads are tried again
// with backoff before that; and the page never hears about any of it.

const DEADLINE_MS = 3000;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type BootFault = (route: Route) => Promise<void>;

interface Faulted {
  session: Session;
  page: Page;
  /** When each boot request left the page (ms since the test started). */
  attempts: number[];
  /** Stop injecting: later requests reach the real API. */
  repair(): void;
}

async function withFault(fault: BootFault, test: (faulted: Faulted) => Promise<void>) {
  const session = await openSession(browser);
  await session.context.addInitScript(hostProbe);
  const { page } = session;
  const started = Date.now();
  const attempts: number[] = [];
  let repaired = false;
  await page.route(
    (url) => url.pathname === '/v1/boot',
    async (route) => {
      attempts.push(Date.now() - started);
      if (repaired) return route.continue();
      return fault(route);
    },
  );
  const { url, shop } = demo();
  const token = await customerToken('ayse');
  const init = `Sadakat.init(${JSON.stringify({ shop: shop.publishableKey, api: url, customerToken: token, timeout: DEADLINE_MS })});`;
  try {
    await page.goto(await serveHostPage(page, 'faults', { headScripts: [QUEUE_STUB, init], widgetTags: [widgetTag({ init: false })] }));
    await test({ session, page, attempts, repair: () => void (repaired = true) });
    expect(await receivedByHost(page)).toEqual([]);
    expect(await page.evaluate(() => 'polluted' in {})).toBe(false);
  } finally {
    await session.close();
  }
}

/** Opens the panel and waits for its error state; returns the state's text. */
async function errorState(page: Page): Promise<string> {
  await page.evaluate(() => (window as unknown as { Sadakat: { open(): void } }).Sadakat.open());
  const card = page.locator(`sadakat-widget ${widget.panel} [part~="error"]`);
  await card.waitFor({ state: 'visible', timeout: DEADLINE_MS * 2 });
  return (await card.textContent()) ?? '';
}

async function expectNoNumber(page: Page) {
  await expect(page.locator(`sadakat-widget ${widget.launcher}`).textContent()).resolves.not.toMatch(/\d/);
  await expect(page.locator(`sadakat-widget ${widget.panel}`).textContent()).resolves.not.toMatch(/\d[\d.]* puan/);
}

/** Presses Retry after the fault is gone: the real balance appears. */
async function retryRecovers(faulted: Faulted) {
  faulted.repair();
  await faulted.page.locator(`sadakat-widget ${widget.panel} [part~="error"] button`).click();
  await faulted.page.locator(`sadakat-widget ${widget.panel} [part~="balance"]`).waitFor();
  await launcherWithBalance(faulted.page);
}

/** The real boot answer with its text rewritten. */
const tampered =
  (rewrite: (body: string) => string): BootFault =>
  async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: rewrite(await response.text()) });
  };

const html = (status: number): BootFault => (route) =>
  route.fulfill({ status, contentType: 'text/html', body: `<!doctype html><title>${status}</title><h1>Bad gateway</h1><p>nginx/1.25.3</p>` });

describe('the backend fails', () => {
  it('connection refused: three attempts with growing, jittered gaps, then the error state; Retry recovers', () =>
    withFault((route) => route.abort('connectionrefused'), async (faulted) => {
      expect(await errorState(faulted.page)).toContain('Bağlantı kurulamadı');
      await expectNoNumber(faulted.page);
      expect(faulted.attempts).toHaveLength(3);
      await retryRecovers(faulted);
      faulted.session.expectClean({ allowConsole: [/ERR_CONNECTION_REFUSED|Failed to load resource/] });
    }));

  it('a request that hangs for 30 s: the error state arrives at the deadline, not after', () =>
    withFault(
      (route) => new Promise((resolve) => setTimeout(() => void route.abort('timedout').catch(() => {}).then(resolve), 30_000)),
      async (faulted) => {
        const started = Date.now();
        expect(await errorState(faulted.page)).toContain('Bağlantı kurulamadı');
        expect(Date.now() - started).toBeLessThan(DEADLINE_MS + 2000);
        await expectNoNumber(faulted.page);
        await retryRecovers(faulted);
      },
    ));

  it.each([500, 502, 503])('%i with an HTML body: retried, then the error state, no server text shown', (status) =>
    withFault(html(status), async (faulted) => {
      const text = await errorState(faulted.page);
      expect(text).not.toMatch(/nginx|Bad gateway|<|\d{3}/);
      await expectNoNumber(faulted.page);
      expect(faulted.attempts).toHaveLength(3);
      await retryRecovers(faulted);
      faulted.session.expectClean({ allowConsole: [/status of 50\d/] });
    }));

  it('429 with Retry-After: 1 is waited out, then the real balance shows', () => {
    let limited = 0;
    return withFault(
      async (route) => {
        if (limited++ > 0) return route.continue();
        await route.fulfill({ status: 429, headers: { 'Retry-After': '1' }, contentType: 'application/json', body: '{"error":{"code":"rate_limited","message":"Slow down.","requestId":"r"}}' });
      },
      async (faulted) => {
        await launcherWithBalance(faulted.page);
        expect(faulted.attempts).toHaveLength(2);
        expect(faulted.attempts[1]! - faulted.attempts[0]!).toBeGreaterThanOrEqual(950);
        faulted.session.expectClean({ allowConsole: [/status of 429/] });
      },
    );
  });
});

describe('the backend answers nonsense', () => {
  const hostile: Array<[string, BootFault]> = [
    ['invalid JSON', tampered((body) => body.slice(0, body.length - 7))],
    ['a balance of 1e309', tampered((body) => body.replace(/"balance":-?\d+/, '"balance":1e309'))],
    ['a balance of "NaN"', tampered((body) => body.replace(/"balance":-?\d+/, '"balance":"NaN"'))],
    ['a balance above 2^53', tampered((body) => body.replace(/"balance":-?\d+/, '"balance":9007199254740993'))],
    ['a negative reward cost', tampered((body) => body.replace(/"cost":\d+/, '"cost":-500'))],
    ['an unknown reward kind', tampered((body) => body.replace(/"kind":"(amount_off|percent_off|free_shipping|free_product)"/, '"kind":"teleport"'))],
    ['a 10 MB body', tampered((body) => body.replace(/^\{/, `{"padding":"${'x'.repeat(10 * 1024 * 1024)}",`))],
  ];

  it.each(hostile)('%s: the error state, never a number', (_name, fault) =>
    withFault(fault, async (faulted) => {
      expect(await errorState(faulted.page)).toMatch(/doğrulanamadı|Bir sorun/);
      await expectNoNumber(faulted.page);
      await retryRecovers(faulted);
    }));

  it('__proto__ and constructor keys in the payload pollute nothing, and the real figure shows', () =>
    withFault(
      tampered((body) =>
        body
          .replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},')
          .replace(/"customer":\{/, '"customer":{"__proto__":{"polluted":true,"balance":999999},'),
      ),
      async (faulted) => {
        await launcherWithBalance(faulted.page);
        await expect(faulted.page.locator(`sadakat-widget ${widget.launcher}`).textContent()).resolves.not.toContain('999');
        faulted.session.expectClean();
      },
    ));
});
