import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession, type SessionOptions } from './support/browser';
import { demo } from './support/demo';
import { CALM_CSS, launcherWithBalance, openView, serveFixture, widget, type FixtureOptions } from './support/fixture';

// The theming contract in real Chromium: a token means the same wherever it is set, the font is
// the page's unless a token says otherwise, the colour mode follows the system or the option, and
// motion follows the duration token, down to zero under reduced motion.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Computed styles of the open panel's parts. */
async function panelLook(page: Page) {
  return page.locator('sadakat-widget').evaluate((host) => {
    const root = host.shadowRoot!;
    const style = (selector: string) => getComputedStyle(root.querySelector(selector)!);
    return {
      headerBackground: style('.header').backgroundColor,
      headerText: style('.header').color,
      panelRadius: style('.panel').borderTopLeftRadius,
      panelFont: style('.panel').fontFamily,
      cardBackground: style('.card').backgroundColor,
      launcherZ: style('.launcher').zIndex,
      launcherTransition: style('.launcher').transitionDuration,
    };
  });
}

async function openPanelOn(fixture: FixtureOptions, session: SessionOptions = {}, before?: (page: Page) => Promise<void>) {
  const opened = await openSession(browser, session);
  const { page } = opened;
  await page.goto(await serveFixture(page, `theming-${Math.random().toString(36).slice(2)}`, { shopper: 'ayse', ...fixture }));
  await launcherWithBalance(page);
  await before?.(page);
  await openView(page, 'home');
  await page.locator(`sadakat-widget ${widget.balance}`).waitFor();
  return opened;
}

const TOKENS = '--sadakat-color-accent: #b45309; --sadakat-radius: 3px; --sadakat-font-family: "DejaVu Serif", serif;';

describe('theming in the browser', () => {
  it('a token set on :root, on sadakat-widget, or through init({ theme }) gives the same widget', async () => {
    const looks = [];
    for (const where of [':root', 'sadakat-widget', 'init'] as const) {
      const css = where === 'init' ? CALM_CSS : `${CALM_CSS}\n${where} { ${TOKENS} }`;
      const session = await openPanelOn({ css }, {}, async (page) => {
        if (where !== 'init') return;
        await page.evaluate(
          ({ shop, api }) =>
            (window as unknown as { Sadakat: { init(o: object): void } }).Sadakat.init({
              shop,
              api,
              theme: { accent: '#b45309', radius: '3px', fontFamily: '"DejaVu Serif", serif' },
            }),
          { shop: demo().shop.publishableKey, api: demo().url },
        );
      });
      try {
        looks.push(await panelLook(session.page));
        session.expectClean();
      } finally {
        await session.close();
      }
    }
    expect(looks[0]).toMatchObject({ headerBackground: 'rgb(180, 83, 9)', panelRadius: '9px', panelFont: '"DejaVu Serif", serif' });
    expect(looks[1]).toEqual(looks[0]);
    expect(looks[2]).toEqual(looks[0]);
  });

  it('inherits the page’s font when no token sets one; defaults: accent, radius, z-index, 180ms', async () => {
    const session = await openPanelOn({ css: `${CALM_CSS}\nbody { font-family: "Liberation Serif", serif; }` }, { reducedMotion: 'no-preference' });
    try {
      const look = await panelLook(session.page);
      expect(look).toMatchObject({ headerBackground: 'rgb(11, 110, 79)', panelRadius: '20px', panelFont: '"Liberation Serif", serif', launcherZ: '2147480000' });
      expect(look.launcherTransition.split(', ')).toEqual(['0.18s', '0.18s']);
      session.expectClean();
    } finally {
      await session.close();
    }
  });

  it('motion follows --sadakat-duration, and is zero under prefers-reduced-motion whatever the token says', async () => {
    const css = `${CALM_CSS}\n:root { --sadakat-duration: 400ms; }`;
    const moving = await openPanelOn({ css }, { reducedMotion: 'no-preference' });
    const still = await openPanelOn({ css });
    try {
      expect((await panelLook(moving.page)).launcherTransition).toBe('0.4s, 0.4s');
      expect((await panelLook(still.page)).launcherTransition).toBe('0s, 0s');
      const animations = await still.page.locator('sadakat-widget').evaluate((host) =>
        [...host.shadowRoot!.querySelectorAll('*')].map((element) => getComputedStyle(element).animationDuration).filter((value) => value !== '0s'),
      );
      expect(animations).toEqual([]);
    } finally {
      await moving.close();
      await still.close();
    }
  });

  it('colour mode: auto follows the system, light and dark pin it', async () => {
    const session = await openPanelOn({});
    const { page } = session;
    const mode = (theme: string) =>
      page.evaluate(
        ({ shop, api, value }) => (window as unknown as { Sadakat: { init(o: object): void } }).Sadakat.init({ shop, api, theme: value }),
        { shop: demo().shop.publishableKey, api: demo().url, value: theme },
      );
    const surface = async () => (await panelLook(page)).cardBackground;
    try {
      const surfaces: Record<string, string> = {};
      surfaces['auto, light system'] = await surface();
      await page.emulateMedia({ colorScheme: 'dark' });
      surfaces['auto, dark system'] = await surface();
      await mode('light');
      surfaces['pinned light, dark system'] = await surface();
      await page.emulateMedia({ colorScheme: 'light' });
      await mode('dark');
      surfaces['pinned dark, light system'] = await surface();
      expect(surfaces).toEqual({
        'auto, light system': 'rgb(255, 255, 255)',
        'auto, dark system': 'rgb(24, 25, 29)',
        'pinned light, dark system': 'rgb(255, 255, 255)',
        'pinned dark, light system': 'rgb(24, 25, 29)',
      });
      session.expectClean();
    } finally {
      await session.close();
    }
  });
});
