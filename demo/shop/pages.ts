import { html, raw } from 'hono/html';
import { categories, FREE_SHIPPING_FROM, MAX_QUANTITY, products, SHIPPING_FEE, type Category, type Product } from './catalog';
import { firstName, jsonForScript, page, SHOP_NAME, type Html, type PageContext } from './layout';
import { formatTry } from './money';
import type { Order } from './orders';

function productCard(product: Product): Html {
  return html`<li class="card">
    <a class="card__link" href="/urun/${product.slug}">
      <span class="card__media"><img src="${product.image}" alt="" width="480" height="480" loading="lazy"></span>
      <span class="card__name">${product.name}</span>
      <span class="card__tagline">${product.tagline}</span>
      <span class="card__price">${formatTry(product.price)}</span>
    </a>
  </li>`;
}

function productGrid(category: Category, heading: string): Html {
  const list = products.filter((product) => product.category === category);
  return html`<section class="section" id="${category}" aria-labelledby="${category}-title">
    <div class="section__head">
      <h2 class="section__title" id="${category}-title">${heading}</h2>
      <p class="section__blurb">${categories[category].blurb}</p>
    </div>
    <ul class="grid" role="list">${list.map(productCard)}</ul>
  </section>`;
}

const heroArt = raw(`<img class="hero__art" src="/static/img/hero.svg" alt="" width="560" height="520">`);

export function homePage(ctx: PageContext): Html {
  return page(ctx, { title: SHOP_NAME, body: homeContent(ctx) });
}

/** The home page's content (also the backdrop of the theme playground's preview). */
export function homeContent(ctx: PageContext): Html {
  const greeting = ctx.shopper ? `Tekrar hoş geldiniz, ${firstName(ctx.shopper)}.` : 'Kadıköy, İstanbul · 2014’ten beri';
  return html`<section class="hero">
      <div class="hero__text">
        <p class="eyebrow">${greeting}</p>
        <h1 class="hero__title">Yavaş kavrulmuş kahve, elde şekillenmiş fincanlar.</h1>
        <p class="hero__lede">Her salı küçük partiler hâlinde kavurduğumuz çekirdekler ve atölyemizde çarkta şekillenen seramikler. Bir fincan kahvenin hakkını vermek için gereken her şey.</p>
        <p class="hero__actions"><a class="button button--primary" href="#kahve">Kahveleri keşfet</a><a class="button button--ghost" href="#seramik">Seramik atölyesi</a></p>
      </div>
      <div class="hero__media">${heroArt}</div>
    </section>
    <ul class="values" role="list">
      <li><strong>Her salı taze kavrum</strong><span>Kavrum tarihi her pakette yazılı.</span></li>
      <li><strong>750 ₺ üzeri ücretsiz kargo</strong><span>İstanbul içi ertesi gün teslim.</span></li>
      <li><strong>Kırılmaz paketleme</strong><span>Seramikler geri dönüştürülmüş kağıtla sarılır.</span></li>
    </ul>
    ${productGrid('kahve', 'Bu haftanın kavrumları')}
    ${productGrid('seramik', 'Atölyeden')}
    <section class="story" id="hikaye" aria-labelledby="hikaye-title">
      <div class="story__inner">
        <p class="eyebrow">Hikâyemiz</p>
        <h2 class="story__title" id="hikaye-title">Bir kavurma makinesi, bir çark ve Moda’da küçük bir dükkân.</h2>
        <p>Kervan, kahveyi ve onu içtiğimiz fincanı aynı özenle yapma isteğinden doğdu. Kahvelerimizi çiftçilerle doğrudan çalışan ithalatçılardan alıyor, seramiklerimizi Kütahyalı ve İstanbullu ustalarla birlikte üretiyoruz.</p>
        <p>Kervan Kulübü üyeleri her alışverişte puan kazanıyor, puanlarını indirime ve ücretsiz kargoya çeviriyor. Puanlarınızı sağ alttaki düğmeden görebilirsiniz.</p>
      </div>
    </section>`;
}

