import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWS } from '../../src/widget/core/views';
import { launchBrowser, openSession } from './support/browser';
import { launcherWithBalance, serveFixture, widget } from './support/fixture';

// The widget with a keyboard only: from the page to the launcher, into the panel, around it (Tab
// stays inside), into every view and back, and out again with Escape, checking on every stop that
// the focus is visible and the target big enough.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** What has the focus, looked up through shadow roots. */
interface Stop {
  key: string;
  label: string;
  inDialog: boolean;
  isLauncher: boolean;
  isTitle: boolean;
  isRegion: boolean;
  /** The view a link on Home opens (`data-view`). */
  opens: string | null;
  width: number;
  height: number;
  /** A focus indicator is drawn: an outline of 2px or more, or a box shadow. */
  ringVisible: boolean;
  dialogOpen: boolean;
}

function focused(page: Page): Promise<Stop> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    const el = element as HTMLElement;
    const root = el.getRootNode() as ShadowRoot | Document;
    const dialog = root.querySelector('dialog');
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const path: string[] = [];
    for (let node: Element | null = el; node && node.nodeType === 1; node = node.parentElement) {
      path.unshift(`${node.tagName.toLowerCase()}:${[...(node.parentElement?.children ?? [])].indexOf(node)}`);
    }
    return {
      key: path.join('/'),
      label: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60),
      inDialog: Boolean(dialog?.contains(el)),
      isLauncher: el.getAttribute('part') === 'launcher',
      isTitle: el.id === 'sadakat-title',
      isRegion: el.getAttribute('role') === 'region',
      opens: el.getAttribute('data-view'),
      width: rect.width,
      height: rect.height,
      ringVisible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
      dialogOpen: Boolean(dialog?.open),
    };
  });
}

/** Waits (briefly) until the focus is where `wanted` says; the caller then asserts it. */
async function focusSettles(page: Page, wanted: (stop: Stop) => boolean): Promise<void> {
  for (let attempt = 0; attempt < 20 && !wanted(await focused(page)); attempt++) await page.waitForTimeout(50);
}

async function tabUntil(page: Page, wanted: (stop: Stop) => boolean, limit = 40, key = 'Tab'): Promise<Stop> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const stop = await focused(page);
    if (wanted(stop)) return stop;
  }
  throw new Error(`no such focus stop within ${limit} presses of ${key}`);
}

/** Every focusable stop of the open panel, in Tab order, starting after the current focus. */
async function walkPanel(page: Page, where: string): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const stop = await focused(page);
    if (stops.some((seen) => seen.key === stop.key)) return stops;
    expect(stop.inDialog, `${where}: Tab left the dialog at "${stop.label}"`).toBe(true);
    expect(stop.ringVisible, `${where}: no visible focus on "${stop.label}"`).toBe(true);
    if (!stop.isRegion) {
      expect(stop.width, `${where}: "${stop.label}" narrower than 24px`).toBeGreaterThanOrEqual(24);
      expect(stop.height, `${where}: "${stop.label}" lower than 24px`).toBeGreaterThanOrEqual(24);
    }
    stops.push(stop);
  }
  throw new Error(`${where}: Tab never came back round`);
}

describe('keyboard only', () => {
  it('a signed-in shopper: launcher, panel, every view and back, Escape', async () => {
    const session = await openSession(browser);
    const { page } = session;
    try {
      await page.goto(await serveFixture(page, 'keyboard-customer', { shopper: 'ayse' }));
      await launcherWithBalance(page);

      // From the top of the page to the launcher, past the page's own links and button.
      const launcher = await tabUntil(page, (stop) => stop.isLauncher);
      expect(launcher.ringVisible).toBe(true);
      expect(Math.min(launcher.width, launcher.height)).toBeGreaterThanOrEqual(44);
      expect(launcher.label).toMatch(/Ödül programı: 2\.450 puan/);

      await page.keyboard.press('Enter');
      await page.locator(`sadakat-widget ${widget.balance}`).waitFor();
      expect(await focused(page)).toMatchObject({ isTitle: true, dialogOpen: true });

      // Round the panel: every stop visible and big enough, and Tab wraps inside the dialog.
      const home = await walkPanel(page, 'home');
      expect(home.length).toBeGreaterThanOrEqual(6);
      expect((await focused(page)).key).toBe(home[0]?.key);
      await page.keyboard.press('Shift+Tab');
      expect((await focused(page)).key).toBe(home[home.length - 1]?.key);

      // Every view: through its link on Home where there is one, else by its deep link.
      for (const view of VIEWS.filter((name) => name !== 'home')) {
        if (home.some((stop) => stop.opens === view)) {
          await tabUntil(page, (stop) => stop.opens === view);
          await page.keyboard.press('Enter');
        } else {
          await page.evaluate((name) => (window as unknown as { Sadakat: { open(v: string): void } }).Sadakat.open(name), view);
        }
        await page.locator(`sadakat-widget ${widget.header} button[aria-label="Geri"]`).waitFor();
        await focusSettles(page, (stop) => stop.isTitle);
        expect(await focused(page), `${view}: focus on the view's title`).toMatchObject({ isTitle: true });
        const stops = await walkPanel(page, view);
        expect(stops.length).toBeGreaterThanOrEqual(2);
        // Back to Home with the keyboard.
        await tabUntil(page, (stop) => stop.label === 'Geri');
        await page.keyboard.press('Enter');
        await page.locator(`sadakat-widget ${widget.balance}`).waitFor();
        await focusSettles(page, (stop) => stop.isTitle);
        expect(await focused(page), `${view}: back on Home's title`).toMatchObject({ isTitle: true });
      }

      await page.keyboard.press('Escape');
      await page.locator(`sadakat-widget ${widget.panel}`).waitFor({ state: 'hidden' });
      expect(await focused(page)).toMatchObject({ isLauncher: true, dialogOpen: false });
      session.expectClean();
    } finally {
      await session.close();
    }
  });

  it('a guest: the way in is reachable, then Escape returns to the launcher', async () => {
    const session = await openSession(browser);
    const { page } = session;
    try {
      await page.goto(await serveFixture(page, 'keyboard-guest', {}));
      await page.locator(`sadakat-widget ${widget.launcher}`).waitFor();
      await tabUntil(page, (stop) => stop.isLauncher);
      await page.keyboard.press('Enter');
      await page.locator(`sadakat-widget ${widget.header} a[part~="button-primary"]`).waitFor();
      const stops = await walkPanel(page, 'guest');
      expect(stops.map((stop) => stop.label)).toEqual(expect.arrayContaining(['Kapat', 'Hemen üye ol', 'Giriş yap']));
      // The content has no control of its own, so its scroll area takes focus (arrow keys scroll it).
      expect(stops.some((stop) => stop.isRegion)).toBe(true);
      await page.keyboard.press('Escape');
      expect(await focused(page)).toMatchObject({ isLauncher: true, dialogOpen: false });
      session.expectClean();
    } finally {
      await session.close();
    }
  });
});
