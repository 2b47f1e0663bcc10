import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession } from './support/browser';
import { demo } from './support/demo';
import { launcherWithBalance, openView, widget } from './support/fixture';

// A phone, 375×812: below 480px the panel is a full-height sheet that keeps clear of the safe
// areas, and the page behind it does not scroll while it is open. The widget does that without
// touching the page's styles: the dialog is a scroll container with `overscroll-behavior: contain`
// (and so is the panel's body), so a wheel or a swipe anywhere on the sheet is never handed on to
// the page. Checked here with real wheel events and real touch swipes (DevTools touch input).

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PHONE = { width: 375, height: 812 };

/** A finger swipe upwards (content scrolls down) from (x, y) by `distance` pixels. */
async function swipeUp(page: Page, cdp: CDPSession, x: number, y: number, distance: number) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let step = 1; step <= 8; step++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - (distance * step) / 8 }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  // Let any fling settle.
  await page.waitForTimeout(400);
}

const scrolls = (page: Page) =>
  page.evaluate(() => ({
    page: window.scrollY,
    body: document.querySelector('sadakat-widget')?.shadowRoot?.querySelector('.body')?.scrollTop ?? -1,
  }));

describe('on a phone', () => {
  it('the panel is a full-height sheet, and the page behind does not scroll while it is open', async () => {
    const session = await openSession(browser, { shopper: 'ayse', viewport: PHONE, mobile: true });
    const { page } = session;
    try {
      await page.goto(`${demo().url}/`);
      await launcherWithBalance(page);
      const pageStyleBefore = await page.evaluate(() => [document.documentElement.getAttribute('style'), document.body.getAttribute('style'), getComputedStyle(document.documentElement).overflow, getComputedStyle(document.body).overflow]);
      await openView(page, 'home');
      await page.locator(`sadakat-widget ${widget.balance}`).waitFor();

      const sheet = await page.locator(`sadakat-widget ${widget.panel}`).boundingBox();
      expect(sheet).toEqual({ x: 0, y: 0, width: PHONE.width, height: PHONE.height });

      const cdp = await page.context().newCDPSession(page);
      // Over the header (nothing to scroll there): neither a wheel nor a swipe reaches the page.
      await page.mouse.move(180, 60);
      await page.mouse.wheel(0, 1500);
      await page.waitForTimeout(300);
      await swipeUp(page, cdp, 180, 120, 300);
      expect((await scrolls(page)).page).toBe(0);

      // Over the cards: the panel's body scrolls, to its end and beyond, and the page still does not.
      await swipeUp(page, cdp, 180, 700, 400);
      expect((await scrolls(page)).body).toBeGreaterThan(0);
      for (let i = 0; i < 2; i++) await swipeUp(page, cdp, 180, 780, 700);
      await page.mouse.move(180, 600);
      await page.mouse.wheel(0, 4000);
      await page.waitForTimeout(300);
      expect((await scrolls(page)).page).toBe(0);

      // None of it by changing the page's own styles.
      expect(await page.evaluate(() => [document.documentElement.getAttribute('style'), document.body.getAttribute('style'), getComputedStyle(document.documentElement).overflow, getComputedStyle(document.body).overflow])).toEqual(pageStyleBefore);

      // Closed again, the page scrolls as before.
      await page.locator(`sadakat-widget ${widget.header} [part~="close-button"]`).click();
      await page.locator(`sadakat-widget ${widget.panel}`).waitFor({ state: 'hidden' });
      await swipeUp(page, cdp, 180, 500, 300);
      expect((await scrolls(page)).page).toBeGreaterThan(0);
      session.expectClean();
    } finally {
      await session.close();
    }
  });

  it('keeps the header and the content clear of a notch and the home indicator (safe-area insets)', async () => {
    const session = await openSession(browser, { shopper: 'ayse', viewport: PHONE, mobile: true });
    const { page } = session;
    try {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets: { top: 47, bottom: 34, left: 0, right: 0 } });
      await page.goto(`${demo().url}/`);
      await launcherWithBalance(page);
      const launcher = await page.locator(`sadakat-widget ${widget.launcher}`).boundingBox();
      // 20px above the home indicator's 34px.
      expect(PHONE.height - ((launcher?.y ?? 0) + (launcher?.height ?? 0))).toBe(54);
      await openView(page, 'home');
      await page.locator(`sadakat-widget ${widget.balance}`).waitFor();
      const padding = await page.evaluate(() => {
        const root = document.querySelector('sadakat-widget')?.shadowRoot;
        const style = (selector: string) => getComputedStyle(root!.querySelector(selector)!);
        return { header: style('.header').paddingBlockStart, body: style('.body').paddingBlockEnd };
      });
      expect(padding).toEqual({ header: `${8 + 47}px`, body: `${16 + 34}px` });
      session.expectClean();
    } finally {
      await session.close();
    }
  });
});
