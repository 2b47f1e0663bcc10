/* global document, localStorage, setTimeout, clearTimeout, FormData, fetch */
// The demo shop's own little script: the cart in localStorage, the shopper switcher, the toast.
// Plain DOM APIs only (no HTML strings), so it runs under the page's strict CSP.

const CART_KEY = 'kervan.cart.v1';
const lira = new Intl.NumberFormat('tr-TR', { style: 'currency', currency: 'TRY' });

/** `1.249,90 ₺`, as demo/shop/money.ts formats it on the server. */
function formatTry(kurus) {
  const parts = lira.formatToParts(kurus / 100);
  const sign = parts.filter((p) => p.type === 'currency').map((p) => p.value).join('');
  const amount = parts.filter((p) => p.type !== 'currency' && p.type !== 'literal').map((p) => p.value).join('');
  return `${amount}\u00a0${sign}`;
}

function readCart() {
  try {
    const parsed = JSON.parse(localStorage.getItem(CART_KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((line) => line && typeof line.slug === 'string' && Number.isInteger(line.qty) && line.qty > 0)
      : [];
  } catch {
    return [];
  }
}

function writeCart(lines) {
  try {
    localStorage.setItem(CART_KEY, JSON.stringify(lines));
  } catch {
    // Private mode or a full quota: the cart just doesn't persist.
  }
  updateCount(lines);
}

function updateCount(lines = readCart()) {
  const count = lines.reduce((sum, line) => sum + line.qty, 0);
  for (const badge of document.querySelectorAll('[data-cart-count]')) {
    badge.textContent = String(count);
    badge.hidden = count === 0;
  }
  const link = document.querySelector('.cart-link');
  link?.setAttribute('aria-label', count === 0 ? 'Sepet, boş' : `Sepet, ${count} ürün`);
}

let toastTimer;
function toast(message) {
  const region = document.querySelector('[data-toast]');
  if (!region) return;
  region.textContent = message;
  region.classList.add('is-visible');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => region.classList.remove('is-visible'), 2600);
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

// Product page: add to cart.
for (const form of document.querySelectorAll('form[data-add-to-cart]')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const slug = form.getAttribute('data-add-to-cart');
    const qty = Math.max(1, Math.min(20, Number.parseInt(new FormData(form).get('qty'), 10) || 1));
    const lines = readCart();
    const line = lines.find((candidate) => candidate.slug === slug);
    if (line) line.qty = Math.min(20, line.qty + qty);
    else lines.push({ slug, qty });
    writeCart(lines);
    toast(`${qty} adet sepete eklendi.`);
  });
}

