import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession } from './support/browser';
import { demo, topUp } from './support/demo';
import { widget } from './support/fixture';

// T11 in Chromium on the demo shop (strict CSP): the page registers its own `error` and
// `unhandledrejection` listeners first, as error monitoring does. Then it breaks built-ins the
// widget relies on (a bad `Intl` polyfill, a `crypto.randomUUID` that throws). A render that throws
// and a click handler that fails must reach none of those listeners; the panel shows its error
// state with Retry, and Retry recovers once the page is sane again.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const panel = (page: Page) => page.locator(`sadakat-widget ${widget.panel}`);
const heard = (page: Page) => page.evaluate(() => (window as unknown as { hostHeard: string[] }).hostHeard);

async function openView(page: Page, view: string) {
  await page.evaluate((hash) => (location.hash = hash), `#sadakat-${view}`);
  await panel(page).waitFor({ state: 'visible' });
}

describe('the widget’s own failures stay in the widget (T11)', () => {
  it('a render that throws and a handler that fails: error state with Retry, the page’s listeners hear nothing', async () => {
    const session = await openSession(browser, { shopper: 'ayse' });
    const { page } = session;
    try {
      await page.addInitScript(() => {
        const hostHeard: string[] = [];
        Object.assign(window, { hostHeard });
        window.addEventListener('error', (event) => hostHeard.push(`error: ${event.message}`));
        window.addEventListener('unhandledrejection', (event) => hostHeard.push(`unhandledrejection: ${String(event.reason)}`));
      });
      await page.goto(`${demo().url}/`);
      await page.locator(`sadakat-widget ${widget.launcher}`, { hasText: /\d/ }).waitFor();

      // A broken Intl polyfill: the history view cannot format its dates.
      await page.evaluate(() => {
        const descriptor = Object.getOwnPropertyDescriptor(Intl.DateTimeFormat.prototype, 'format');
        Object.assign(window, { savedFormat: descriptor });
        Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', {
          configurable: true,
          get: () => () => {
            throw new RangeError('broken Intl polyfill');
          },
        });
      });
      await openView(page, 'activity');
      const alert = panel(page).getByRole('alert');
      await alert.filter({ hasText: 'Puanlarını şu an gösteremiyoruz' }).waitFor();
      await page.waitForTimeout(300);
      expect(await heard(page)).toEqual([]);

      await page.evaluate(() => {
        const saved = (window as unknown as { savedFormat: PropertyDescriptor }).savedFormat;
        Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', saved);
      });
      await panel(page).getByRole('button', { name: 'Yeniden dene' }).click();
      await panel(page).getByRole('region', { name: 'Puan geçmişin' }).waitFor();
      expect(await alert.count()).toBe(0);

      // A crypto polyfill that throws: the redemption's key cannot be made when the shopper confirms.
      await page.keyboard.press('Escape');
      await page.evaluate(() => {
        crypto.randomUUID = () => {
          throw new Error('broken crypto polyfill');
        };
      });
      const redemptions: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/v1/redemptions') redemptions.push(request.method());
      });
      await openView(page, 'rewards');
      await panel(page).getByRole('button', { name: /^Puanla al:/ }).first().click();
      await panel(page).getByRole('button', { name: 'Evet, puanla al' }).click();
      await alert.filter({ hasText: 'Puanlarını şu an gösteremiyoruz' }).waitFor();
      await page.waitForTimeout(300);
      expect(await heard(page)).toEqual([]);
      expect(redemptions).toEqual([]);
      session.expectClean();
    } finally {
      await session.close();
    }
  });
  it('on a page that replaced Promise and JSON.stringify (polyfill-style): redeems once with a clean body, and a failing click still stays in the widget', async () => {
    const session = await openSession(browser, { shopper: 'ayse' });
    const { page } = session;
    try {
      await page.addInitScript(() => {
        const hostHeard: string[] = [];
        Object.assign(window, { hostHeard });
        window.addEventListener('error', (event) => hostHeard.push(`error: ${event.message}`));
        window.addEventListener('unhandledrejection', (event) => hostHeard.push(`unhandledrejection: ${String(event.reason)}`));
        // A Promise polyfill installed over the native one, and a wrapped JSON.stringify.
        const NativePromise = window.Promise;
        window.Promise = class PolyfillPromise<T> extends NativePromise<T> {};
        const stringify = JSON.stringify;
        JSON.stringify = function (value: unknown, replacer?: never, space?: string | number) {
          return stringify(value, replacer, space);
        };
      });
      const bodies: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/v1/redemptions') bodies.push(request.postData() ?? '');
      });
      await topUp('ayse', 400);
      await page.goto(`${demo().url}/`);
      await page.locator(`sadakat-widget ${widget.launcher}`, { hasText: /\d/ }).waitFor();
      await openView(page, 'rewards');
      await panel(page).getByRole('button', { name: 'Puanla al: Ücretsiz kargo' }).click();
      await panel(page).getByRole('button', { name: 'Evet, puanla al' }).click();
      expect(await panel(page).locator('#sadakat-issued-code').inputValue()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(bodies).toHaveLength(1);
      expect(JSON.parse(bodies[0] ?? '')).toEqual({ rewardId: expect.any(String), expectedCost: 400 });

      await page.evaluate(() => {
        crypto.randomUUID = () => {
          throw new Error('broken crypto polyfill');
        };
      });
      await panel(page).getByRole('button', { name: /^Puanla al:/ }).first().click();
      await panel(page).getByRole('button', { name: 'Evet, puanla al' }).click();
      await panel(page).getByRole('alert').filter({ hasText: 'Puanlarını şu an gösteremiyoruz' }).waitFor();
      await page.waitForTimeout(300);
      expect(await heard(page)).toEqual([]);
      expect(bodies).toHaveLength(1);
      session.expectClean();
    } finally {
      await session.close();
    }
  });
});
