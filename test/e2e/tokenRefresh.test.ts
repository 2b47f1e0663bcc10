import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintCustomerToken } from '../../src/server/index';
import { launchBrowser, openSession } from './support/browser';
import { demo } from './support/demo';
import { widget } from './support/fixture';

// T17 in Chromium, over the real demo server: the shop's sign-in hands the widget a customer token
// that has already expired (as one does when a tab stays open past its lifetime). The real API
// refuses it (401); the widget asks the shop's `getCustomerToken()` (the demo's /spa/token, a real
// route) once, retries once with the fresh token, and shows the shopper. No loop, nothing thrown.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('an expired customer token mid-session (T17)', () => {
  it('asks getCustomerToken() once, retries once, and shows the shopper’s balance', async () => {
    const session = await openSession(browser);
    const { page } = session;
    try {
      const { shop } = demo();
      const tenMinutesAgo = new Date(Date.now() - 10 * 60 * 1000);
      const expired = await mintCustomerToken({ shopId: shop.id, signingSecret: shop.signingSecret, customerId: 'ayse', issuedAt: tenMinutesAgo, expiresInSeconds: 60 });
      // The demo's own sign-in runs (and sets its session cookie); only the token it returns is old.
      await page.route(
        (url) => url.pathname === '/spa/oturum',
        async (route) => {
          const response = await route.fetch();
          const body = (await response.json()) as { token: string | null };
          await route.fulfill({ response, json: { ...body, token: expired } });
        },
      );
      const seen: Array<{ path: string; token: string | undefined }> = [];
      const boots: Array<Promise<number>> = [];
      page.on('request', (request: Request) => {
        const path = new URL(request.url()).pathname;
        if (path === '/v1/boot' || path === '/spa/token') seen.push({ path, token: request.headers().authorization?.replace('Bearer ', '') });
        if (path === '/v1/boot') boots.push(request.response().then((response) => response?.status() ?? 0));
      });

      await page.goto(`${demo().url}/spa/hesap`);
      const launcher = page.locator(`sadakat-widget ${widget.launcher}`);
      await launcher.waitFor();
      await page.waitForTimeout(300);
      seen.length = 0;
      boots.length = 0;

      await page.locator('#spa-shopper').selectOption('ayse');
      await page.locator('#spa-sign-in').click();
      await launcher.filter({ hasText: /\d/ }).waitFor();
      await page.waitForTimeout(500); // room for a loop to show itself, if there were one

      expect(seen.map((entry) => entry.path)).toEqual(['/v1/boot', '/spa/token', '/v1/boot']);
      expect(seen[0]?.token).toBe(expired);
      expect(seen[2]?.token).toMatch(/^eyJ/);
      expect(seen[2]?.token).not.toBe(expired);
      expect(await Promise.all(boots)).toEqual([401, 200]);
      await expect.poll(() => page.locator('[data-sadakat="balance"]').textContent()).toMatch(/\d/);
      session.expectClean({ allowConsole: [/401/] });
    } finally {
      await session.close();
    }
  });
});
