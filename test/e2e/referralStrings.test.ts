import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession } from './support/browser';
import { demo } from './support/demo';

// The referral view's strings are a chunk per language (`chunks/catalog-<lang>-referral-….mjs`),
// fetched with the referral chunk: in Chromium on the demo shop, only the shown language's is
// downloaded, and when it cannot be (injected with Playwright routing, the only fake here) the
// widget fails like the panel's catalog does: one warning, one `sadakat:error` load_failed, the
// host page untouched; opening the view again tries again.

const host = 'sadakat-widget';
const panel = (page: Page) => page.locator(`${host} [part~="panel"]`);
const REFERRAL_STRINGS = /\/chunks\/catalog-([a-z]+)-referral-[^/]*\.mjs$/;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the referral view’s strings', () => {
  it('come in the shown language only; a failed load is one warning and one load_failed, and the next opening loads them', async () => {
    const session = await openSession(browser, { shopper: 'elif' });
    const { page, context } = session;
    try {
      await context.addInitScript(() => {
        const errors: string[] = [];
        (window as unknown as { __sadakatErrors: string[] }).__sadakatErrors = errors;
        document.addEventListener('sadakat:error', (event) => errors.push((event as CustomEvent<{ code: string }>).detail.code));
      });
      const requested: string[] = [];
      let failing = true;
      await page.route(REFERRAL_STRINGS, async (route) => {
        requested.push(REFERRAL_STRINGS.exec(route.request().url())?.[1] ?? '?');
        return failing ? route.abort('connectionfailed') : route.continue();
      });
      const warnings: string[] = [];
      page.on('console', (message) => void (message.type() === 'warning' && message.text().startsWith('[sadakat]') && warnings.push(message.text())));
      const errors = () => page.evaluate(() => (window as unknown as { __sadakatErrors: string[] }).__sadakatErrors);

      await page.goto(`${demo().url}/#sadakat-referral`);
      await expect.poll(errors, { timeout: 10_000 }).toEqual(['load_failed']);
      expect(warnings).toEqual([expect.stringMatching(/^\[sadakat\] could not load the referral view/)]);
      // The panel stays usable: its loading state in the view, the rest of the panel as it was.
      await panel(page).locator('[aria-busy="true"]').waitFor();
      expect(await panel(page).getByText('Davet bağlantın').count()).toBe(0);

      // Opening the view again loads what failed (the strings of the same, single language).
      failing = false;
      await page.keyboard.press('Escape');
      await page.evaluate(() => (window as unknown as { Sadakat: { open(view: string): void } }).Sadakat.open('referral'));
      await panel(page).getByLabel('Davet bağlantın', { exact: true }).waitFor();
      await panel(page).getByRole('img', { name: 'QR kod: telefonla okutunca davet bağlantın açılır' }).waitFor();
      expect(new Set(requested)).toEqual(new Set(['tr']));
      expect(await errors()).toEqual(['load_failed']);
      expect(warnings).toHaveLength(1);
      session.expectClean({ allowConsole: [/Failed to load resource|catalog-tr-referral/] });
    } finally {
      await session.close();
    }
  });
});
