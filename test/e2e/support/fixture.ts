import type { Page, Route } from 'playwright-core';
import { mintCustomerToken } from '../../../src/server/index';
import { demo } from './demo';

/**
 * Small pages that install the widget the way a merchant does (the real script tag from the demo
 * server), served by the test at the demo's own origin (so the API accepts them) with the demo's
 * strict CSP. The page's CSS, language and the shopper are chosen per test.
 */
export interface FixtureOptions {
  /** A demo shopper's customer id; a guest when absent. */
  shopper?: string;
  /** `data-locale` on the script tag. */
  locale?: string;
  /** `<html lang>`. @default 'tr' */
  lang?: string;
  /** `data-theme` on the script tag. */
  theme?: 'auto' | 'light' | 'dark';
  /** `data-position` on the script tag. */
  position?: 'bottom-end' | 'bottom-start';
  /** The page's own CSS, in a nonce'd `<style>`. */
  css?: string;
  /** The page's own markup. */
  body?: string;
  /** Leave the widget's script tag out (to compare a page with and without it). */
  withoutWidget?: boolean;
}

const NONCE = 'e2e-fixture-nonce';

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A plain shop-like page: a heading, some text and links before the widget. */
export const SHOP_BODY = `<header><a href="#main">Ana içerik</a> <a href="#urunler">Ürünler</a></header>
<main id="main"><h1>Kervan Kahve</h1><p>Yavaş kavrulmuş kahve, elde şekillenmiş fincanlar.</p>
<div class="box">Bir kutu</div><button type="button">Sepete ekle</button></main>`;

/** Page CSS that keeps the fixture calm and deterministic: one installed font, a plain background. */
export const CALM_CSS = `body { margin: 0; padding: 24px; background: #f4f1ec; color: #2a211b; font-family: "DejaVu Sans", sans-serif; }`;

export async function fixtureHtml(options: FixtureOptions): Promise<string> {
  const { url, shop, shoppers } = demo();
  const shopper = options.shopper ? shoppers.find((candidate) => candidate.id === options.shopper) : undefined;
  if (options.shopper && !shopper) throw new Error(`no demo shopper "${options.shopper}"`);
  const token = shopper
    ? await mintCustomerToken({ shopId: shop.id, signingSecret: shop.signingSecret, customerId: shopper.id, email: shopper.email, name: shopper.name, expiresInSeconds: 3600 })
    : null;
  const attributes = [
    `async src="/sadakat/sadakat.js"`,
    `data-shop="${escape(shop.publishableKey)}"`,
    `data-api="${escape(url)}"`,
    token ? `data-customer-token="${escape(token)}"` : '',
    options.locale ? `data-locale="${escape(options.locale)}"` : '',
    options.theme ? `data-theme="${options.theme}"` : '',
    options.position ? `data-position="${options.position}"` : '',
    `nonce="${NONCE}"`,
  ].filter(Boolean);
  return `<!doctype html>
<html lang="${escape(options.lang ?? 'tr')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>Sadakat e2e fixture</title>
<style nonce="${NONCE}">${options.css ?? CALM_CSS}</style>
</head>
<body>
${options.body ?? SHOP_BODY}
${options.withoutWidget ? '' : `<script ${attributes.join(' ')}></script>`}
</body>
</html>`;
}

/** The demo's policy (demo/shop/app.ts) with the fixture's fixed nonce. */
const CSP = [
  "default-src 'none'",
  `script-src 'self' 'nonce-${NONCE}'`,
  `style-src 'self' 'nonce-${NONCE}'`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/**
 * Serves a fixture page at `<demo>/__fixture/<name>` in this page's browser context and returns
 * its URL. Routes are per page, so tests never see each other's fixtures.
 */
export async function serveFixture(page: Page, name: string, options: FixtureOptions): Promise<string> {
  const target = `${demo().url}/__fixture/${name}`;
  const html = await fixtureHtml(options);
  await page.route(target, (route: Route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' }, body: html }),
  );
  return target;
}

/** `window.Sadakat`, typed for `page.evaluate`. */
export interface SadakatGlobal {
  open(view?: string): void;
  close(): void;
  refresh(): void;
  logout(): void;
  identify(token: string | null): void;
  init(options: Record<string, unknown>): void;
}

/** The shadow-piercing locators the tests use. */
export const widget = {
  launcher: '[part~="launcher"]',
  panel: '[part~="panel"]',
  header: '[part~="header"]',
  balance: '[part~="balance"]',
} as const;

/** Waits until the launcher shows a number: the boot call has been answered for a shopper. */
export async function launcherWithBalance(page: Page): Promise<void> {
  await page.locator(`sadakat-widget ${widget.launcher}`, { hasText: /[\d٠-٩]/ }).waitFor();
}

/** Opens the panel on `view` through the public API and waits until the dialog shows it. */
export async function openView(page: Page, view: string): Promise<void> {
  await page.evaluate((name) => (window as unknown as { Sadakat: SadakatGlobal }).Sadakat.open(name), view);
  await page.locator(`sadakat-widget ${widget.panel}`).waitFor({ state: 'visible' });
}
