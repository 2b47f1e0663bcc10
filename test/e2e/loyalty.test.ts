import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession } from './support/browser';
import { demo } from './support/demo';

// The loyalty loop end to end, in Chromium on the demo shop: a shopper orders and sees the points
// (thank-you page, launcher, toast), redeems a reward, copies the code, pays with it at checkout,
// and the same code is refused the second time.

const host = 'sadakat-widget';
const launcher = (page: Page) => page.locator(`${host} [part~="launcher"]`);
const panel = (page: Page) => page.locator(`${host} [part~="panel"]`);

/** `1.250 puan` → 1250. */
const pointsIn = (text: string | null) => Number((text ?? '').match(/\d[\d.]*/)?.[0].replace(/\./g, '') ?? NaN);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function checkout(page: Page, slug: string, coupon?: string) {
  await page.goto(`${demo().url}/urun/${slug}`);
  await page.getByRole('button', { name: 'Sepete ekle' }).click();
  await page.locator('[data-cart-count]', { hasText: /\d/ }).waitFor();
  await page.goto(`${demo().url}/sepet`);
  await page.locator('.cart-line').first().waitFor();
  await page.getByLabel('Adres').fill('Moda Cad. No: 1/3, Kadıköy');
  if (coupon) {
    await page.getByLabel(/Kupon kodu/).fill(coupon);
    await page.getByRole('button', { name: 'Uygula' }).click();
  }
}

describe('loyalty in the demo shop', () => {
  it('earns on an order, redeems a reward, pays with the code once', async () => {
    const session = await openSession(browser, { shopper: 'elif' });
    const { page, context } = session;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demo().url });
    try {
      // The product page says what the product earns (inline placement, the contract's formula).
      await page.goto(`${demo().url}/urun/iznik-mavisi-fincan-takimi`);
      const placement = page.locator('[data-sadakat="points-for"]');
      await placement.filter({ hasText: /puan kazan$/ }).waitFor();
      const promised = pointsIn(await placement.textContent());
      expect(promised).toBeGreaterThanOrEqual(1249);
      await expect(page.locator('[data-product-points]').textContent()).resolves.toMatch(/^Bu üründen [\d.]+ puan kazan/);
      await launcher(page).filter({ hasText: /\d/ }).waitFor();
      const before = pointsIn(await launcher(page).textContent());
      await session.screenshot('loyalty-product-points');

      // Order: the shop reports it server to server; the thank-you page shows the points.
      await page.getByRole('button', { name: 'Sepete ekle' }).click();
      await page.goto(`${demo().url}/sepet`);
      await page.locator('.cart-line').first().waitFor();
      await page.getByLabel('Adres').fill('Moda Cad. No: 1/3, Kadıköy');
      await page.getByRole('button', { name: 'Siparişi tamamla' }).click();
      await page.waitForURL(/\/siparis\/KRV-\d+$/);
      const earnedText = await page.locator('[data-order-points]').textContent();
      const earned = pointsIn(earnedText);
      expect(earned).toBe(promised);
      const after = before + earned;
      expect(earnedText).toContain(`${after.toLocaleString('tr-TR')} puan`);
      // The launcher agrees, and a toast says the points arrived (announced politely).
      await launcher(page).filter({ hasText: after.toLocaleString('tr-TR') }).waitFor();
      const toast = page.locator(`${host} [role="status"][aria-live="polite"]`);
      await toast.filter({ hasText: `+${earned.toLocaleString('tr-TR')} puan` }).waitFor();
      await session.screenshot('loyalty-thank-you');

      // Redeem ₺50 off: confirmation step, then the code with a copy button.
      await launcher(page).click();
      await panel(page).waitFor({ state: 'visible' });
      await panel(page).getByRole('button', { name: /Ödüller/ }).first().click();
      await panel(page).getByRole('heading', { name: 'Ödül kataloğu' }).waitFor();
      await session.screenshot('loyalty-rewards');
      await panel(page).getByRole('button', { name: 'Puanla al: 50 ₺ indirim' }).click();
      await panel(page).getByRole('heading', { name: 'Ödülü almak istiyor musun?' }).waitFor();
      await session.screenshot('loyalty-confirm');
      await panel(page).getByRole('button', { name: 'Evet, puanla al' }).dblclick();
      const code = panel(page).locator('#sadakat-issued-code');
      await code.waitFor();
      const value = await code.inputValue();
      expect(value).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      await launcher(page).filter({ hasText: (after - 1000).toLocaleString('tr-TR') }).waitFor();
      await panel(page).getByRole('button', { name: 'Kodu kopyala' }).first().click();
      await panel(page).getByText('Kopyalandı').first().waitFor();
      await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(value);
      await session.screenshot('loyalty-code');
      await page.keyboard.press('Escape');

      // Pay with it: the shop checks the code with Sadakat and takes ₺50 off.
      await checkout(page, 'kolombiya-huila', value);
      await page.locator('[data-coupon-status]', { hasText: '50 ₺ indirim: 50,00\u00a0₺ indirim uygulanacak.' }).waitFor();
      await session.screenshot('loyalty-checkout-coupon');
      await page.getByRole('button', { name: 'Siparişi tamamla' }).click();
      await page.waitForURL(/\/siparis\/KRV-\d+$/);
      await expect(page.locator('.summary').textContent()).resolves.toContain(`Kupon ${value}`);
      // 429,90 + 59,90 shipping − 50,00.
      await expect(page.locator('.summary__total td').textContent()).resolves.toBe('439,80\u00a0₺');
      // The double click debited once: 1.000 for the code, plus what this order earned.
      const third = pointsIn(await page.locator('[data-order-points]').textContent());
      await launcher(page).filter({ hasText: (after - 1000 + third).toLocaleString('tr-TR') }).waitFor();

      // The same code again is refused, before and at the order.
      await checkout(page, 'kolombiya-huila', value);
      await page.locator('[data-coupon-status]', { hasText: 'Bu kupon kodu daha önce kullanılmış.' }).waitFor();
      await session.screenshot('loyalty-coupon-used');
      await page.getByRole('button', { name: 'Siparişi tamamla' }).click();
      await page.getByRole('alert').filter({ hasText: 'Bu kupon kodu daha önce kullanılmış.' }).waitFor();
      session.expectClean({ allowConsole: [/status of 422/] });
    } finally {
      await session.close();
    }
  });

  it('shows Earn, Activity and a guest\'s Rewards under the shop\'s CSP, keyboard first', async () => {
    for (const shopper of ['mehmet', undefined]) {
      const session = await openSession(browser, shopper ? { shopper } : {});
      const { page } = session;
      try {
        await page.goto(`${demo().url}/#sadakat-earn`);
        await panel(page).waitFor({ state: 'visible' });
        await panel(page).getByRole('heading', { name: shopper ? 'Alışverişlerinden' : 'Diğer yollar' }).first().waitFor();
        await session.screenshot(`loyalty-earn-${shopper ?? 'guest'}`);
        await page.keyboard.press('Escape');
        await page.goto(`${demo().url}/#sadakat-${shopper ? 'activity' : 'rewards'}`);
        await panel(page).waitFor({ state: 'visible' });
        await panel(page).getByRole('heading', { name: shopper ? 'Puan geçmişin' : 'Ödül kataloğu' }).waitFor();
        await session.screenshot(`loyalty-${shopper ? 'activity' : 'rewards-guest'}`);
        session.expectClean();
      } finally {
        await session.close();
      }
    }
  });
});
