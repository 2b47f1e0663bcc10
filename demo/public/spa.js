/* global document, window, history, location, fetch, URLSearchParams, Element */
// The single-page app demo (/spa): client-side routes with pushState, rendered with DOM calls only
// (no HTML strings), and the widget from the ESM build. There is no `page()` call and no patched
// `history`: Sadakat notices the route changes, and fills the placements each route renders.
import { createSadakat } from '/sadakat/sadakat.mjs';

const config = JSON.parse(document.getElementById('spa-config')?.textContent ?? '{}');
const view = document.getElementById('spa-view');
const lira = new Intl.NumberFormat('tr-TR', { style: 'currency', currency: 'TRY' });
let shopper = config.shopper;
let token = config.token;

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

// --- the widget, mounted the way a React effect would: create, clean up, create again ---------
let sadakat = null;
const options = () => ({
  shop: config.shop,
  api: config.api,
  locale: 'tr',
  customerToken: token,
  // When the widget's token expires mid-session, the shop's server mints a fresh one.
  getCustomerToken: () => fetch('/spa/token', { credentials: 'same-origin' }).then((response) => response.json()).then((body) => body.token),
});
function mount() {
  sadakat ??= createSadakat(options());
}
function unmount() {
  sadakat?.destroy();
  sadakat = null;
}

// --- routes ------------------------------------------------------------------------------------
const link = (href, text, extra = {}) => el('a', { href, 'data-spa-link': '', ...extra, text });
const kurus = (price) => (price / 100).toFixed(2);

function home() {
  return [
    el('h1', { class: 'page-title', text: 'Kervan, tek sayfa uygulama olarak' }),
    el('p', {}, 'Puanın: ', el('strong', { 'data-sadakat': 'balance', id: 'spa-balance', text: '—' })),
    el('p', {}, link('/spa/urunler', 'Ürünlere göz at')),
  ];
}

function productList() {
  return [
    el('h1', { class: 'page-title', text: 'Ürünler' }),
    el(
      'ul',
      { class: 'spa-list', role: 'list' },
      ...config.products.map((product) =>
        el(
          'li',
          {},
          link(`/spa/urun/${product.slug}`, product.name),
          ' · ',
          el('span', { text: lira.format(product.price / 100) }),
          ' · ',
          el('span', { 'data-sadakat': 'points-for', 'data-sadakat-amount': kurus(product.price), class: 'spa-points' }),
        ),
      ),
    ),
  ];
}

function product(slug) {
  const item = config.products.find((candidate) => candidate.slug === slug);
  if (!item) return notFound();
  return [
    el('h1', { class: 'page-title', text: item.name }),
    el('p', { text: item.tagline }),
    el('p', {}, el('strong', { text: lira.format(item.price / 100) }), ' · ', el('span', { id: 'spa-product-points', 'data-sadakat': 'points-for', 'data-sadakat-amount': kurus(item.price) })),
    el('p', {}, el('button', { type: 'button', 'data-sadakat-open': 'rewards', text: 'Puanlarımla ne alabilirim?' })),
    el('p', {}, link('/spa/urunler', 'Tüm ürünler')),
  ];
}

function account() {
  const select = el('select', { id: 'spa-shopper' }, el('option', { value: '', text: 'Misafir' }), ...config.shoppers.map((s) => el('option', { value: s.id, text: s.name })));
  select.value = shopper?.id ?? '';
  const signIn = el('button', { type: 'button', id: 'spa-sign-in', text: 'Giriş yap' });
  signIn.addEventListener('click', async () => {
    const response = await fetch('/spa/oturum', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ shopper: select.value }) });
    const body = await response.json();
    shopper = body.shopper;
    token = body.token;
    // In-app sign-in: no page load, the widget switches to this shopper.
    if (token) sadakat?.identify(token);
    else sadakat?.logout();
    render();
  });
  const signOut = el('button', { type: 'button', id: 'spa-sign-out', text: 'Çıkış yap' });
  signOut.addEventListener('click', async () => {
    await fetch('/spa/oturum', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    shopper = null;
    token = null;
    sadakat?.logout();
    render();
  });
  return [
    el('h1', { class: 'page-title', text: 'Hesabım' }),
    el('p', { id: 'spa-who', text: shopper ? `Merhaba ${shopper.name}` : 'Giriş yapmadın.' }),
    el('p', {}, 'Puanın: ', el('strong', { 'data-sadakat': 'balance', text: '—' })),
    el('p', {}, el('label', { for: 'spa-shopper', text: 'Demo müşteri ' }), select, ' ', signIn, ' ', signOut),
  ];
}

function notFound() {
  return [el('h1', { class: 'page-title', text: 'Sayfa bulunamadı' }), el('p', {}, link('/spa', 'Vitrine dön'))];
}

function render() {
  const path = location.pathname.replace(/\/+$/, '') || '/spa';
  const match = /^\/spa\/urun\/([\w-]+)$/.exec(path);
  const children = path === '/spa' ? home() : path === '/spa/urunler' ? productList() : path === '/spa/hesap' ? account() : match ? product(match[1]) : notFound();
  view?.replaceChildren(...children);
  document.title = `${children[0]?.textContent ?? 'Kervan'} · SPA demo`;
}

function navigate(href) {
  history.pushState(null, '', href);
  render();
  window.scrollTo(0, 0);
}

document.addEventListener('click', (event) => {
  const anchor = event.target instanceof Element ? event.target.closest('a[data-spa-link]') : null;
  if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  navigate(anchor.getAttribute('href'));
});
window.addEventListener('popstate', render);
document.querySelector('[data-spa-unmount]')?.addEventListener('click', unmount);
document.querySelector('[data-spa-mount]')?.addEventListener('click', mount);

render();
// `?kapali` starts without the widget (the e2e suite measures the page's own listeners first).
if (!new URLSearchParams(location.search).has('kapali')) {
  // React StrictMode in development mounts, unmounts and mounts again: one launcher must remain.
  mount();
  unmount();
  mount();
}
