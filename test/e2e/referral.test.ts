import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MerchantReferral, ReferralList } from '../../src/contract';
import { axeViolations } from './support/axe';
import { launchBrowser, openSession } from './support/browser';
import { demo } from './support/demo';
import { serveFixture } from './support/fixture';

// The referral programme end to end in Chromium on the demo shop, with two browser contexts: a
// shopper copies their link; a new visitor opens it, is greeted, claims the friend's discount and
// orders through the demo checkout with it; once the merchant approves, the shopper's balance and
// stats show the reward.

const host = 'sadakat-widget';
const launcher = (page: Page) => page.locator(`${host} [part~="launcher"]`);
const panel = (page: Page) => page.locator(`${host} [part~="panel"]`);
const pointsIn = (text: string | null) => Number((text ?? '').match(/\d[\d.]*/)?.[0].replace(/\./g, '') ?? NaN);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function merchant(method: string, path: string) {
  const response = await fetch(`${demo().url}${path}`, { method, headers: { authorization: `Bearer ${demo().shop.secretKey}` } });
  expect(response.status, path).toBe(200);
  return response.json() as Promise<unknown>;
}

describe('referrals in the demo shop', () => {
  it('a shopper shares their link, a friend claims and orders with it, and the reward arrives after approval', async () => {
    const advocate = await openSession(browser, { shopper: 'elif' });
    const friend = await openSession(browser);
    await advocate.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demo().url });
    try {
      // The advocate: the Refer-a-friend view from a deep link, the link copied.
      const { page } = advocate;
      await page.goto(`${demo().url}/#sadakat-referral`);
      await panel(page).getByText('Davet bağlantın').waitFor();
      await launcher(page).filter({ hasText: /\d/ }).waitFor();
      const balanceBefore = pointsIn(await launcher(page).textContent());
      const linkField = panel(page).getByLabel('Davet bağlantın', { exact: true });
      const link = await linkField.inputValue();
      expect(link).toMatch(new RegExp(`^${demo().url}/\\?ref=[A-HJKMNP-Z2-9]{8}$`));
      const code = new URL(link).searchParams.get('ref')!;
      await panel(page).getByRole('button', { name: 'Bağlantıyı kopyala' }).click();
      await panel(page).getByRole('button', { name: 'Kopyalandı' }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

      // Share links carry the same URL.
      const href = (name: RegExp) => panel(page).getByRole('link', { name }).getAttribute('href');
      expect(decodeURIComponent((await href(/WhatsApp ile paylaş/)) ?? '')).toContain(link);
      expect(new URL((await href(/X ile paylaş/)) ?? '').searchParams.get('url')).toBe(link);
      expect(new URL((await href(/Facebook ile paylaş/)) ?? '').searchParams.get('u')).toBe(link);
      expect(decodeURIComponent((await href(/E-posta ile paylaş/)) ?? '')).toContain(link);
      expect(decodeURIComponent((await href(/SMS ile paylaş/)) ?? '')).toContain(link);
      await panel(page).getByRole('img', { name: /QR kod/ }).waitFor();
      expect(await axeViolations(page, 'referral view')).toEqual([]);
      await advocate.screenshot('referral-advocate');

      // The friend: a new visitor through the link, greeted by the launcher.
      const visitor = friend.page;
      await visitor.goto(link);
      const greeting = visitor.locator(`${host} .referral-greeting`);
      await greeting.getByRole('heading', { name: /^Elif sana ilk siparişinde %10 indirim hediye etti!$/ }).waitFor();
      expect(await axeViolations(visitor, 'friend greeting')).toEqual([]);
      await friend.screenshot('referral-greeting');
      expect(await visitor.evaluate(() => (window as unknown as { Sadakat: { referral: { code(): string | null } } }).Sadakat.referral.code())).toBe(code);

      await greeting.getByRole('button', { name: 'Hediyeni al' }).click();
      await panel(visitor).getByLabel('E-posta adresin').fill('zeynep.kaya@example.com');
      await panel(visitor).getByRole('button', { name: 'İndirim kodumu al' }).click();
      const discount = await panel(visitor).getByLabel('İndirim kodun', { exact: true }).inputValue();
      expect(discount).toMatch(/^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){2}$/);
      expect(await axeViolations(visitor, 'friend claim')).toEqual([]);

      // The friend orders through the demo checkout with the discount; the code travels with the order.
      await visitor.goto(`${demo().url}/urun/kolombiya-huila`);
      await visitor.getByRole('button', { name: 'Sepete ekle' }).click();
      await visitor.locator('[data-cart-count]', { hasText: /\d/ }).waitFor();
      await visitor.goto(`${demo().url}/sepet`);
      await visitor.locator('.cart-line').first().waitFor();
      await visitor.getByLabel('Ad soyad').fill('Zeynep Kaya');
      await visitor.getByLabel('E-posta', { exact: true }).fill('zeynep.kaya@example.com');
      await visitor.getByLabel('Adres', { exact: true }).fill('Bağdat Cad. No: 5, Kadıköy');
      await visitor.getByLabel(/Kupon kodu/).fill(discount);
      await visitor.getByRole('button', { name: 'Uygula' }).click();
      await visitor.getByText(/Arkadaş daveti indirimi: .* indirim uygulanacak\./).waitFor();
      await visitor.getByRole('button', { name: 'Siparişi tamamla' }).click();
      await visitor.waitForURL(/\/siparis\/KRV-\d+$/);

      // The merchant approves the referral (it would otherwise wait out the 14-day hold).
      const pending = ReferralList.parse(await merchant('GET', '/v1/merchant/referrals?state=pending')).referrals.filter((r) => r.code === code);
      expect(pending).toHaveLength(1);
      expect(pending[0]).toMatchObject({ advocateId: 'elif', points: 500 });
      const approved = MerchantReferral.parse(await merchant('POST', `/v1/merchant/referrals/${pending[0]!.id}/approve`));
      expect(approved.state).toBe('approved');

      // The advocate sees the reward: balance and stats (a reload: the same URL with a hash would not navigate).
      await page.reload();
      await launcher(page).filter({ hasText: /\d/ }).waitFor();
      await expect.poll(async () => pointsIn(await launcher(page).textContent())).toBe(balanceBefore + 500);
      const stats = panel(page).locator('.referral-stats');
      await stats.getByText('Sipariş veren arkadaş').waitFor();
      expect(await stats.textContent()).toMatch(/Kazandığın\s*[\d.]*500 puan/);
      advocate.expectClean();
      friend.expectClean();
    } finally {
      await advocate.close();
      await friend.close();
    }
  });

  it('the loaded referral view has no axe violations in dark mode and in Arabic (RTL)', async () => {
    for (const [theme, locale] of [['dark', 'tr'], ['light', 'ar']] as const) {
      const session = await openSession(browser, { colorScheme: theme });
      try {
        const { page } = session;
        await page.goto(await serveFixture(page, `referral-${theme}-${locale}`, { shopper: 'mehmet', locale, theme, lang: locale }));
        await launcher(page).filter({ hasText: /[\d٠-٩]/ }).waitFor();
        await page.evaluate(() => (window as unknown as { Sadakat: { open(view: string): void } }).Sadakat.open('referral'));
        await panel(page).locator('[part~="referral-link"]').waitFor();
        await panel(page).locator('.referral-stats').waitFor();
        expect(await axeViolations(page, `referral ${theme} ${locale}`)).toEqual([]);
        await session.screenshot(`referral-${theme}-${locale}`);
        session.expectClean();
      } finally {
        await session.close();
      }
    }
  });
});
