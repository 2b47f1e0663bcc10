import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWS } from '../../src/widget/core/views';
import { axeViolations } from './support/axe';
import { launchBrowser, openSession } from './support/browser';
import { demo } from './support/demo';
import { launcherWithBalance, openView, serveFixture, widget, type SadakatGlobal } from './support/fixture';

// axe-core over every state of the widget, in both colour modes, in Turkish, English and Arabic
// (right-to-left), with the default tokens (the ones whose contrast the widget promises).
//
// The sweep is table-driven: every view in VIEWS (src/widget/core/views.ts) is opened for a
// signed-in shopper, so a view added there is swept without touching this file; states that need
// a setup of their own (guest, error, loading) are in STATES below.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Calls the page's `window.Sadakat` (the function is sent as source, so it must be self-contained). */
const sadakat = async (page: Page, call: (api: SadakatGlobal) => void): Promise<void> => {
  await page.evaluate(`(${call.toString()})(window.Sadakat)`);
};

/** A state the sweep visits after the views: how to get there, and what shows it is there. */
interface State {
  name: string;
  enter(page: Page, controls: { holdBoot(): void; failBoot(): void }): Promise<void>;
  shown: string;
}

const STATES: State[] = [
  {
    name: 'guest',
    enter: (page) =>
      sadakat(page, (api) => {
        api.logout();
        api.open('home');
      }),
    shown: `${widget.header} a[part~="button-primary"]`,
  },
  {
    name: 'error',
    enter: async (page, controls) => {
      controls.failBoot();
      await sadakat(page, (api) => api.refresh());
    },
    shown: '[part~="error"]',
  },
  {
    name: 'loading',
    enter: async (page, controls) => {
      controls.holdBoot();
      await sadakat(page, (api) => api.logout());
    },
    shown: '.skeleton',
  },
];

const MATRIX = (['light', 'dark'] as const).flatMap((scheme) => (['tr', 'en', 'ar'] as const).map((locale) => ({ scheme, locale })));

// The browser's own line for the error state's 503, provoked on purpose.
const refusedBoot = /Failed to load resource: the server responded with a status of 503/;

describe('axe-core finds no WCAG 2.2 AA violation', () => {
  it.each(MATRIX)('in every view and state, $scheme mode, $locale', async ({ scheme, locale }) => {
    const session = await openSession(browser, { colorScheme: scheme });
    const { page } = session;
    try {
      let mode: 'pass' | 'hold' | 'fail' = 'pass';
      await page.route('**/v1/boot?*', (route) => {
        if (mode === 'hold') return; // never answered: the loading state stays up
        if (mode === 'fail') return route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: 'down', requestId: 'r' } }) });
        return route.continue();
      });
      await page.goto(await serveFixture(page, `a11y-${scheme}-${locale}`, { shopper: 'ayse', locale, lang: locale }));
      await launcherWithBalance(page);
      const violations = await axeViolations(page, 'launcher');

      for (const view of VIEWS) {
        await openView(page, view);
        await page.locator(`sadakat-widget ${view === 'home' ? widget.balance : `${widget.header} button[aria-label]`}`).first().waitFor();
        violations.push(...(await axeViolations(page, view)));
      }
      for (const state of STATES) {
        await state.enter(page, { holdBoot: () => (mode = 'hold'), failBoot: () => (mode = 'fail') });
        await page.locator(`sadakat-widget ${state.shown}`).first().waitFor();
        violations.push(...(await axeViolations(page, state.name)));
      }
      expect(violations).toEqual([]);
      session.expectClean({ allowConsole: [refusedBoot] });
    } finally {
      await session.close();
    }
  });
});

describe('axe-core, beyond the default tokens', () => {
  it('sees inside the shadow root: a nameless button planted in the panel is reported', async () => {
    const session = await openSession(browser);
    const { page } = session;
    try {
      await page.goto(await serveFixture(page, 'a11y-canary', { shopper: 'ayse' }));
      await launcherWithBalance(page);
      await openView(page, 'home');
      await page.locator(`sadakat-widget ${widget.balance}`).waitFor();
      await page.evaluate(() => {
        const body = document.querySelector('sadakat-widget')?.shadowRoot?.querySelector('.body');
        body?.append(document.createElement('button'));
      });
      const violations = await axeViolations(page, 'canary');
      expect(violations.join('\n')).toMatch(/button-name/);
    } finally {
      await session.close();
    }
  });

  // One brand colour must give an accessible theme whatever it is: light, mid-grey, saturated.
  it.each([['#ffd400'], ['#777777'], ['#e11d48'], ['#1e3a8a'], ['#22c55e']])(
    'accent %s alone gives an AA theme, light and dark, signed in and as a guest',
    async (accent) => {
      const session = await openSession(browser);
      const { page } = session;
      try {
        await page.goto(await serveFixture(page, `a11y-accent-${accent.slice(1)}`, { shopper: 'ayse' }));
        await launcherWithBalance(page);
        const { shop } = demo();
        const violations: string[] = [];
        for (const guest of [false, true]) {
          if (guest) await sadakat(page, (api) => api.logout());
          for (const mode of ['light', 'dark'] as const) {
            await page.evaluate(({ key, api, theme }) => (window as unknown as { Sadakat: SadakatGlobal }).Sadakat.init({ shop: key, api, theme }), {
              key: shop.publishableKey,
              api: demo().url,
              theme: { mode, accent },
            });
            await openView(page, 'home');
            await page.locator(`sadakat-widget ${guest ? `${widget.header} a[part~="button-primary"]` : widget.balance}`).waitFor();
            // The theme really is applied: the header is filled with the accent.
            const filled = await page.locator(`sadakat-widget ${widget.header}`).evaluate((header, color) => {
              const probe = document.createElement('i');
              probe.style.color = color;
              document.body.append(probe);
              const expected = getComputedStyle(probe).color;
              probe.remove();
              return getComputedStyle(header).backgroundColor === expected;
            }, accent);
            expect(filled, `header filled with ${accent}`).toBe(true);
            violations.push(...(await axeViolations(page, `${guest ? 'guest' : 'home'} ${mode}`)));
          }
        }
        expect(violations).toEqual([]);
        session.expectClean();
      } finally {
        await session.close();
      }
    },
  );

  it.each(['light', 'dark'] as const)('the demo storefront’s own brand theme, %s mode', async (colorScheme) => {
    const session = await openSession(browser, { shopper: 'ayse', colorScheme });
    const { page } = session;
    try {
      await page.goto(`${demo().url}/`);
      await launcherWithBalance(page);
      await openView(page, 'home');
      await page.locator(`sadakat-widget ${widget.balance}`).waitFor();
      const violations = await axeViolations(page, 'storefront home');
      await sadakat(page, (api) => api.logout());
      await page.locator(`sadakat-widget ${widget.header} a[part~="button-primary"]`).waitFor();
      violations.push(...(await axeViolations(page, 'storefront guest')));
      expect(violations).toEqual([]);
      session.expectClean();
    } finally {
      await session.close();
    }
  });
});
