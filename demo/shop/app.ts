import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { findProduct } from './catalog';
import type { Html, PageContext, Shopper } from './layout';
import { OrderBook } from './orders';
import { accountPage, cartPage, homePage, notFoundPage, orderErrorPage, productPage, thankYouPage } from './pages';
import { playgroundPage, previewPage } from './playground';
import { spaPage } from './spa';

export interface StorefrontOptions {
  /** The shop's publishable key, pasted into the script tag. */
  publishableKey: string;
  shoppers: readonly Shopper[];
  /**
   * Mints a customer token for a shopper. This is the "shop's server" side of the integration: the
   * signing secret stays inside this function and never reaches a page.
   */
  mintToken: (shopper: Shopper) => Promise<string>;
  /** Where the widget's script is served from. @default '/sadakat/sadakat.js' */
  widgetSrc?: string;
  /** Base URL of the Sadakat API for `data-api`. @default the origin the page was requested on */
  apiUrl?: string;
  orders?: OrderBook;
}

/** The cookie that remembers which demo shopper is "signed in" to the demo shop. */
export const SHOPPER_COOKIE = 'kervan_musteri';

type Env = {
  Variables: {
    nonce: string;
    /** This page embeds the shop's own pages in frames (the theme playground). */
    framesSelf?: boolean;
    /** This page may be framed by the shop's own pages (the playground's preview). */
    framedBySelf?: boolean;
  };
};

/**
 * The demo storefront and its little shop backend: server-rendered pages with the widget's script
 * tag pasted the way a merchant would, a shopper switcher, and a checkout.
 */
