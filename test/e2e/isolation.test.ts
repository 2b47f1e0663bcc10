import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession } from './support/browser';
import { demo } from './support/demo';
import { launcherWithBalance, openView, serveFixture, SHOP_BODY, widget } from './support/fixture';

// Isolation both ways, in real Chromium: a page with aggressive CSS does not change the widget,
// and the widget changes nothing on the page outside its own host element.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** CSS a careless or hostile storefront might ship. Later rules re-style the overlays after the reset. */
const HOSTILE_CSS = `
* { all: unset; }
html { direction: rtl; font-size: 40px; line-height: 5; letter-spacing: 4px; word-spacing: 20px; text-transform: uppercase;
  color: red; cursor: wait; font-style: italic; text-shadow: 0 0 2px red; color-scheme: dark; writing-mode: horizontal-tb; }
button { display: none; }
div { font-size: 2px !important; }
* { --_accent: red; --_surface: black; --_s4: 99px; --_radius: 0; --_duration: 5s; }
sadakat-widget { font-size: 50px; line-height: 9; color: lime; letter-spacing: 1em; }
.overlay { display: block; position: fixed; inset: 0; z-index: 999999; background: rgb(255 0 0 / .08); }
.overlay-max { display: block; position: fixed; top: 120px; right: 0; width: 440px; height: 320px; z-index: 2147483647; background: rgb(0 0 255 / .08); }
`;

const OVERLAYS = `<div class="overlay"></div><div class="overlay-max"></div>`;

/** Every element in the widget's shadow root: its box and every computed property. */
function widgetSnapshot(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('sadakat-widget')?.shadowRoot;
    if (!root) throw new Error('no widget');
    return [...root.querySelectorAll('*')].map((element) => {
      const style = getComputedStyle(element);
      const rect = element.getBoundingClientRect();
      const properties: Record<string, string> = {};
      for (const name of style) properties[name] = style.getPropertyValue(name);
      return {
        element: `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}`,
        box: [rect.x, rect.y, rect.width, rect.height].map((n) => Math.round(n * 2) / 2),
        properties,
      };
    });
  });
}

type Snapshot = Awaited<ReturnType<typeof widgetSnapshot>>;

/** The differences between two snapshots of the same elements, one line each. */
function differences(expected: Snapshot, actual: Snapshot): string[] {
  const lines: string[] = [];
  if (expected.length !== actual.length) lines.push(`element count ${expected.length} → ${actual.length}`);
  expected.forEach((before, index) => {
    const after = actual[index];
    if (!after) return;
    if (before.element !== after.element) lines.push(`#${index}: ${before.element} → ${after.element}`);
    if (before.box.join() !== after.box.join()) lines.push(`${before.element}: box ${before.box.join()} → ${after.box.join()}`);
    for (const [name, value] of Object.entries(before.properties)) {
      if (after.properties[name] !== value) lines.push(`${before.element}: ${name} ${value} → ${after.properties[name]}`);
    }
  });
  return lines;
}

/** The topmost element at the centre of a widget part, as the page sees it (the host, if the widget is on top). */
function topmostAt(page: Page, part: string) {
  return page.evaluate((selector) => {
    const target = document.querySelector('sadakat-widget')?.shadowRoot?.querySelector(selector);
    if (!target) throw new Error(`no ${selector}`);
    const rect = target.getBoundingClientRect();
    return document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2)?.tagName.toLowerCase();
  }, part);
}

describe('a hostile host page does not change the widget', () => {
  it('same computed styles and boxes for every element of the widget, closed and open; on top of huge z-indexes', async () => {
    const snapshots: Record<string, { closed: Snapshot; open: Snapshot }> = {};
    for (const variant of ['calm', 'hostile'] as const) {
      const session = await openSession(browser);
      const { page } = session;
      try {
        const url = await serveFixture(page, `isolation-${variant}`, {
          shopper: 'ayse',
          css: variant === 'hostile' ? HOSTILE_CSS : '',
          body: SHOP_BODY + OVERLAYS,
        });
        await page.goto(url);
        await launcherWithBalance(page);
        // The panel's code is loaded (it would be, on idle) so both snapshots hold the same elements.
        await openView(page, 'home');
        await page.locator(`sadakat-widget ${widget.balance}`).waitFor();
        const open = await widgetSnapshot(page);
        if (variant === 'hostile') expect(await topmostAt(page, '.panel')).toBe('sadakat-widget');
        await page.keyboard.press('Escape');
        await page.locator(`sadakat-widget ${widget.panel}`).waitFor({ state: 'hidden' });
        await page.mouse.move(0, 0);
        const closed = await widgetSnapshot(page);
        if (variant === 'hostile') {
          // Above the page's z-index 999999 overlay (the launcher's own z-index is 2147480000).
          expect(await topmostAt(page, '.launcher')).toBe('sadakat-widget');
          // The page really is hostile: its own button is gone, its direction flipped.
          expect(await page.evaluate(() => getComputedStyle(document.querySelector('main button')!).display)).toBe('none');
          expect(await page.evaluate(() => getComputedStyle(document.documentElement).direction)).toBe('rtl');
        }
        snapshots[variant] = { closed, open };
        session.expectClean();
      } finally {
        await session.close();
      }
    }
    const { calm, hostile } = snapshots;
    if (!calm || !hostile) throw new Error('both variants must have run');
    expect(calm.open.length).toBeGreaterThan(40);
    expect(differences(calm.closed, hostile.closed)).toEqual([]);
    expect(differences(calm.open, hostile.open)).toEqual([]);
  });
});

