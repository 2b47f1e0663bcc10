import { SignJWT } from 'jose';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/index';
import { launchBrowser, openSession, type Session } from './support/browser';
import { demo } from './support/demo';

// The widget as a shopper meets it on the demo shop: the real script tag, the real API, the real
// SQLite file, real Chromium, under the shop's strict CSP.

const host = 'sadakat-widget';
const launcher = (page: Page) => page.locator(`${host} [part~="launcher"]`);
const panel = (page: Page) => page.locator(`${host} [part~="panel"]`);

/** The shopper's balance straight from the ledger: the sum of their entries, not the widget's figure. */
async function ledgerSum(customerId: string): Promise<number> {
  const db = await openDatabase(demo().databaseUrl);
  try {
    const row = await db.kysely
      .selectFrom('ledger_entries')
      .innerJoin('customers', (join) =>
        join.onRef('customers.id', '=', 'ledger_entries.customer_id').onRef('customers.shop_id', '=', 'ledger_entries.shop_id'),
      )
      .select((eb) => eb.fn.sum<number | string>('ledger_entries.delta').as('total'))
      .where('customers.shop_id', '=', demo().shop.id)
      .where('customers.external_id', '=', customerId)
      .executeTakeFirstOrThrow();
    return Number(row.total);
  } finally {
    await db.close();
  }
}

/** `1.250 puan` → 1250 (tr-TR groups with dots; a minus may be U+2212). */
function pointsIn(text: string | null): number | null {
  const match = (text ?? '').replace(/\u2212/g, '-').match(/-?\d[\d.]*/);
  return match ? Number(match[0].replace(/\./g, '')) : null;
}

/** Replaces the customer token in the server-rendered script tag, as a tampering shopper would. */
async function serveWithToken(page: Page, token: string) {
  await page.route(`${demo().url}/`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/data-customer-token="[^"]*"/, `data-customer-token="${token}"`);
    await route.fulfill({ response, body });
  });
}

const secret = () => new TextEncoder().encode(demo().shop.signingSecret);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function withSession(options: Parameters<typeof openSession>[1], test: (session: Session) => Promise<void>) {
  const session = await openSession(browser, options);
  try {
    await test(session);
  } finally {
    await session.close();
  }
}

describe('as a guest', () => {
  it('shows the launcher, and the panel explains the programme with join and sign-in links', () =>
    withSession({}, async (session) => {
      const { page } = session;
      const boot = page.waitForResponse((response) => response.url().includes('/v1/boot'));
      await page.goto(`${demo().url}/`);
      await expect((await boot).status()).toBe(200);
      await launcher(page).waitFor({ state: 'visible' });
      expect(pointsIn(await launcher(page).textContent())).toBeNull();
      await session.screenshot('widget-guest-launcher');

      await launcher(page).click();
      await panel(page).waitFor({ state: 'visible' });
      const join = panel(page).locator(`a[href="${demo().url}/hesap?islem=kayit"]`);
      const signIn = panel(page).locator(`a[href="${demo().url}/hesap?islem=giris"]`);
      await join.waitFor({ state: 'visible' });
      await signIn.waitFor({ state: 'visible' });
      await expect(panel(page).locator('[part~="balance"]').count()).resolves.toBe(0);
      await session.screenshot('widget-guest-panel');

      // The join link leads to the shop's own page.
      await join.click();
      await page.waitForURL(/\/hesap\?islem=kayit$/);
      await page.getByRole('heading', { level: 1, name: 'Kervan Kulübü’ne katılın' }).waitFor();
      session.expectClean();
    }));
});