export function createStorefront(options: StorefrontOptions) {
  const orders = options.orders ?? new OrderBook();
  const widgetSrc = options.widgetSrc ?? '/sadakat/sadakat.js';
  const app = new Hono<Env>();

  // A fresh nonce per page; only scripts carrying it (and same-origin files) may run.
  app.use('*', async (c, next) => {
    const nonce = randomBytes(16).toString('base64');
    c.set('nonce', nonce);
    await next();
    if (c.res.headers.get('Content-Type')?.startsWith('text/html')) {
      const api = options.apiUrl ? ` ${new URL(options.apiUrl).origin}` : '';
      c.res.headers.set(
        'Content-Security-Policy',
        [
          "default-src 'none'",
          `script-src 'self' 'nonce-${nonce}'`,
          `style-src 'self' 'nonce-${nonce}'`,
          "img-src 'self' data:",
          `connect-src 'self'${api}`,
          "font-src 'self'",
          "form-action 'self'",
          "base-uri 'none'",
          ...(c.get('framesSelf') ? ["frame-src 'self'"] : []),
          c.get('framedBySelf') ? "frame-ancestors 'self'" : "frame-ancestors 'none'",
          "object-src 'none'",
        ].join('; '),
      );
      c.res.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
      c.res.headers.set('X-Content-Type-Options', 'nosniff');
      c.res.headers.set('Cache-Control', 'no-store');
    }
  });
  app.use('*', csrf());

  const currentShopper = (cookie: string | undefined): Shopper | null =>
    options.shoppers.find((shopper) => shopper.id === cookie) ?? null;

  async function context(c: Context<Env>, shopper: Shopper | null): Promise<PageContext> {
    let token: string | null = null;
    if (shopper) {
      try {
        token = await options.mintToken(shopper);
      } catch (error) {
        // The page still works for a guest; the shop's logs say why.
        console.error('[demo] could not mint a customer token:', error instanceof Error ? error.message : error);
      }
    }
    return {
      nonce: c.get('nonce'),
      path: c.req.path,
      shopper,
      shoppers: options.shoppers,
      widget: {
        src: widgetSrc,
        shop: options.publishableKey,
        api: options.apiUrl ?? new URL(c.req.url).origin,
        token,
        locale: 'tr',
      },
    };
  }

  const render = async (c: Context<Env>, body: (ctx: PageContext) => Html) =>
    body(await context(c, currentShopper(getCookie(c, SHOPPER_COOKIE))));

  app.get('/', async (c) => c.html(await render(c, homePage)));

  app.get('/urun/:slug', async (c) => {
    const product = findProduct(c.req.param('slug'));
    if (!product) return c.html(await render(c, notFoundPage), 404);
    return c.html(await render(c, (ctx) => productPage(ctx, product)));
  });

  app.get('/sepet', async (c) => c.html(await render(c, (ctx) => cartPage(ctx))));

  // The theme playground and the page its preview frame shows.
  app.get('/tema', async (c) => {
    c.set('framesSelf', true);
    return c.html(await render(c, playgroundPage));
  });
  app.get('/tema/onizleme', async (c) => {
    c.set('framedBySelf', true);
    return c.html(await render(c, previewPage));
  });

  // The single-page app demo: one shell for every route, sign-in without a page load. First what
  // `getCustomerToken` asks when the widget's token has expired: a fresh one, or null.
  app.get('/spa/token', async (c) => {
    const shopper = currentShopper(getCookie(c, SHOPPER_COOKIE));
    c.header('Cache-Control', 'no-store');
    return c.json({ token: shopper ? await options.mintToken(shopper) : null });
  });
  app.get('/spa', async (c) => c.html(await render(c, spaPage)));
  app.get('/spa/*', async (c) => c.html(await render(c, spaPage)));
  app.post('/spa/oturum', async (c) => {
    const body: unknown = await c.req.json().catch(() => null);
    const chosen = typeof body === 'object' && body !== null ? (body as { shopper?: unknown }).shopper : null;
    const shopper = options.shoppers.find((candidate) => candidate.id === chosen) ?? null;
    if (shopper) setCookie(c, SHOPPER_COOKIE, shopper.id, { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 60 * 60 * 24 * 30 });
    else deleteCookie(c, SHOPPER_COOKIE, { path: '/' });
    return c.json({ token: shopper ? await options.mintToken(shopper) : null, shopper: shopper ? { id: shopper.id, name: shopper.name } : null });
  });

  // The programme's sign-in and join links (`joinUrl`, `signInUrl`) point here.
  app.get('/hesap', async (c) =>
    c.html(await render(c, (ctx) => accountPage(ctx, c.req.query('islem') === 'kayit' ? 'kayit' : 'giris'))),
  );

  // The shopper switcher: the demo's stand-in for a shop's own sign-in.
  app.post('/oturum', async (c) => {
    const form = await c.req.parseBody();
    const chosen = typeof form.shopper === 'string' ? form.shopper : '';
    const shopper = options.shoppers.find((candidate) => candidate.id === chosen);
    if (shopper) {
      setCookie(c, SHOPPER_COOKIE, shopper.id, { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 60 * 60 * 24 * 30 });
    } else {
      deleteCookie(c, SHOPPER_COOKIE, { path: '/' });
    }
    return c.redirect(safeNext(form.next), 303);
  });

  app.post('/siparis', async (c) => {
    const form = await c.req.parseBody();
    const text = (key: string) => (typeof form[key] === 'string' ? (form[key] as string) : '');
    const shopper = currentShopper(getCookie(c, SHOPPER_COOKIE));
    const result = await orders.place(
      { items: form.items, name: text('name'), email: text('email'), address: text('address'), city: text('city'), coupon: text('coupon'), referralCode: text('ref') },
      shopper?.id ?? null,
    );
    if (!result.ok) return c.html(await render(c, (ctx) => orderErrorPage(ctx, result.message)), 422);
    return c.redirect(`/siparis/${encodeURIComponent(result.order.id)}`, 303);
  });

  // "Uygula" on the checkout: the shop's backend asks Sadakat whether the code fits this cart.
  app.post('/kupon', async (c) => {
    const body: unknown = await c.req.json().catch(() => null);
    const { code, items } = (typeof body === 'object' && body !== null ? body : {}) as { code?: unknown; items?: unknown };
    const shopper = currentShopper(getCookie(c, SHOPPER_COOKIE));
    const check = await orders.previewCoupon(typeof items === 'string' ? items : JSON.stringify(items ?? null), typeof code === 'string' ? code : '', shopper?.id ?? null);
    return c.json(check.ok ? { ok: true, code: check.code, label: check.label, discount: check.goods + check.shipping } : check, check.ok ? 200 : 422);
  });

  app.get('/siparis/:id', async (c) => {
    const order = orders.get(c.req.param('id'));
    if (!order) return c.html(await render(c, notFoundPage), 404);
    return c.html(await render(c, (ctx) => thankYouPage(ctx, order)));
  });

  app.get('*', async (c) => c.html(await render(c, notFoundPage), 404));

  return { app, orders };
}

/** Only same-site paths: `/x`, never `//evil.example` or `https://…`. */
function safeNext(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value.length > 300 ? '/' : value;
}
