import type { Browser, FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession } from './support/browser';
import { demo } from './support/demo';
import { CALM_CSS, launcherWithBalance, openView, serveFixture, widget } from './support/fixture';

// The demo's theme playground (/tema) under the shop's strict CSP: tokens edited in the form reach
// the widget in the preview frame at once, and the CSS it prints, pasted into another page,
// styles the widget the same way.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * A computed style of an element in the widget's shadow root inside the preview frame. Colours are
 * read back as `rgb()` through a canvas (a relative colour computes to `color(xyz-d65 …)`).
 */
const previewStyle = (frame: FrameLocator, selector: string, property: string) =>
  frame.locator('sadakat-widget').evaluate((host, [inner, name]) => {
    const element = host.shadowRoot?.querySelector(inner as string);
    if (!element) return null;
    const value = getComputedStyle(element).getPropertyValue(name as string);
    if (!(name as string).endsWith('color')) return value;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d');
    if (!context) return value;
    context.fillStyle = value;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
    return `rgb(${r}, ${g}, ${b})`;
  }, [selector, property]);

async function eventually<T>(read: () => Promise<T>, expected: T): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if ((await read()) === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await read()).toBe(expected);
}

describe('the theme playground', () => {
  it('edits the tokens live, and the CSS it gives styles the widget the same way elsewhere', async () => {
    const session = await openSession(browser, { shopper: 'ayse' });
    const { page, context } = session;
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demo().url });
      await page.goto(`${demo().url}/tema`);
      const frame = page.frameLocator('iframe.tema-frame__iframe');
      await frame.locator(`sadakat-widget ${widget.balance}`).waitFor();
      // The widget's own defaults, not the shop's brand colours from its stylesheet.
      await eventually(() => previewStyle(frame, '.header', 'background-color'), 'rgb(11, 110, 79)');

      await page.locator('#tema-color-accent').fill('#6d28d9');
      await eventually(() => previewStyle(frame, '.header', 'background-color'), 'rgb(109, 40, 217)');
      // Its text switched to the readable one on purple, by itself.
      await eventually(() => previewStyle(frame, '.header', 'color'), 'rgb(255, 255, 255)');
      await page.locator('#tema-radius').fill('4');
      await eventually(() => previewStyle(frame, '.panel', 'border-top-left-radius'), '10px');
      await page.locator('#tema-color-surface').fill('#fff8e7');
      await eventually(() => previewStyle(frame, '.card', 'background-color'), 'rgb(255, 248, 231)');

      await page.locator('#tema-mode').selectOption('dark');
      await eventually(() => frame.locator('sadakat-widget').getAttribute('data-theme'), 'dark');
      await page.locator('#tema-locale').selectOption('en');
      await frame.locator(`sadakat-widget ${widget.balance}`, { hasText: '2,450 points' }).waitFor();

      const css = await page.locator('[data-output="css"]').textContent();
      expect(css).toBe(['sadakat-widget {', '  --sadakat-color-accent: #6d28d9;', '  --sadakat-color-surface: #fff8e7;', '  --sadakat-radius: 4px;', '}'].join('\n'));
      expect(await page.locator('[data-output="js"]').textContent()).toContain(`mode: "dark"`);
      await page.getByRole('button', { name: 'CSS’i kopyala' }).click();
      await page.getByRole('status').filter({ hasText: 'kopyalandı' }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(css);
      session.expectClean();

      // Pasted into another shop's stylesheet, the same CSS gives the same widget.
      const other = await openSession(browser, { shopper: 'ayse' });
      try {
        await other.page.goto(await serveFixture(other.page, 'playground-css', { shopper: 'ayse', css: `${CALM_CSS}\n${copied}` }));
        await launcherWithBalance(other.page);
        await openView(other.page, 'home');
        const styles = await other.page.locator('sadakat-widget').evaluate((host) => {
          const root = host.shadowRoot;
          const style = (selector: string) => getComputedStyle(root!.querySelector(selector)!);
          return [style('.header').backgroundColor, style('.panel').borderTopLeftRadius, style('.card').backgroundColor];
        });
        expect(styles).toEqual(['rgb(109, 40, 217)', '10px', 'rgb(255, 248, 231)']);
        other.expectClean();
      } finally {
        await other.close();
      }
    } finally {
      await session.close();
    }
  });

  it('a preset and a reset, on a phone-sized preview', async () => {
    const session = await openSession(browser);
    const { page } = session;
    try {
      await page.goto(`${demo().url}/tema`);
      const frame = page.frameLocator('iframe.tema-frame__iframe');
      await frame.locator(`sadakat-widget ${widget.header}`).waitFor();
      await page.getByRole('button', { name: 'Limon' }).click();
      // A light accent gets dark text on it, without being asked.
      await eventually(() => previewStyle(frame, '.header', 'background-color'), 'rgb(255, 212, 0)');
      await eventually(() => previewStyle(frame, '.header', 'color'), 'rgb(0, 0, 0)');
      await page.locator('#tema-device').selectOption('phone');
      await eventually(async () => (await page.locator('iframe.tema-frame__iframe').boundingBox())?.width, 375);
      await eventually(async () => (await frame.locator(`sadakat-widget ${widget.panel}`).boundingBox())?.width, 375);
      await page.getByRole('button', { name: 'Her şeyi sıfırla' }).click();
      await eventually(() => previewStyle(frame, '.header', 'background-color'), 'rgb(11, 110, 79)');
      expect(await page.locator('[data-output="css"]').textContent()).toMatch(/^\/\* Varsayılan tema/);
      session.expectClean();
    } finally {
      await session.close();
    }
  });
});