// Cart page: draw the lines from localStorage and the catalogue the server embedded.
function renderCart() {
  const root = document.querySelector('[data-cart-root]');
  const catalogNode = document.getElementById('catalog');
  if (!root || !catalogNode) return;
  const catalog = JSON.parse(catalogNode.textContent);
  const lines = readCart().filter((line) => catalog.products[line.slug]);
  const checkout = document.querySelector('[data-checkout]');
  root.replaceChildren();

  if (lines.length === 0) {
    root.append(
      el('div', { class: 'empty' },
        el('p', { class: 'empty__title', text: 'Sepetiniz şimdilik boş.' }),
        el('p', { class: 'muted', text: 'Bu haftanın kavrumlarına ya da atölyeden yeni çıkan fincanlara göz atın.' }),
        el('a', { class: 'button button--primary', href: '/', text: 'Alışverişe başla' })),
    );
    if (checkout) checkout.hidden = true;
    return;
  }

  const list = el('ul', { class: 'cart-lines', role: 'list' });
  let subtotal = 0;
  for (const line of lines) {
    const product = catalog.products[line.slug];
    const total = product.price * line.qty;
    subtotal += total;
    const qty = el('input', {
      class: 'cart-line__qty', type: 'number', min: '1', max: String(catalog.maxQuantity), value: String(line.qty),
      inputmode: 'numeric', 'aria-label': `${product.name} adedi`,
    });
    qty.addEventListener('change', () => {
      const next = Math.max(1, Math.min(catalog.maxQuantity, Number.parseInt(qty.value, 10) || 1));
      writeCart(readCart().map((l) => (l.slug === line.slug ? { ...l, qty: next } : l)));
      renderCart();
    });
    const remove = el('button', { class: 'link-button', type: 'button', text: 'Kaldır', 'aria-label': `${product.name} ürününü kaldır` });
    remove.addEventListener('click', () => {
      writeCart(readCart().filter((l) => l.slug !== line.slug));
      renderCart();
      toast(`${product.name} sepetten çıkarıldı.`);
    });
    list.append(
      el('li', { class: 'cart-line' },
        el('img', { class: 'cart-line__img', src: product.image, alt: '', width: '96', height: '96' }),
        el('div', { class: 'cart-line__info' },
          el('a', { class: 'cart-line__name', href: `/urun/${encodeURIComponent(line.slug)}`, text: product.name }),
          el('span', { class: 'cart-line__meta', text: `${formatTry(product.price)} · ${product.tagline}` }),
          remove),
        qty,
        el('span', { class: 'cart-line__total', text: formatTry(total) })),
    );
  }

  const shipping = subtotal >= catalog.freeShippingFrom ? 0 : catalog.shippingFee;
  const summary = el('dl', { class: 'totals' },
    el('div', {}, el('dt', { text: 'Ara toplam' }), el('dd', { text: formatTry(subtotal) })),
    el('div', {}, el('dt', { text: 'Kargo' }), el('dd', { text: shipping === 0 ? 'Ücretsiz' : formatTry(shipping) })),
    el('div', { class: 'totals__grand' }, el('dt', { text: 'Toplam' }), el('dd', { text: formatTry(subtotal + shipping) })),
  );
  const hint = shipping > 0
    ? el('p', { class: 'muted small', text: `Ücretsiz kargo için ${formatTry(catalog.freeShippingFrom - subtotal)} daha ekleyin.` })
    : el('p', { class: 'muted small', text: 'Kargonuz bizden.' });
  root.append(list, summary, hint);
  if (checkout) checkout.hidden = false;
}

const checkoutForm = document.querySelector('form[data-checkout-form]');
checkoutForm?.addEventListener('submit', () => {
  const items = checkoutForm.querySelector('[data-cart-items]');
  if (items) items.value = JSON.stringify(readCart());
  // The friend's referral code the widget remembered: the shop's backend sends it with the order report.
  const ref = globalThis.Sadakat?.referral?.code?.();
  if (ref) {
    const field = checkoutForm.querySelector('input[name="ref"]') ?? checkoutForm.appendChild(Object.assign(document.createElement('input'), { type: 'hidden', name: 'ref' }));
    field.value = ref;
  }
});

// Coupon codes: "Uygula" asks the shop's backend, which checks the code with Sadakat.
const couponButton = document.querySelector('[data-coupon-apply]');
couponButton?.addEventListener('click', async () => {
  const input = document.getElementById('coupon');
  const status = document.querySelector('[data-coupon-status]');
  if (!input || !status) return;
  const code = input.value.trim();
  status.classList.remove('coupon__status--error', 'coupon__status--ok');
  if (!code) {
    status.textContent = 'Önce kupon kodunu yazın.';
    status.classList.add('coupon__status--error');
    return;
  }
  status.textContent = 'Kontrol ediliyor…';
  couponButton.disabled = true;
  try {
    const response = await fetch('/kupon', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, items: readCart() }),
    });
    const result = await response.json();
    if (result.ok) {
      input.value = result.code;
      status.textContent = `${result.label}: ${formatTry(result.discount)} indirim uygulanacak.`;
      status.classList.add('coupon__status--ok');
    } else {
      status.textContent = result.message;
      status.classList.add('coupon__status--error');
    }
  } catch {
    status.textContent = 'Kupon şu an doğrulanamadı. Biraz sonra yeniden deneyin.';
    status.classList.add('coupon__status--error');
  } finally {
    couponButton.disabled = false;
  }
});

// Thank-you page: the order is placed, so the cart starts over.
if (document.body.hasAttribute('data-clear-cart')) writeCart([]);

// Shopper switcher: switch as soon as a shopper is chosen (the button stays for no-JS).
document.documentElement.classList.add('js');
for (const form of document.querySelectorAll('form[data-switcher]')) {
  form.querySelector('select')?.addEventListener('change', () => form.requestSubmit());
}

renderCart();
updateCount();
