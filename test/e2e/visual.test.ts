import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BootResponse } from '../../src/contract';
import { launchBrowser, openSession, type SessionOptions } from './support/browser';
import { CALM_CSS, launcherWithBalance, openView, serveFixture, widget, type FixtureOptions } from './support/fixture';
import { compareWithReference } from './support/pixels';

// Screenshots of the widget's key states, compared with the references committed in
// test/e2e/__screenshots__/ (how to update them: the README.md there). The shopper's numbers are
// frozen (the programme is the demo's own), so that other tests' orders never change a picture.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const DAY = 86_400_000;

/** The real boot answer with a fixed shopper snapshot: Gümüş, 2.450 points, three entries. */
async function freezeShopper(page: Page) {
  await page.route('**/v1/boot?*', async (route) => {
    const response = await route.fetch();
    const body = BootResponse.parse(await response.json());
    if (body.customer) {
      const tiers = [...body.programme.tiers].sort((a, b) => a.threshold - b.threshold);
      const [, current, next] = tiers;
      if (!current || !next) throw new Error('the demo programme has three tiers');
      const at = (days: number) => new Date(Date.now() - days * DAY).toISOString();
      body.customer = {
        ...body.customer,
        firstName: 'Ayşe',
        balance: 2450,
        lifetimeEarned: 3450,
        tier: { basis: 'points_earned', value: 3450, current: { id: current.id, name: current.name }, next: { id: next.id, name: next.name, remaining: 550 }, progress: 0.78 },
        recentActivity: [
          { id: 'v1', kind: 'order', delta: 725, reference: '1296', description: null, createdAt: at(41) },
          { id: 'v2', kind: 'redemption', delta: -1000, reference: '7QX4', description: null, createdAt: at(90) },
          { id: 'v3', kind: 'review', delta: 75, reference: null, description: null, createdAt: at(149) },
        ],
      };
    }
    await route.fulfill({ response, json: BootResponse.parse(body) });
  });
}

/** The part of the page the widget covers (panel and launcher), with room for their shadows. */
async function widgetClip(page: Page, open: boolean) {
  const boxes = await page.evaluate((selectors) => {
    const root = document.querySelector('sadakat-widget')?.shadowRoot;
    return selectors.map((selector) => root?.querySelector(selector)?.getBoundingClientRect().toJSON() as DOMRect | undefined);
  }, open ? ['.panel', '.launcher'] : ['.launcher']);
  const rects = boxes.filter((box): box is DOMRect => Boolean(box));
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  const margin = 24;
  const x = Math.max(0, Math.floor(Math.min(...rects.map((r) => r.x)) - margin));
  const y = Math.max(0, Math.floor(Math.min(...rects.map((r) => r.y)) - margin));
  const right = Math.min(viewport.width, Math.ceil(Math.max(...rects.map((r) => r.x + r.width)) + margin));
  const bottom = Math.min(viewport.height, Math.ceil(Math.max(...rects.map((r) => r.y + r.height)) + margin));
  return { x, y, width: right - x, height: bottom - y };
}

interface VisualState {
  name: string;
  fixture: FixtureOptions;
  session?: SessionOptions;
  /** Open the panel (on Home); otherwise the closed launcher. */
  open: boolean;
  /** Capture the whole viewport (the phone sheet). */
  fullViewport?: boolean;
}

const DESKTOP = { width: 900, height: 800 };

/** Tokens on :root, the way a shop's stylesheet sets them (and init({ theme }) would). */
const CUSTOM_THEME = `${CALM_CSS}
:root {
  --sadakat-color-accent: #6d28d9;
  --sadakat-color-surface: #fffdf8;
  --sadakat-color-border: #ece4d6;
  --sadakat-radius: 6px;
  --sadakat-font-family: "DejaVu Serif", serif;
  --sadakat-launcher-size: 52px;
}`;

const STATES: VisualState[] = [
  { name: 'default', fixture: { shopper: 'ayse' }, open: true },
  { name: 'launcher', fixture: { shopper: 'ayse' }, open: false },
  { name: 'guest', fixture: {}, open: true },
  { name: 'dark', fixture: { shopper: 'ayse', theme: 'dark' }, open: true },
  { name: 'custom-theme', fixture: { shopper: 'ayse', css: CUSTOM_THEME }, open: true },
  { name: 'rtl', fixture: { shopper: 'ayse', locale: 'ar', lang: 'ar' }, open: true },
  { name: 'mobile', fixture: { shopper: 'ayse' }, session: { viewport: { width: 375, height: 812 }, mobile: true }, open: true, fullViewport: true },
];

describe('the widget looks as it should', () => {
  it.each(STATES)('$name', async (state) => {
    const session = await openSession(browser, { viewport: DESKTOP, ...state.session });
    const { page } = session;
    try {
      await freezeShopper(page);
      // An empty page: nothing of the page's own shows through around the widget.
      await page.goto(await serveFixture(page, `visual-${state.name}`, { body: '<main></main>', ...state.fixture }));
      if (state.fixture.shopper) await launcherWithBalance(page);
      else await page.locator(`sadakat-widget ${widget.launcher}`).waitFor();
      if (state.open) {
        await openView(page, 'home');
        await page.locator(`sadakat-widget ${state.fixture.shopper ? widget.balance : `${widget.header} a`}`).first().waitFor();
      } else {
        // The badge comes with the panel's code (loaded on idle); wait for it like a shopper would.
        await page.locator(`sadakat-widget [part~="launcher-badge"]:not([hidden])`).waitFor();
      }
      await page.mouse.move(0, 0);
      await page.evaluate(() => document.fonts.ready);
      const png = await page.screenshot(state.fullViewport ? {} : { clip: await widgetClip(page, state.open) });
      const result = compareWithReference(state.name, png);
      expect(result.ok, result.message).toBe(true);
      session.expectClean();
    } finally {
      await session.close();
    }
  });
});