export function productPage(ctx: PageContext, product: Product): Html {
  const related = products.filter((other) => other.category === product.category && other.slug !== product.slug).slice(0, 3);
  return page(ctx, {
    title: product.name,
    description: product.tagline,
    body: html`<nav class="breadcrumb" aria-label="Sayfa yolu"><a href="/">Ana sayfa</a><span aria-hidden="true">/</span><a href="/#${product.category}">${categories[product.category].name}</a><span aria-hidden="true">/</span><span aria-current="page">${product.name}</span></nav>
    <article class="product">
      <div class="product__media"><img src="${product.image}" alt="${product.name}" width="640" height="640"></div>
      <div class="product__info">
        <p class="eyebrow">${categories[product.category].name}</p>
        <h1 class="product__name">${product.name}</h1>
        <p class="product__tagline">${product.tagline}</p>
        <p class="product__price">${formatTry(product.price)}</p>
        <p class="product__points" data-product-points>Bu üründen <span data-sadakat="points-for" data-sadakat-amount="${(product.price / 100).toFixed(2)}">puan</span> · <button type="button" class="link-button" data-sadakat-open="earn">Kervan Kulübü</button></p>
        <p class="product__description">${product.description}</p>
        <form class="buy" data-add-to-cart="${product.slug}">
          <label class="buy__label" for="qty">Adet</label>
          <input class="buy__qty" id="qty" name="qty" type="number" inputmode="numeric" min="1" max="${MAX_QUANTITY}" value="1" required>
          <button class="button button--primary buy__button" type="submit">Sepete ekle</button>
        </form>
        <dl class="details">${product.details.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>
        <p class="product__note">${formatTry(FREE_SHIPPING_FROM)} ve üzeri siparişlerde kargo bedava; altında ${formatTry(SHIPPING_FEE)}.</p>
      </div>
    </article>
    <section class="section" aria-labelledby="related-title">
      <div class="section__head"><h2 class="section__title" id="related-title">Bunlar da hoşunuza gidebilir</h2></div>
      <ul class="grid grid--three" role="list">${related.map(productCard)}</ul>
    </section>`,
  });
}

/** What store.js needs to draw the cart from localStorage: names, prices, pictures. */
function catalogForCart() {
  return {
    freeShippingFrom: FREE_SHIPPING_FROM,
    shippingFee: SHIPPING_FEE,
    maxQuantity: MAX_QUANTITY,
    products: Object.fromEntries(
      products.map((product) => [product.slug, { name: product.name, price: product.price, image: product.image, tagline: product.tagline }]),
    ),
  };
}

export function cartPage(ctx: PageContext, error?: string): Html {
  return page(ctx, {
    title: 'Sepet',
    body: html`<div class="checkout">
      <section class="checkout__cart" aria-labelledby="cart-title">
        <h1 class="page-title" id="cart-title">Sepetiniz</h1>
        <div data-cart-root>
          <p class="muted" data-cart-loading>Sepetiniz yükleniyor…</p>
        </div>
        <noscript><p class="notice">Sepet tarayıcınızda saklanıyor; görmek için JavaScript’i açın.</p></noscript>
        <script type="application/json" id="catalog">${jsonForScript(catalogForCart())}</script>
      </section>
      <section class="checkout__form" aria-labelledby="checkout-title" data-checkout hidden>
        <h2 class="section__title" id="checkout-title">Teslimat bilgileri</h2>
        ${error ? html`<p class="notice notice--error" role="alert">${error}</p>` : ''}
        <form method="post" action="/siparis" class="form" data-checkout-form>
          <input type="hidden" name="items" value="[]" data-cart-items>
          <div class="field"><label for="name">Ad soyad</label><input id="name" name="name" autocomplete="name" required maxlength="100" value="${ctx.shopper?.name ?? ''}"></div>
          <div class="field"><label for="email">E-posta</label><input id="email" name="email" type="email" autocomplete="email" required maxlength="200" value="${ctx.shopper?.email ?? ''}"></div>
          <div class="field"><label for="address">Adres</label><textarea id="address" name="address" autocomplete="street-address" required maxlength="500" rows="3"></textarea></div>
          <div class="field field--row">
            <div class="field"><label for="city">İl</label><input id="city" name="city" autocomplete="address-level1" required maxlength="60" value="İstanbul"></div>
            <div class="field"><label for="phone">Telefon</label><input id="phone" name="phone" type="tel" autocomplete="tel" maxlength="20" placeholder="05xx xxx xx xx"></div>
          </div>
          <div class="field coupon">
            <label for="coupon">Kupon kodu <span class="muted small">(Kervan Kulübü ödülü, isteğe bağlı)</span></label>
            <div class="coupon__row"><input id="coupon" name="coupon" autocomplete="off" spellcheck="false" maxlength="40" placeholder="ABCD-EFGH-JKMN" aria-describedby="coupon-status"><button class="button button--ghost" type="button" data-coupon-apply>Uygula</button></div>
            <p class="coupon__status" id="coupon-status" role="status" data-coupon-status></p>
          </div>
          <p class="muted small">Demo mağaza: ödeme alınmaz, kartınız istenmez.</p>
          <button class="button button--primary button--block" type="submit">Siparişi tamamla</button>
        </form>
      </section>
    </div>`,
  });
}

