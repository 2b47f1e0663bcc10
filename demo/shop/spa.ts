import { html } from 'hono/html';
import { products } from './catalog';
import { jsonForScript, page, type Html, type PageContext } from './layout';

/**
 * /spa: the shop as a small client-side routed app, the way Next.js, Nuxt or Hydrogen storefronts
 * work. One HTML shell for every /spa path; /static/spa.js renders routes with `pushState` and
 * mounts the widget through the ESM build's `createSadakat()` (twice in a row, as React's
 * StrictMode does in development). Sign-in happens inside the app: the shop's server returns a
 * token (`/spa/oturum`) and the app calls `identify()`; `getCustomerToken` asks `/spa/token` when
 * a token expires. No `page()` call anywhere: the widget notices route changes itself.
 */
export function spaPage(ctx: PageContext): Html {
  const config = {
    shop: ctx.widget.shop,
    api: ctx.widget.api,
    token: ctx.widget.token,
    shopper: ctx.shopper ? { id: ctx.shopper.id, name: ctx.shopper.name } : null,
    shoppers: ctx.shoppers.map((shopper) => ({ id: shopper.id, name: shopper.name })),
    products: products.map((product) => ({ slug: product.slug, name: product.name, price: product.price, tagline: product.tagline })),
  };
  return page(ctx, {
    title: 'Tek sayfa uygulama demosu',
    description: 'Sadakat widget’ı, istemci tarafında yönlendirilen bir mağazada.',
    widget: false,
    scripts: ['/static/spa.js'],
    body: html`<div class="section spa">
  <nav class="spa-nav" aria-label="Uygulama menüsü">
    <a href="/spa" data-spa-link>Vitrin</a>
    <a href="/spa/urunler" data-spa-link>Ürünler</a>
    <a href="/spa/hesap" data-spa-link>Hesabım</a>
  </nav>
  <div id="spa-view" aria-live="polite"></div>
  <p class="spa-tools">
    <button type="button" data-spa-unmount>Widget’ı kaldır (destroy)</button>
    <button type="button" data-spa-mount>Yeniden kur</button>
  </p>
  <script type="application/json" id="spa-config">${jsonForScript(config)}</script>
</div>`,
  });
}