/**
 * The page itself, outside the widget's host: the document's own state, and every element's box
 * and computed style (as one string per element, to keep a 500-element page quick to compare).
 */
function pageSnapshot(page: Page) {
  return page.evaluate(() => {
    const elements = [...document.querySelectorAll('*')].filter((element) => !element.closest('sadakat-widget'));
    const names = [...getComputedStyle(document.documentElement)];
    const state = {
      htmlAttributes: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`).join(' '),
      bodyAttributes: [...document.body.attributes].map((a) => `${a.name}=${a.value}`).join(' '),
      headChildren: document.head.children.length,
      styleSheets: document.styleSheets.length,
      adoptedStyleSheets: document.adoptedStyleSheets.length,
      scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight, window.scrollX, window.scrollY].join(),
      bodyChildren: [...document.body.children].map((child) => child.tagName.toLowerCase()).join(),
      globals: Object.keys(window).sort().join(),
    };
    const snapshot = elements.map((element) => {
      const style = getComputedStyle(element);
      const rect = element.getBoundingClientRect();
      let values = `box ${[rect.x, rect.y, rect.width, rect.height].map((n) => Math.round(n * 2) / 2).join()}`;
      for (const name of names) values += `\n${name}: ${style.getPropertyValue(name)}`;
      return `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}\n${values}`;
    });
    return { state, snapshot };
  });
}

/** Lines that differ between two page snapshots. */
function pageDifferences(expected: string[], actual: string[]): string[] {
  const lines: string[] = [];
  if (expected.length !== actual.length) lines.push(`element count ${expected.length} → ${actual.length}`);
  expected.forEach((before, index) => {
    const after = actual[index];
    if (after === undefined || after === before) return;
    const [name, ...was] = before.split('\n');
    const now = after.split('\n');
    was.forEach((line, i) => {
      if (now[i + 1] !== line) lines.push(`${name}: ${line} → ${now[i + 1]}`);
    });
  });
  return lines;
}

describe('the widget changes nothing outside its host element', () => {
  it('the demo storefront’s every element, the document and its globals: same with and without the widget, panel closed or open', async () => {
    const runs: Record<string, Awaited<ReturnType<typeof pageSnapshot>>> = {};
    for (const variant of ['without', 'with'] as const) {
      const session = await openSession(browser, { shopper: 'ayse' });
      const { page } = session;
      try {
        // Without: the same page and script tag, but the script is empty (so the markup is identical).
        if (variant === 'without') await page.route('**/sadakat/sadakat.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
        await page.goto(`${demo().url}/`, { waitUntil: 'networkidle' });
        if (variant === 'without') {
          runs.without = await pageSnapshot(page);
        } else {
          await launcherWithBalance(page);
          runs.closed = await pageSnapshot(page);
          await openView(page, 'home');
          await page.locator(`sadakat-widget ${widget.balance}`).waitFor();
          runs.open = await pageSnapshot(page);
        }
        session.expectClean();
      } finally {
        await session.close();
      }
    }
    const { without, closed, open } = runs;
    if (!without || !closed || !open) throw new Error('all variants must have run');
    expect(without.snapshot.length).toBeGreaterThan(100);
    for (const [label, run] of [['closed', closed], ['open', open]] as const) {
      // One element more in the body (the host) and one global (window.Sadakat); nothing else.
      expect(run.state, label).toEqual({
        ...without.state,
        bodyChildren: `${without.state.bodyChildren},sadakat-widget`,
        // zod's own global config is rewritten into a module-local object by the build
        // (scripts/hostSafeLibraries.ts), so no dependency global is tolerated either.
        globals: [...without.state.globals.split(','), 'Sadakat'].sort().join(),
      });
      expect(pageDifferences(without.snapshot, run.snapshot), label).toEqual([]);
    }
  });
});