export function thankYouPage(ctx: PageContext, order: Order): Html {
  const who = order.customerName.split(/\s+/)[0] ?? '';
  return page(ctx, {
    title: 'Teşekkürler',
    bodyFlag: 'clear-cart',
    // The post-purchase survey: the widget asks it about this order (no script needed, CSP-safe).
    body: html`<section class="thanks" data-sadakat-survey="post-purchase" data-sadakat-order-id="${order.id}">
      <div class="thanks__mark" aria-hidden="true">${raw('<svg viewBox="0 0 48 48"><circle cx="24" cy="24" r="22" fill="none" stroke="currentColor" stroke-width="2"/><path d="m15 24.5 6 6 12-13" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/></svg>')}</div>
      <p class="eyebrow">Sipariş no. ${order.id}</p>
      <h1 class="page-title">Teşekkürler${who ? html`, ${who}` : ''}!</h1>
      <p class="thanks__lede">Siparişinizi aldık. Kahveleriniz bir sonraki kavrumdan, seramikleriniz özenle sarılarak yola çıkacak; kargo bilgisi ${order.email} adresine gelecek.</p>
      <table class="summary">
        <caption class="visually-hidden">Sipariş özeti</caption>
        <thead><tr><th scope="col">Ürün</th><th scope="col" class="num">Adet</th><th scope="col" class="num">Tutar</th></tr></thead>
        <tbody>${order.lines.map((line) => html`<tr><td>${line.name}</td><td class="num">${line.quantity}</td><td class="num">${formatTry(line.total)}</td></tr>`)}</tbody>
        <tfoot>
          <tr><th scope="row" colspan="2">Ara toplam</th><td class="num">${formatTry(order.subtotal)}</td></tr>
          <tr><th scope="row" colspan="2">Kargo</th><td class="num">${order.shipping === 0 ? 'Ücretsiz' : formatTry(order.shipping)}</td></tr>
          ${order.coupon ? html`<tr><th scope="row" colspan="2">Kupon ${order.coupon.code} (${order.coupon.label})</th><td class="num">−${formatTry(order.coupon.goods + order.coupon.shipping)}</td></tr>` : ''}
          <tr class="summary__total"><th scope="row" colspan="2">Toplam</th><td class="num">${formatTry(order.total)}</td></tr>
        </tfoot>
      </table>
      ${order.loyalty ? html`<p class="thanks__points" data-order-points>Bu siparişle <strong>${order.loyalty.pointsEarned.toLocaleString('tr-TR')} puan</strong> kazandınız. Yeni bakiyeniz: ${order.loyalty.balance.toLocaleString('tr-TR')} puan.</p>` : ''}
      ${ctx.shopper ? html`<p class="muted">Kervan Kulübü puanlarınızı sağ alttaki düğmeden takip edebilirsiniz.</p>` : html`<p class="muted">Bir dahaki sefere <a href="/hesap?islem=kayit">Kervan Kulübü’ne katılın</a>, alışverişleriniz puan kazandırsın.</p>`}
      <p><a class="button button--ghost" href="/">Alışverişe devam et</a></p>
    </section>`,
  });
}

export function accountPage(ctx: PageContext, mode: 'giris' | 'kayit'): Html {
  const title = mode === 'giris' ? 'Kervan Kulübü’ne giriş' : 'Kervan Kulübü’ne katılın';
  return page(ctx, {
    title,
    body: html`<section class="account">
      <p class="eyebrow">Kervan Kulübü</p>
      <h1 class="page-title">${title}</h1>
      <p class="account__lede">${mode === 'giris'
        ? 'Bu demo mağazada şifre yok: aşağıdaki müşterilerden biri olarak devam edin. Gerçek bir mağazada burada kendi giriş formunuz olur.'
        : 'Üyelik ücretsiz: her alışverişte puan kazanır, puanlarınızı indirime ve ücretsiz kargoya çevirirsiniz. Bu demoda hazır bir müşteriyle devam edebilirsiniz.'}</p>
      <ul class="account__list" role="list">${ctx.shoppers.map(
        (shopper) => html`<li><form method="post" action="/oturum"><input type="hidden" name="shopper" value="${shopper.id}"><input type="hidden" name="next" value="/"><button class="account__choice" type="submit"><span class="account__name">${shopper.name}</span><span class="account__email">${shopper.email}</span></button></form></li>`,
      )}</ul>
    </section>`,
  });
}

export function notFoundPage(ctx: PageContext): Html {
  return page(ctx, {
    title: 'Sayfa bulunamadı',
    body: html`<section class="thanks">
      <p class="eyebrow">404</p>
      <h1 class="page-title">Aradığınız sayfa burada değil.</h1>
      <p class="thanks__lede">Belki taşındı, belki hiç olmadı. Kahvelere bakmaya ne dersiniz?</p>
      <p><a class="button button--primary" href="/">Ana sayfaya dön</a></p>
    </section>`,
  });
}

export function orderErrorPage(ctx: PageContext, message: string): Html {
  return page(ctx, {
    title: 'Sipariş alınamadı',
    body: html`<section class="thanks">
      <h1 class="page-title">Siparişinizi alamadık.</h1>
      <p class="notice notice--error" role="alert">${message}</p>
      <p><a class="button button--primary" href="/sepet">Sepete dön</a></p>
    </section>`,
  });
}
