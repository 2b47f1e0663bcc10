import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession } from './support/browser';
import { demo } from './support/demo';
import { widget } from './support/fixture';

// The demo's single-page app (/spa) in Chromium: client-side routes with pushState and no page()
// call, the widget from the ESM build mounted StrictMode-style (create, destroy, create), in-app
// sign-in through identify()/logout(), and destroy() leaving no listener behind.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const launcher = (page: Page) => page.locator(`sadakat-widget ${widget.launcher}`);
const hosts = (page: Page) => page.locator('sadakat-widget').count();

/** Listener types on `window`, `document` and `navigation`, through the DevTools protocol. */
async function listeners(cdp: CDPSession): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const target of ['window', 'document', 'navigation']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: target });
    if (!result.objectId) throw new Error(`no ${target}`);
    const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: 0 });
    out[target] = found.map((listener) => listener.type).sort();
  }
  return out;
}

describe('the SPA demo', () => {
  it('follows route changes, fills the placements each route renders, and keeps one launcher', async () => {
    const session = await openSession(browser, { shopper: 'ayse' });
    const { page } = session;
    try {
      await page.goto(`${demo().url}/spa`);
      // Mounted, destroyed and mounted again at start-up (StrictMode): one widget.
      await launcher(page).filter({ hasText: /\d/ }).waitFor();
      expect(await hosts(page)).toBe(1);
      const balance = (await launcher(page).textContent()) ?? '';
      await expect.poll(() => page.locator('#spa-balance').textContent()).toBe(balance);

      await page.getByRole('link', { name: 'Ürünler', exact: true }).click();
      await page.getByRole('heading', { name: 'Ürünler' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/spa/urunler');
      const points = page.locator('.spa-points');
      expect(await points.count()).toBeGreaterThan(3);
      await expect.poll(async () => (await points.allTextContents()).every((text) => /^[\d.]+ puan kazan$/.test(text))).toBe(true);

      await page.locator('.spa-list a').first().click();
      await expect.poll(() => page.locator('#spa-product-points').textContent()).toMatch(/^[\d.]+ puan kazan$/);
      await page.getByRole('button', { name: 'Puanlarımla ne alabilirim?' }).click();
      const panel = page.locator(`sadakat-widget ${widget.panel}`);
      await panel.waitFor({ state: 'visible' });
      await page.locator('sadakat-widget').getByRole('heading', { name: 'Ödül kataloğu' }).waitFor();
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'hidden' });

      // Back and forward (the Navigation API in Chromium): placements are filled again.
      await page.goBack();
      await page.getByRole('heading', { name: 'Ürünler' }).waitFor();
      await expect.poll(async () => (await page.locator('.spa-points').allTextContents()).every((text) => /puan kazan$/.test(text))).toBe(true);
      await page.goBack();
      await expect.poll(() => page.locator('#spa-balance').textContent()).toBe(balance);
      expect(await hosts(page)).toBe(1);
      expect(await launcher(page).count()).toBe(1);
      session.expectClean();
    } finally {
      await session.close();
    }
  });

  it('signs in and out inside the app with identify() and logout(), without a page load', async () => {
    const session = await openSession(browser);
    const { page } = session;
    try {
      await page.goto(`${demo().url}/spa/hesap`);
      await launcher(page).waitFor();
      expect(await launcher(page).textContent()).not.toMatch(/\d/);
      const loads: string[] = [];
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) loads.push(frame.url());
      });
      await page.locator('#spa-shopper').selectOption('mehmet');
      await page.locator('#spa-sign-in').click();
      await launcher(page).filter({ hasText: /\d/ }).waitFor();
      const mehmet = (await launcher(page).textContent()) ?? '';
      await expect.poll(() => page.locator('[data-sadakat="balance"]').textContent()).toBe(mehmet);

      await page.locator('#spa-shopper').selectOption('ayse');
      await page.locator('#spa-sign-in').click();
      await expect.poll(() => launcher(page).textContent()).not.toBe(mehmet);
      await expect.poll(() => launcher(page).textContent()).toMatch(/\d/);

      await page.locator('#spa-sign-out').click();
      await expect.poll(() => launcher(page).textContent()).not.toMatch(/\d/);
      expect(loads).toEqual([]);
      expect(await hosts(page)).toBe(1);
      session.expectClean();
    } finally {
      await session.close();
    }
  });

  it('destroy() leaves the page as it was: no host, no listener, placements untouched afterwards', async () => {
    const session = await openSession(browser, { shopper: 'ayse' });
    const { page } = session;
    try {
      await page.goto(`${demo().url}/spa?kapali`);
      await page.getByRole('heading', { name: /tek sayfa/ }).waitFor();
      const cdp = await page.context().newCDPSession(page);
      const before = await listeners(cdp);

      await page.getByRole('button', { name: 'Yeniden kur' }).click();
      await launcher(page).filter({ hasText: /\d/ }).waitFor();
      await page.getByRole('link', { name: 'Ürünler', exact: true }).click();
      await expect.poll(() => page.locator('.spa-points').first().textContent()).toMatch(/puan kazan$/);
      await page.locator(`sadakat-widget ${widget.launcher}`).click();
      await page.locator(`sadakat-widget ${widget.panel}`).waitFor({ state: 'visible' });
      await page.keyboard.press('Escape');
      const during = await listeners(cdp);
      expect(Object.values(during).flat().length).toBeGreaterThan(Object.values(before).flat().length);

      await page.getByRole('button', { name: 'Widget’ı kaldır (destroy)' }).click();
      expect(await hosts(page)).toBe(0);
      expect(await listeners(cdp)).toEqual(before);
      // The texts the widget wrote are put back, and routes rendered later are left alone.
      expect((await page.locator('.spa-points').allTextContents()).every((text) => text === '')).toBe(true);
      await page.getByRole('link', { name: 'Vitrin' }).click();
      await page.waitForTimeout(300);
      expect(await page.locator('#spa-balance').textContent()).toBe('—');

      // Two components asking for the widget at once still make one.
      // Playwright's clicks leave listeners of its own on window: compare with a fresh baseline.
      const beforeTwo = await listeners(cdp);
      // A string, so that Vite does not rewrite the import() for Node.
      const options = JSON.stringify({ shop: demo().shop.publishableKey, api: demo().url, locale: 'tr' });
      const count = await page.evaluate(`(async () => {
        const { createSadakat } = await import('/sadakat/sadakat.mjs');
        const a = createSadakat(${options});
        const b = createSadakat(${options});
        const shown = document.querySelectorAll('sadakat-widget').length;
        a.destroy();
        const afterOne = document.querySelectorAll('sadakat-widget').length;
        b.destroy();
        return [shown, afterOne, document.querySelectorAll('sadakat-widget').length];
      })()`);
      expect(count).toEqual([1, 1, 0]);
      expect(await listeners(cdp)).toEqual(beforeTwo);
      session.expectClean();
    } finally {
      await session.close();
    }
  });
});