describe('as a signed-in shopper', () => {
  it.each([
    ['ayse', 'Ayşe'],
    ['mehmet', 'Mehmet'],
  ])('the launcher shows %s’s balance, equal to the sum of their ledger', (shopperId, firstName) =>
    withSession({ shopper: shopperId }, async (session) => {
      const { page } = session;
      const expected = await ledgerSum(shopperId);
      expect(expected).toBeGreaterThan(0);
      await page.goto(`${demo().url}/`);
      const withBalance = page.locator(`${host} [part~="launcher"]`, { hasText: /\d/ });
      await withBalance.waitFor({ state: 'visible' });
      const text = await launcher(page).textContent();
      expect(text).toContain('puan');
      expect(pointsIn(text)).toBe(expected);

      await launcher(page).click();
      await panel(page).waitFor({ state: 'visible' });
      await expect(panel(page).getByText(new RegExp(firstName)).first().isVisible()).resolves.toBe(true);
      expect(pointsIn(await panel(page).locator('[part~="balance"]').textContent())).toBe(expected);
      session.expectClean();
    }),
  );

  it('opens the panel on Home with the tier and the progress to the next one', () =>
    withSession({ shopper: 'ayse' }, async (session) => {
      const { page } = session;
      await page.goto(`${demo().url}/`);
      await page.locator(`${host} [part~="launcher"]`, { hasText: /\d/ }).waitFor();
      await session.screenshot('widget-ayse-launcher');
      await launcher(page).click();
      await panel(page).waitFor({ state: 'visible' });
      await expect(launcher(page).getAttribute('aria-expanded')).resolves.toBe('true');

      // Ayşe has earned 3.450 points in the last 12 months: Gümüş, on her way to Altın (4.000).
      await expect(panel(page).locator('[part~="header"] [part~="tier"]').textContent()).resolves.toContain('Gümüş');
      const progress = panel(page).locator('progress[aria-label*="Altın"]');
      await progress.waitFor({ state: 'visible' });
      const value = Number(await progress.getAttribute('value'));
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThan(1);
      await session.screenshot('widget-ayse-panel');

      // Close returns focus to the page's control.
      await panel(page).locator('[part~="close-button"]').click();
      await panel(page).waitFor({ state: 'hidden' });
      await expect(launcher(page).getAttribute('aria-expanded')).resolves.toBe('false');
      session.expectClean();
    }));

  it('looks right on a phone', () =>
    withSession({ shopper: 'ayse', viewport: { width: 390, height: 844 } }, async (session) => {
      const { page } = session;
      await page.goto(`${demo().url}/`);
      await page.locator(`${host} [part~="launcher"]`, { hasText: /\d/ }).waitFor();
      await launcher(page).click();
      await panel(page).waitFor({ state: 'visible' });
      await session.screenshot('widget-ayse-panel-phone');
      session.expectClean();
    }));
});

describe('a token the shop did not sign', () => {
  // The browser itself logs the refused boot call; that line is expected, nothing else is.
  const refusedBoot = /Failed to load resource: the server responded with a status of 401.*\/v1\/boot/;

  it.each([
    [
      'forged (valid shape, wrong signature)',
      () =>
        new SignJWT({ email: 'ayse.yilmaz@example.com', name: 'Ayşe Yılmaz' })
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
          .setIssuer(demo().shop.id)
          .setSubject('ayse')
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode('not-the-shop-secret-but-just-as-long-as-one')),
    ],
    [
      'expired',
      () => {
        const now = Math.floor(Date.now() / 1000);
        return new SignJWT({}).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuer(demo().shop.id).setSubject('ayse').setIssuedAt(now - 3600).setExpirationTime(now - 60).sign(secret());
      },
    ],
    [
      'unsigned (alg none)',
      async () => {
        const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        const now = Math.floor(Date.now() / 1000);
        return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ iss: demo().shop.id, sub: 'ayse', iat: now, exp: now + 300 })}.`;
      },
    ],
  ])('%s gets the guest view, never Ayşe’s points', (_label, mint) =>
    withSession({ shopper: 'ayse' }, async (session) => {
      const { page } = session;
      const ayse = await ledgerSum('ayse');
      await serveWithToken(page, await mint());
      const refused = page.waitForResponse((response) => response.url().includes('/v1/boot') && response.status() === 401);
      const guestBoot = page.waitForResponse((response) => response.url().includes('/v1/boot') && response.status() === 200);
      await page.goto(`${demo().url}/`);
      await refused;
      await guestBoot;

      await launcher(page).waitFor({ state: 'visible' });
      await launcher(page).click();
      await panel(page).waitFor({ state: 'visible' });
      // Either the guest view (join / sign in) or an error, but no balance and nobody's name.
      await panel(page).locator(`a[href="${demo().url}/hesap?islem=giris"], [part~="error"]`).first().waitFor({ state: 'visible' });
      await expect(panel(page).locator('[part~="balance"]').count()).resolves.toBe(0);
      expect(pointsIn(await launcher(page).textContent())).toBeNull();
      const shown = (await page.locator(host).evaluate((element) => element.shadowRoot?.textContent ?? '')) ?? '';
      expect(shown).not.toContain('Ayşe');
      expect(shown).not.toContain(new Intl.NumberFormat('tr-TR').format(ayse));
      await session.screenshot(`widget-rejected-token-${_label.split(' ')[0]}`);
      session.expectClean({ allowConsole: [refusedBoot] });
    }),
  );
});

describe('destroy()', () => {
  it('removes the widget and leaves the page working', () =>
    withSession({ shopper: 'mehmet' }, async (session) => {
      const { page } = session;
      await page.goto(`${demo().url}/`);
      await page.locator(`${host} [part~="launcher"]`, { hasText: /\d/ }).waitFor();
      await launcher(page).click();
      await panel(page).waitFor({ state: 'visible' });

      await page.evaluate(() => (window as unknown as { Sadakat: { destroy(): void } }).Sadakat.destroy());
      await expect(page.locator(host).count()).resolves.toBe(0);
      // The shop's own page keeps working.
      await page.getByRole('link', { name: /Raku Filtre Demlik/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Raku Filtre Demlik' }).waitFor();
      session.expectClean();
    }));
});
