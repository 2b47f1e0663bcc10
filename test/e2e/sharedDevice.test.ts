import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession } from './support/browser';
import { demo, topUp } from './support/demo';
import { widget } from './support/fixture';

// T19, the shared device, in Chromium on the demo's single-page app (one tab, no page load):
// Ayşe redeems a reward and looks at her history, then signs out (`logout()`) or another shopper
// signs in (`identify()`). Nothing of hers may stay: not in the widget's memory (what the panel
// can still show), not in the tab's storage (the boot payload copy), not on screen.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const launcher = (page: Page) => page.locator(`sadakat-widget ${widget.launcher}`);
const panel = (page: Page) => page.locator(`sadakat-widget ${widget.panel}`);

/** Every text and form value in the widget's shadow root, and everything in the tab's storage. */
const traces = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('sadakat-widget')?.shadowRoot;
    const values = [...(root?.querySelectorAll('input, textarea') ?? [])].map((field) => (field as HTMLInputElement).value);
    return {
      screen: `${root?.textContent ?? ''} ${values.join(' ')}`,
      sessionKeys: Object.keys(sessionStorage),
      storage: JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }),
    };
  });

async function signIn(page: Page, shopper: string) {
  await page.locator('#spa-shopper').selectOption(shopper);
  await page.locator('#spa-sign-in').click();
}

/** Opens a panel view through its deep link, the way a shop's link would. */
async function openView(page: Page, view: string) {
  await page.evaluate((hash) => (location.hash = hash), `#sadakat-${view}`);
  await panel(page).waitFor({ state: 'visible' });
}

async function closePanel(page: Page) {
  await page.keyboard.press('Escape');
  await panel(page).waitFor({ state: 'hidden' });
  await page.evaluate(() => history.replaceState(null, '', location.pathname));
}

/** Ayşe signs in, redeems ₺50 off and opens her history: returns the code and her history's lines. */
async function ayseLeavesTraces(page: Page) {
  await topUp('ayse', 1000);
  await page.goto(`${demo().url}/spa/hesap`);
  await launcher(page).waitFor();
  await signIn(page, 'ayse');
  await launcher(page).filter({ hasText: /\d/ }).waitFor();
  await page.waitForFunction(() => Object.keys(sessionStorage).some((key) => key.includes('.boot.c.ayse.')));

  await openView(page, 'rewards');
  await panel(page).getByRole('button', { name: 'Puanla al: 50 ₺ indirim' }).click();
  await panel(page).getByRole('button', { name: 'Evet, puanla al' }).click();
  const code = await panel(page).locator('#sadakat-issued-code').inputValue();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await closePanel(page);

  await openView(page, 'activity');
  const items = panel(page).locator('.activity-item');
  await items.first().waitFor();
  const history = await items.allTextContents();
  expect(history.length).toBeGreaterThan(0);
  await closePanel(page);
  return { code, history };
}

describe('a shared device (T19)', () => {
  it('logout(): the next person sees a guest widget, and nothing of Ayşe is left in memory, storage or on screen', async () => {
    const session = await openSession(browser);
    const { page } = session;
    try {
      const { code } = await ayseLeavesTraces(page);

      await page.locator('#spa-sign-out').click();
      await expect.poll(() => launcher(page).textContent()).not.toMatch(/\d/);
      const left = await traces(page);
      expect(left.sessionKeys.filter((key) => key.includes('.c.ayse'))).toEqual([]);
      expect(left.storage).not.toContain(code);

      // What the panel can still show: the rewards view (where her code was) and the history.
      await openView(page, 'rewards');
      await panel(page).getByRole('heading', { name: 'Ödül kataloğu' }).waitFor();
      expect((await traces(page)).screen).not.toContain(code);
      await closePanel(page);
      await openView(page, 'activity');
      expect(await panel(page).locator('.activity-item').count()).toBe(0);
      expect((await traces(page)).screen).not.toContain(code);
      session.expectClean();
    } finally {
      await session.close();
    }
  });

  it('a change of customer (identify()): Mehmet never sees Ayşe’s code, history or cached payload, not even for a moment', async () => {
    const session = await openSession(browser);
    const { page } = session;
    try {
      const { code, history } = await ayseLeavesTraces(page);

      // Mehmet's history call is held, so that whatever the panel shows meanwhile can be read.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(
        (url) => url.pathname === '/v1/activity',
        async (route) => {
          await held;
          await route.continue();
        },
      );
      await signIn(page, 'mehmet');
      await page.waitForFunction(() => Object.keys(sessionStorage).some((key) => key.includes('.boot.c.mehmet.')));
      const switched = await traces(page);
      expect(switched.sessionKeys.filter((key) => key.includes('.c.ayse'))).toEqual([]);
      expect(switched.storage).not.toContain(code);

      await openView(page, 'rewards');
      await panel(page).getByRole('heading', { name: 'Ödül kataloğu' }).waitFor();
      expect((await traces(page)).screen).not.toContain(code);
      await closePanel(page);

      await openView(page, 'activity');
      await page.waitForTimeout(200);
      expect(await panel(page).locator('.activity-item').allTextContents()).toEqual([]);
      release();
      await panel(page).locator('.activity-item').first().waitFor();
      const his = await panel(page).locator('.activity-item').allTextContents();
      expect(his).not.toEqual(history);
      expect((await traces(page)).screen).not.toContain(code);
      session.expectClean();
    } finally {
      await session.close();
    }
  });
});
