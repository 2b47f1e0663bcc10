import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLogPage, ErrorEnvelope, ProgrammeConfig } from '../../src/contract';
import { launchBrowser, openSession, type Session } from './support/browser';
import { axeViolations, merchant, signIn } from './support/admin';
import { demo } from './support/demo';

// The merchant dashboard at /admin/, served by the reference server under its own nonce CSP, on
// the demo shop with its year of seeded history.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

async function withSession(run: (session: Session) => Promise<void>, viewport?: { width: number; height: number }) {
  const session = await openSession(browser, viewport ? { viewport } : {});
  try {
    await run(session);
  } finally {
    await session.close();
  }
}

describe('merchant dashboard', () => {
  it('is served under a nonce-based CSP and refuses a wrong key with a clear message', () =>
    withSession(async (session) => {
      const { page } = session;
      const response = await page.goto(`${demo().url}/admin/`);
      const csp = response!.headers()['content-security-policy'] ?? '';
      expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9_-]+' 'strict-dynamic'/);
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe');
      await page.getByLabel('Gizli anahtar').fill('sk_demo_thisIsNotTheRightKeyAtAll1');
      const reply = page.waitForResponse((r) => r.url().includes('/v1/merchant/'));
      await page.getByRole('button', { name: 'Giriş yap' }).click();
      // The server says 401 and nothing about why.
      const refused = await reply;
      expect(refused.status()).toBe(401);
      const { error } = ErrorEnvelope.parse(await refused.json());
      expect(error).toEqual({ code: 'unauthorized', message: 'Unauthorized.', requestId: expect.any(String) });
      await page.getByRole('alert').filter({ hasText: 'Bu anahtar kabul edilmedi' }).waitFor();
      await session.screenshot('dashboard-sign-in-error');
      // The key lives in memory only.
      const stored = await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]);
      expect(stored).toEqual([0, 0, '']);
      session.expectClean({ allowConsole: [/401/] });
    }));

  it('signs in and shows a year of retention with S, E and N for members and non-members', () =>
    withSession(async (session) => {
      const { page } = session;
      await signIn(page);
      const table = page.getByRole('table', { name: 'Müşteri tutma oranı' });
      await expect(table.locator('tbody tr').count()).resolves.toBe(12);
      const headers = await table.locator('thead th').allTextContents();
      expect(headers).toEqual(expect.arrayContaining(['Tümü: S', 'Tümü: E', 'Tümü: N', 'Üyeler: Oran', 'Üye olmayanlar: Oran']));
      const lastRow = await table.locator('tbody tr').last().locator('td').allTextContents();
      expect(lastRow[3]).toMatch(/^%\d/);
      await page.locator('#retention svg path').first().waitFor();
      await page.getByRole('table', { name: 'Puanlar ve bekleyen yükümlülük' }).waitFor();
      await page.getByRole('table', { name: 'Ödüllere göre kullanım' }).waitFor();
      await page.getByRole('table', { name: 'Davet hunisi' }).waitFor();
      const stored = await page.evaluate(() => [localStorage.length, sessionStorage.length, document.body.innerHTML.includes('sk_')]);
      expect(stored).toEqual([0, 0, false]);
      await session.screenshot('dashboard-overview');
      await page.locator('#surveys').scrollIntoViewIfNeeded();
      await session.screenshot('dashboard-surveys');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('table', { name: 'Customer retention rate' }).waitFor();
      session.expectClean();
    }));

  it('exports the lapsing customers as CSV', () =>
    withSession(async (session) => {
      const { page } = session;
      await signIn(page);
      await page.getByRole('table', { name: 'Kaybedilmek üzere olan müşteriler' }).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV olarak indir' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^kaybedilen-musteriler-90g-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv.startsWith('\uFEFF"customer_id","name","email","last_order_at"')).toBe(true);
      expect(csv.split('\r\n').length).toBeGreaterThan(20);
      await page.locator('#lapsing').scrollIntoViewIfNeeded();
      await session.screenshot('dashboard-lapsing');
      session.expectClean();
    }));

  it('edits a reward, shows field errors from the server, and the storefront widget follows', async () => {
    const original = ProgrammeConfig.parse((await merchant('GET', '/v1/merchant/programme')).body);
    try {
      await withSession(async (session) => {
        const { page } = session;
        await signIn(page);
        await page.getByRole('button', { name: 'Program ayarları' }).click();
        await page.getByRole('heading', { level: 1, name: 'Program ayarları' }).waitFor();
        const index = original.rewards.findIndex((r) => r.id === 'free-shipping');
        const cost = page.locator(`#programme-rewards-${index}-cost`);
        const tierMultiplier = page.locator('#programme-tiers-1-multiplier');
        await cost.fill('-5');
        await tierMultiplier.fill('eleven');
        await page.locator('#programme').getByRole('button', { name: 'Kaydet' }).click();
        // Each error sits under its own field and is tied to it.
        await page.locator(`#programme-rewards-${index}-cost-error`).waitFor();
        await page.locator('#programme-tiers-1-multiplier-error').waitFor();
        await expect(cost.getAttribute('aria-invalid')).resolves.toBe('true');
        await expect(cost.getAttribute('aria-describedby')).resolves.toBe(`programme-rewards-${index}-cost-error`);
        await expect(tierMultiplier.getAttribute('aria-invalid')).resolves.toBe('true');
        await expect(page.locator('#programme').getByText('Kaydedilmedi: işaretli alanları düzeltin.').isVisible()).resolves.toBe(true);
        await page.locator(`#programme-rewards-${index}-cost`).scrollIntoViewIfNeeded();
        await session.screenshot('dashboard-programme-error');
        // Nothing was saved, nothing was logged.
        expect((await merchant('GET', '/v1/merchant/programme')).body).toEqual(original);
        const auditBefore = AuditLogPage.parse((await merchant('GET', '/v1/merchant/audit-log?type=config&limit=1')).body).entries[0]?.id;

        await cost.fill('350');
        await tierMultiplier.fill(String(original.tiers[1]!.multiplier));
        await page.locator(`#programme-rewards-${index}-name-tr`).fill('Kargo bizden');
        await page.locator('#programme').getByRole('button', { name: 'Kaydet' }).click();
        await page.locator('#programme').getByText('Kaydedildi.').waitFor();
        await expect(cost.getAttribute('aria-invalid')).resolves.toBeNull();

        // The change log shows who changed what.
        await page.getByRole('button', { name: 'Değişiklik kaydı' }).click();
        const log = page.getByRole('table', { name: 'Değişiklik kaydı' });
        await log.waitFor();
        const first = log.locator('tbody tr').first();
        await expect(first.textContent()).resolves.toContain('Program güncellendi');
        await expect(first.textContent()).resolves.toContain(`rewards.${index}.cost: ${original.rewards[index]!.cost} → 350`);
        const auditAfter = AuditLogPage.parse((await merchant('GET', '/v1/merchant/audit-log?type=config&limit=1')).body).entries[0]!;
        expect(auditAfter.id).not.toBe(auditBefore);
        expect(auditAfter.action).toBe('programme.update');
        await session.screenshot('dashboard-audit');
        session.expectClean({ allowConsole: [/400/] });
      });
      const saved = ProgrammeConfig.parse((await merchant('GET', '/v1/merchant/programme')).body);
      expect(saved.rewards.find((r) => r.id === 'free-shipping')).toMatchObject({ cost: 350, name: { tr: 'Kargo bizden' } });

      // A guest's panel lists every reward with its cost.
      const shopper = await openSession(browser);
      try {
        await shopper.page.goto(`${demo().url}/`);
        await shopper.page.locator('sadakat-widget [part~="launcher"]').click();
        const reward = shopper.page.locator('sadakat-widget [part~="reward"]', { hasText: 'Kargo bizden' });
        await reward.first().waitFor({ state: 'visible' });
        await expect(reward.first().textContent()).resolves.toMatch(/350/);
        await shopper.screenshot('dashboard-storefront-follows');
      } finally {
        await shopper.close();
      }
    } finally {
      await merchant('PUT', '/v1/merchant/programme', original);
    }
  });

  it('passes an axe sweep (WCAG 2.2 AA) signed out and in, on a phone too', () =>
    withSession(async (session) => {
      const { page } = session;
      await page.goto(`${demo().url}/admin/`);
      await page.getByLabel('Gizli anahtar').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await signIn(page);
      await page.locator('#surveys table').first().waitFor();
      await page.getByRole('table', { name: 'Kaybedilmek üzere olan müşteriler' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await axeViolations(page)).toEqual([]);
      await session.screenshot('dashboard-phone');
    }));
});
