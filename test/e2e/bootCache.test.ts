import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession } from './support/browser';
import { demo } from './support/demo';

// The boot payload cached in the tab (sessionStorage) on the demo shop, in real Chromium under the
// shop's strict CSP: the next page view shows the balance at once and revalidates it.

const launcher = (page: Page) => page.locator('sadakat-widget [part~="launcher"]');
const pointsIn = (text: string | null) => Number((text ?? '').replace(/\D/g, '')) || null;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the next page view in the tab', () => {
  it('shows the balance from the tab’s copy while the revalidation is still on its way, then gets a 304', async () => {
    const session = await openSession(browser, { shopper: 'ayse' });
    const { page } = session;
    try {
      const first = page.waitForResponse((response) => new URL(response.url()).pathname === '/v1/boot');
      await page.goto(`${demo().url}/`);
      expect((await first).status()).toBe(200);
      const withBalance = page.locator('sadakat-widget [part~="launcher"]', { hasText: /\d/ });
      await withBalance.waitFor({ state: 'visible' });
      const balance = pointsIn(await launcher(page).textContent());
      await page.waitForFunction(() => Object.keys(sessionStorage).some((key) => key.includes('.boot.c.ayse.')));
      const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }));
      expect(stored).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/); // no JWT in the tab's storage

      // A deliberately slow network: the next boot call is held until the launcher has been read.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      const answered: Array<{ ifNoneMatch: string | undefined; status: number }> = [];
      await page.route(
        (url) => url.pathname === '/v1/boot',
        async (route) => {
          await held;
          const response = await route.fetch();
          answered.push({ ifNoneMatch: route.request().headers()['if-none-match'], status: response.status() });
          await route.fulfill({ response });
        },
      );
      await page.goto(`${demo().url}/urun/kervan-espresso-harmani`);
      await withBalance.waitFor({ state: 'visible' });
      expect(pointsIn(await launcher(page).textContent())).toBe(balance);
      expect(answered).toEqual([]);

      release();
      await expect.poll(() => answered.length).toBe(1);
      expect(answered[0]?.ifNoneMatch).toMatch(/^W\/"/);
      expect(answered[0]?.status).toBe(304);
      expect(pointsIn(await launcher(page).textContent())).toBe(balance);
      session.expectClean();
    } finally {
      await session.close();
    }
  });
});
