import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintCustomerToken } from '../../src/server/index';
import { launchBrowser, openSession, type Session } from './support/browser';
import { demo } from './support/demo';
import { widget } from './support/fixture';
import { hostProbe, QUEUE_STUB, receivedByHost, serveHostPage, widgetTag } from './support/hostPages';

// Reliability case T14 (and the shopper-name half of T34) in real Chromium, under the strict CSP
// with Trusted Types: merchant and shopper text full of markup arrives from the API and is shown
// as text — nothing runs, no element is created from it, long text wraps inside the panel, bidi
// overrides stay inside their own text, and links the contract cannot vouch for never render.

const PAYLOADS = [
  '<img src=x onerror="window.__pwned()">',
  '</style><script>window.__pwned()</script>',
  '<svg onload="window.__pwned()"><a href="javascript:window.__pwned()">x</a></svg>',
  '\u202Eevil\u202C "><iframe srcdoc="<script>parent.__pwned()</script>">',
  '{{constructor.constructor("window.__pwned()")()}} ${window.__pwned()}',
];
const UNBROKEN = 'W'.repeat(500);
const TEXT_KEYS = new Set(['name', 'description', 'label', 'prompt', 'lowLabel', 'highLabel', 'title', 'body']);

/** Every display text in the boot payload replaced with a hostile one (cycling), ids untouched. */
function hostile(value: unknown, counter = { n: 0 }): unknown {
  if (Array.isArray(value)) return value.map((item) => hostile(item, counter));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = TEXT_KEYS.has(key) && typeof item === 'string' ? (counter.n++ % 6 === 5 ? UNBROKEN : PAYLOADS[counter.n % PAYLOADS.length]) : hostile(item, counter);
  }
  return out;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function withHostileContent(rewrite: (boot: Record<string, unknown>) => unknown, name: string, test: (session: Session, page: Page) => Promise<void>) {
  const session = await openSession(browser);
  await session.context.addInitScript(hostProbe);
  await session.context.addInitScript(() => {
    (window as unknown as { __pwned(): void }).__pwned = () => {
      document.title = 'pwned';
    };
  });
  const { page } = session;
  await page.route(
    (url) => url.pathname === '/v1/boot',
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: JSON.stringify(rewrite((await response.json()) as Record<string, unknown>)) });
    },
  );
  const { url, shop, shoppers } = demo();
  const ayse = shoppers.find((shopper) => shopper.id === 'ayse')!;
  const token = await mintCustomerToken({ shopId: shop.id, signingSecret: shop.signingSecret, customerId: ayse.id, name, expiresInSeconds: 3600 });
  const init = `Sadakat.init(${JSON.stringify({ shop: shop.publishableKey, api: url, customerToken: token })});`;
  try {
    await page.goto(await serveHostPage(page, 'xss', { headScripts: [QUEUE_STUB, init], widgetTags: [widgetTag({ init: false })] }));
    await test(session, page);
    await expect(page.title()).resolves.not.toBe('pwned');
    expect(await receivedByHost(page)).toEqual([]);
    session.expectClean();
  } finally {
    await session.close();
  }
}

