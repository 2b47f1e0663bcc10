import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession } from './support/browser';
import { demo } from './support/demo';

// The demo shop itself, in real Chromium under its strict CSP: a shopper can browse, fill a cart,
// check out, and switch between demo shoppers, with no error anywhere.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the demo storefront', () => {
  it('takes a guest from the home page to the thank-you page', async () => {
    const session = await openSession(browser);
    const { page } = session;
    try {
      await page.goto(`${demo().url}/`);
      await expect(page.title()).resolves.toBe('Kervan Kahve & Seramik');
      await page.locator('sadakat-widget').waitFor({ state: 'attached' });
      await session.screenshot('storefront-home-guest');

      await page.getByRole('link', { name: /İznik Mavisi Fincan Takımı/ }).click();
      await page.getByRole('heading', { level: 1, name: 'İznik Mavisi Fincan Takımı' }).waitFor();
      await page.getByRole('button', { name: 'Sepete ekle' }).click();
      await page.locator('[data-cart-count]', { hasText: '1' }).waitFor();
      await session.screenshot('storefront-product');

      await page.goto(`${demo().url}/urun/kolombiya-huila`);
      await page.getByLabel('Adet').fill('2');
      await page.getByRole('button', { name: 'Sepete ekle' }).click();
      await page.locator('[data-cart-count]', { hasText: '3' }).waitFor();

      await page.getByRole('link', { name: /Sepet/ }).click();
      await page.getByRole('heading', { name: 'Sepetiniz' }).waitFor();
      // store.js draws the lines from localStorage once it has loaded.
      const lines = page.locator('.cart-line');
      await lines.first().waitFor();
      await expect(lines.count()).resolves.toBe(2);
      // 1.249,90 + 2 × 429,90, free shipping above 750 ₺.
      await expect(page.locator('.totals__grand dd').textContent()).resolves.toBe('2.109,70\u00a0₺');
      await page.getByLabel('Ad soyad').fill('Deniz Kaya');
      await page.getByLabel('E-posta').fill('deniz.kaya@example.com');
      await page.getByLabel('Adres').fill('Caferağa Mah. Moda Cad. No: 1/3, Kadıköy');
      await session.screenshot('storefront-checkout');

      await page.getByRole('button', { name: 'Siparişi tamamla' }).click();
      await page.waitForURL(/\/siparis\/KRV-\d+$/);
      await page.getByRole('heading', { name: 'Teşekkürler, Deniz!' }).waitFor();
      await expect(page.locator('.summary__total td').textContent()).resolves.toBe('2.109,70\u00a0₺');
      // The order is placed, so store.js empties the cart.
      await page.waitForFunction(() => localStorage.getItem('kervan.cart.v1') === '[]');
      await expect(page.locator('[data-cart-count]').isHidden()).resolves.toBe(true);
      await session.screenshot('storefront-thank-you');
      session.expectClean();
    } finally {
      await session.close();
    }
  });

  it('switches shoppers with the header switcher, and the script tag follows', async () => {
    const session = await openSession(browser);
    const { page } = session;
    const token = () => page.locator('script[data-shop]').getAttribute('data-customer-token');
    try {
      await page.goto(`${demo().url}/urun/raku-filtre-demlik`);
      await expect(token()).resolves.toBeNull();

      // The switcher posts, the server sets the cookie and redirects back: a new page with a token.
      await page.getByLabel('Demo müşteri').selectOption({ label: 'Ayşe Yılmaz' });
      await page.locator('script[data-shop][data-customer-token]').waitFor({ state: 'attached' });
      expect(page.url()).toBe(`${demo().url}/urun/raku-filtre-demlik`);
      const ayse = await token();
      expect(ayse).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      const claims = JSON.parse(Buffer.from(ayse!.split('.')[1]!, 'base64url').toString('utf8')) as { sub: string; iss: string };
      expect(claims).toMatchObject({ sub: 'ayse', iss: demo().shop.id });
      await page.locator(`sadakat-widget [part~="launcher"]`, { hasText: /\d/ }).waitFor();

      await page.getByLabel('Demo müşteri').selectOption({ label: 'Misafir' });
      await page.locator('script[data-shop]:not([data-customer-token])').waitFor({ state: 'attached' });
      await expect(page.getByLabel('Demo müşteri').inputValue()).resolves.toBe('');
      session.expectClean();
    } finally {
      await session.close();
    }
  });

  it('fits a phone screen', async () => {
    const session = await openSession(browser, { viewport: { width: 390, height: 844 } });
    const { page } = session;
    try {
      await page.goto(`${demo().url}/`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
      await session.screenshot('storefront-home-phone');
      session.expectClean();
    } finally {
      await session.close();
    }
  });
});
