import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

// Every value interpolated into these templates goes through hono/html's escaping; `raw` is used
// only for markup this file writes itself and for JSON made safe by `jsonForScript`.

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface Shopper {
  /** The shop's own customer id, e.g. `ayse`: what the token's `sub` carries. */
  id: string;
  name: string;
  email: string;
}

/** The script tag exactly as a merchant pastes it; `token` is minted server-side per page view. */
export interface WidgetTag {
  src: string;
  shop: string;
  api: string;
  token: string | null;
  locale: 'tr' | 'en';
}

export interface PageContext {
  nonce: string;
  /** The current path, so the shopper switcher can come back to it. */
  path: string;
  shopper: Shopper | null;
  shoppers: readonly Shopper[];
  widget: WidgetTag;
}

export interface PageOptions {
  title: string;
  description?: string;
  body: Html;
  /** Extra attributes on <body>, e.g. a flag for store.js. */
  bodyFlag?: 'clear-cart';
  /** Paste the widget's script tag. @default true */
  widget?: boolean;
  /** Extra same-origin stylesheets and module scripts for this page (under /static). */
  styles?: string[];
  scripts?: string[];
}

export const SHOP_NAME = 'Kervan Kahve & Seramik';

/** JSON for a `<script type="application/json">`: `<` is escaped so the data cannot close the tag. */
export function jsonForScript(value: unknown) {
  return raw(
    JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );
}

export function firstName(shopper: Shopper): string {
  return shopper.name.split(/\s+/)[0] ?? shopper.name;
}

function widgetScript(tag: WidgetTag, nonce: string): Html {
  // Attribute order and names follow the README's install snippet.
  return tag.token
    ? html`<script async src="${tag.src}" data-shop="${tag.shop}" data-api="${tag.api}" data-customer-token="${tag.token}" data-locale="${tag.locale}" nonce="${nonce}"></script>`
    : html`<script async src="${tag.src}" data-shop="${tag.shop}" data-api="${tag.api}" data-locale="${tag.locale}" nonce="${nonce}"></script>`;
}

function switcher(ctx: PageContext): Html {
  return html`<form class="switcher" method="post" action="/oturum" data-switcher>
    <input type="hidden" name="next" value="${ctx.path}">
    <label class="switcher__label" for="shopper-switcher">Demo müşteri</label>
    <select class="switcher__select" id="shopper-switcher" name="shopper">
      <option value="" ${ctx.shopper ? '' : raw('selected')}>Misafir</option>
      ${ctx.shoppers.map(
        (shopper) =>
          html`<option value="${shopper.id}" ${ctx.shopper?.id === shopper.id ? raw('selected') : ''}>${shopper.name}</option>`,
      )}
    </select>
    <button class="switcher__go" type="submit">Geç</button>
  </form>`;
}

const logo = raw(`<svg class="logo__mark" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
  <circle cx="20" cy="20" r="19" fill="none" stroke="currentColor" stroke-width="1.5"/>
  <path d="M11 23h18l-1.6 5.2A3 3 0 0 1 24.5 30h-9a3 3 0 0 1-2.9-1.8Z" fill="currentColor"/>
  <path d="M29 24.2h1.3a2.2 2.2 0 0 1 0 4.4h-1.9" fill="none" stroke="currentColor" stroke-width="1.5"/>
  <path d="M16.5 19c-1.2-1.5 1.2-2.6 0-4.2M20 19c-1.2-1.5 1.2-2.6 0-4.2M23.5 19c-1.2-1.5 1.2-2.6 0-4.2" fill="none" stroke="currentColor" stroke-width="1.3" stroke-linecap="round"/>
</svg>`);

const cartIcon = raw(`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <path d="M5 8h14l-1.2 11.1a2 2 0 0 1-2 1.9H8.2a2 2 0 0 1-2-1.9Z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"/>
  <path d="M9 10V7a3 3 0 0 1 6 0v3" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>
</svg>`);

export function page(ctx: PageContext, options: PageOptions): Html {
  const title = options.title === SHOP_NAME ? SHOP_NAME : `${options.title} · ${SHOP_NAME}`;
  return html`<!doctype html>
<html lang="tr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${options.description ?? 'Kadıköy’de kavrulan nitelikli kahve ve elde şekillenen seramikler.'}">
<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/store.css">
${(options.styles ?? []).map((href) => html`<link rel="stylesheet" href="${href}">`)}
<script type="module" src="/static/store.js" nonce="${ctx.nonce}"></script>
${(options.scripts ?? []).map((src) => html`<script type="module" src="${src}" nonce="${ctx.nonce}"></script>`)}
</head>
<body${options.bodyFlag ? html` data-${options.bodyFlag}` : ''}>
<a class="skip-link" href="#main">İçeriğe geç</a>
<div class="announce">750 ₺ ve üzeri siparişlerde kargo bedava · Kervan Kulübü üyeleri her alışverişte puan kazanır</div>
<header class="site-header">
  <div class="site-header__inner">
    <a class="logo" href="/" aria-label="${SHOP_NAME}, ana sayfa">${logo}<span class="logo__text">Kervan<small>Kahve &amp; Seramik</small></span></a>
    <nav class="site-nav" aria-label="Ana menü">
      <a href="/#kahve">Kahve</a>
      <a href="/#seramik">Seramik</a>
      <a href="/#hikaye">Hikâyemiz</a>
    </nav>
    <div class="site-header__tools">
      ${switcher(ctx)}
      <a class="cart-link" href="/sepet">${cartIcon}<span class="visually-hidden">Sepet</span><span class="cart-link__count" data-cart-count hidden>0</span></a>
    </div>
  </div>
</header>
<main id="main" tabindex="-1">
${options.body}
</main>
<footer class="site-footer">
  <div class="site-footer__inner">
    <div>
      <p class="site-footer__brand">Kervan Kahve &amp; Seramik</p>
      <p>Moda Caddesi No: 14, Kadıköy / İstanbul<br>Salı–Pazar, 08.30–19.00</p>
    </div>
    <div>
      <p class="site-footer__heading">Kervan Kulübü</p>
      <p><a href="/hesap?islem=kayit">Üye ol</a> · <a href="/hesap?islem=giris">Giriş yap</a></p>
      <p><a href="/tema">Widget tema atölyesi</a></p>
    </div>
    <div>
      <p class="site-footer__heading">Mağaza sahibi misiniz?</p>
      <p><a href="/admin/">Mağaza paneli</a></p>
    </div>
    <p class="site-footer__note">Bu bir demo mağazadır: sipariş alınmaz, ödeme istenmez. Sağ alttaki düğme, açık kaynaklı Sadakat widget’ıdır.</p>
  </div>
</footer>
<div class="toast" role="status" aria-live="polite" data-toast></div>
${options.widget === false ? '' : widgetScript(ctx.widget, ctx.nonce)}
</body>
</html>`;
}