/** What the shadow root holds that no text should ever produce. */
function inertness(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('sadakat-widget')!.shadowRoot!;
    const all = [...root.querySelectorAll('*')];
    const panel = root.querySelector<HTMLElement>('[part~="panel"]');
    return {
      text: root.textContent ?? '',
      created: all.filter((el) => ['IMG', 'SCRIPT', 'IFRAME', 'STYLE', 'OBJECT', 'EMBED'].includes(el.tagName)).map((el) => el.tagName),
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}[${a.name}]`)),
      links: all.filter((el): el is HTMLAnchorElement => el instanceof HTMLAnchorElement).map((a) => a.href),
      // Every element fits the panel's width: long words wrap or break, nothing scrolls sideways.
      // Every element fits the panel's width: long words wrap or break; nothing scrolls sideways.
      // Only an ellipsis is an intended clip.
      overflowing: panel
        ? all.filter((el) => {
            if (!(el instanceof HTMLElement) || !panel.contains(el)) return false;
            for (let up: HTMLElement | null = el; up && up !== panel; up = up.parentElement) {
              const style = getComputedStyle(up);
              if ((style.textOverflow === 'ellipsis' && style.overflowX !== 'visible') || style.clipPath !== 'none') return false;
            }
            const limit = panel.getBoundingClientRect();
            const rect = el.getBoundingClientRect();
            return rect.right > limit.right + 1 || rect.left < limit.left - 1;
          }).map((el) => `${el.tagName}.${el.getAttribute('class') ?? ''} ${Math.round(el.getBoundingClientRect().width)}px: ${(el.textContent ?? '').slice(0, 30)}`)
        : ['no panel'],
      panelScrolls: panel ? panel.scrollWidth > panel.clientWidth + 1 : true,
      // A right-to-left override in a name must not reorder the text around it (a price, a count).
      leakingBidi: (() => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const leaks: string[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!/[\u202A-\u202E\u2066-\u2069]/.test(node.textContent ?? '')) continue;
          let isolated = false;
          for (let up = node.parentElement; up && !isolated; up = up.parentElement) {
            isolated = up.tagName === 'BDI' || ['isolate', 'isolate-override', 'plaintext'].includes(getComputedStyle(up).unicodeBidi);
            if (up === panel) break;
          }
          if (!isolated) leaks.push(`${node.parentElement?.tagName}: ${(node.textContent ?? '').slice(0, 20)}`);
        }
        return leaks;
      })(),
    };
  });
}

describe('hostile text renders as text', () => {
  it('reward names, earn labels, survey texts and the shopper’s name full of markup, bidi overrides and 500-character words', () =>
    withHostileContent((boot) => hostile(boot), `${PAYLOADS[0]} \u202Eİsim`, async (_session, page) => {
      const seen = new Set<string>();
      for (const view of ['home', 'rewards', 'earn', 'activity', 'referral']) {
        await page.evaluate((name) => (window as unknown as { Sadakat: { open(v: string): void } }).Sadakat.open(name), view);
        await page.locator(`sadakat-widget ${widget.panel}`).waitFor({ state: 'visible' });
        await page.waitForTimeout(150);
        const state = await inertness(page);
        expect(state.created, view).toEqual([]);
        expect(state.handlers, view).toEqual([]);
        expect(state.overflowing, view).toEqual([]);
        expect(state.panelScrolls, view).toBe(false);
        expect(state.leakingBidi, view).toEqual([]);
        // Content links are https: only; the referral view's own e-mail and SMS share links carry
        // the hostile text percent-encoded, never raw.
        for (const href of state.links) expect(href, view).toMatch(/^https:|^http:\/\/127\.0\.0\.1[:/]|^(mailto|sms):\?[^<>"\s]*$/);
        for (const payload of PAYLOADS) if (state.text.includes(payload.slice(0, 20))) seen.add(payload);
        if (state.text.includes(UNBROKEN)) seen.add('unbroken');
      }
      // The texts were really shown, literally, not dropped.
      expect(seen.size).toBeGreaterThanOrEqual(3);
    }));

  it.each([
    ['a javascript: link on an earn action', (boot: Record<string, unknown>) => JSON.parse(JSON.stringify(boot).replace(/"kind":"action","id":"([^"]+)","points":(\d+),"label":("[^"]*")(,"url":"[^"]*")?/, '"kind":"action","id":"$1","points":$2,"label":$3,"url":"javascript:window.__pwned()"'))],
    ['a data: link on an earn action', (boot: Record<string, unknown>) => JSON.parse(JSON.stringify(boot).replace(/"kind":"action","id":"([^"]+)","points":(\d+),"label":("[^"]*")(,"url":"[^"]*")?/, '"kind":"action","id":"$1","points":$2,"label":$3,"url":"data:text/html,<script>parent.__pwned()</script>"'))],
    ['a 10 kB reward name', (boot: Record<string, unknown>) => JSON.parse(JSON.stringify(boot).replace(/"name":"[^"]*"/, `"name":"${'W'.repeat(10_000)}"`))],
  ])('%s is refused by the contract: error state, nothing rendered from it', (_name, rewrite) =>
    withHostileContent(
      (boot) => {
        const changed = rewrite(boot);
        expect(JSON.stringify(changed)).not.toBe(JSON.stringify(boot));
        return changed;
      },
      'Ayşe',
      async (_session, page) => {
        await page.evaluate(() => (window as unknown as { Sadakat: { open(): void } }).Sadakat.open());
        await page.locator(`sadakat-widget ${widget.panel} [part~="error"]`).waitFor({ state: 'visible' });
        const state = await inertness(page);
        expect(state.links.filter((href) => !/^https?:/.test(href))).toEqual([]);
        expect(state.text).not.toContain('__pwned');
      },
    ));
});
