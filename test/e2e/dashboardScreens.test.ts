import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AllowedOrigins, AuditLogPage, MerchantSurveyList, ProgrammeConfig, SurveyAnswersPage } from '../../src/contract';
import { axeViolations, merchant, signIn } from './support/admin';
import { launchBrowser, openSession, type Session } from './support/browser';
import { demo } from './support/demo';

// The dashboard's configuration, answers and change-log screens against the running demo, and an
// axe sweep of every screen in Turkish and English.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

async function withSession(run: (session: Session) => Promise<void>) {
  const session = await openSession(browser);
  try {
    await run(session);
  } finally {
    await session.close();
  }
}

async function showScreen(page: Page, name: string) {
  await page.getByRole('navigation', { name: /Ekranlar|Screens/ }).getByRole('button', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('reports screen', () => {
  it('shows empty states, not errors, for a range with no data', () =>
    withSession(async (session) => {
      const { page } = session;
      await signIn(page);
      await page.getByLabel('Başlangıç').fill('2030-01-01');
      await page.getByLabel('Bitiş').fill('2030-03-31');
      await page.locator('form.range').getByRole('button', { name: 'Uygula' }).click();
      for (const section of ['#retention', '#repeat', '#rewards']) {
        await page.locator(section).getByText('Bu aralıkta veri yok.').waitFor();
      }
      // What is still true in 2030 is still shown: points not yet spent remain owed.
      await page.getByRole('table', { name: 'Puanlar ve bekleyen yükümlülük' }).waitFor();
      expect(await page.locator('#main [role="alert"]').count()).toBe(0);
      await session.screenshot('dashboard-empty-range');
      session.expectClean();
    }));
});

describe('survey answers screen', () => {
  it('lists answers and filters them by question, days and score, as the API does', () =>
    withSession(async (session) => {
      const { page } = session;
      await signIn(page);
      await showScreen(page, 'Anket yanıtları');
      const table = page.getByRole('table', { name: 'Anket yanıtları' });
      await table.waitFor();
      expect(await table.locator('tbody tr').count()).toBeGreaterThan(10);

      const surveys = MerchantSurveyList.parse((await merchant('GET', '/v1/merchant/surveys')).body).surveys;
      const nps = surveys.find((s) => s.survey.questions.some((q) => q.type === 'nps'))!.survey;
      await page.getByLabel('Anket', { exact: true }).selectOption(nps.id);
      await table.waitFor();
      const question = nps.questions.find((q) => q.type === 'nps')!;
      await page.getByLabel('Soru', { exact: true }).selectOption(question.id);
      await page.getByLabel('En yüksek puan').selectOption('6');
      await page.getByRole('button', { name: 'Filtrele' }).click();
      const expected = SurveyAnswersPage.parse((await merchant('GET', `/v1/merchant/surveys/${nps.id}/answers?questionId=${question.id}&maxScore=6&limit=50`)).body);
      expect(expected.rows.length).toBeGreaterThan(0);
      await page.getByRole('status').filter({ hasText: `${expected.rows.length} yanıt satırı` }).waitFor();
      const shown = await table.locator('tbody tr td:nth-child(4)').allTextContents();
      expect(shown).toEqual(expected.rows.map((r) => r.display));
      expect(shown.every((score) => Number(score) <= 6)).toBe(true);
      await session.screenshot('dashboard-answers');

      // A reversed range is named at its field; an empty one is an empty state, not an error.
      await page.getByLabel('Başlangıç').fill('2026-03-10');
      await page.getByLabel('Bitiş').fill('2026-03-01');
      await page.getByRole('button', { name: 'Filtrele' }).click();
      await page.locator('#answers-to-error').waitFor();
      await expect(page.locator('#answers-to').getAttribute('aria-invalid')).resolves.toBe('true');
      await page.getByLabel('Başlangıç').fill('2030-01-01');
      await page.getByLabel('Bitiş').fill('2030-01-31');
      await page.getByRole('button', { name: 'Filtrele' }).click();
      await page.getByText('Bu filtrelere uyan yanıt yok.').waitFor();
      session.expectClean({ allowConsole: [/400/] });
    }));
});

describe('allowed origins and surveys editors', () => {
  it('names a bad origin at its field and saves nothing; a good list is saved and audited', async () => {
    const original = AllowedOrigins.parse((await merchant('GET', '/v1/merchant/allowed-origins')).body);
    try {
      await withSession(async (session) => {
        const { page } = session;
        await signIn(page);
        await showScreen(page, 'Program ayarları');
        const last = original.origins.length;
        await page.getByRole('button', { name: 'Kaynak ekle' }).click();
        await page.getByLabel(`Kaynak ${last + 1}`, { exact: true }).fill('https://yeni.example/magaza');
        await page.getByRole('button', { name: 'Kaynakları kaydet' }).click();
        await page.locator(`#origin-${last}-error`).filter({ hasText: 'Tam bir kaynak olmalı' }).waitFor();
        await expect(page.locator(`#origin-${last}`).getAttribute('aria-invalid')).resolves.toBe('true');
        expect((await merchant('GET', '/v1/merchant/allowed-origins')).body).toEqual(original);
        await page.locator('#origins').scrollIntoViewIfNeeded();
        await session.screenshot('dashboard-origins-error');

        await page.getByLabel(`Kaynak ${last + 1}`, { exact: true }).fill('https://yeni.example');
        await page.getByRole('button', { name: 'Kaynakları kaydet' }).click();
        await page.locator('#origins').getByText('Kaydedildi.').waitFor();
        expect(AllowedOrigins.parse((await merchant('GET', '/v1/merchant/allowed-origins')).body).origins).toEqual([...original.origins, 'https://yeni.example']);
        const entry = AuditLogPage.parse((await merchant('GET', '/v1/merchant/audit-log?type=config&limit=1')).body).entries[0]!;
        expect(entry).toMatchObject({ action: 'allowed_origins.update', before: original.origins, after: [...original.origins, 'https://yeni.example'] });
        session.expectClean();
      });
    } finally {
      await merchant('PUT', '/v1/merchant/allowed-origins', original);
    }
  });

  it('renames a survey and pauses it; the change bumps its version and is audited', async () => {
    const before = MerchantSurveyList.parse((await merchant('GET', '/v1/merchant/surveys')).body).surveys[0]!;
    try {
      await withSession(async (session) => {
        const { page } = session;
        await signIn(page);
        await showScreen(page, 'Program ayarları');
        const id = before.survey.id;
        await page.locator(`#survey-${id}-title-tr`).fill('');
        await page.locator(`#survey-${id}-reward-points`).fill('0');
        await page.getByRole('button', { name: 'Anketi kaydet' }).first().click();
        await page.locator(`#survey-${id}-reward-points-error`).waitFor();
        expect(MerchantSurveyList.parse((await merchant('GET', '/v1/merchant/surveys')).body).surveys[0]!.version).toBe(before.version);

        await page.locator(`#survey-${id}-title-tr`).fill('Alışveriş deneyimi');
        await page.locator(`#survey-${id}-reward-points`).fill('30');
        await page.locator(`#survey-${id}-active`).uncheck();
        await page.getByRole('button', { name: 'Anketi kaydet' }).first().click();
        await page.locator('#survey-settings').getByText('Kaydedildi.').first().waitFor();
        const saved = MerchantSurveyList.parse((await merchant('GET', '/v1/merchant/surveys')).body).surveys.find((s) => s.survey.id === id)!;
        expect(saved.version).toBe(before.version + 1);
        expect(saved.survey).toMatchObject({ active: false, title: { tr: 'Alışveriş deneyimi' }, reward: { points: 30 } });
        const entry = AuditLogPage.parse((await merchant('GET', '/v1/merchant/audit-log?type=config&limit=1')).body).entries[0]!;
        expect(entry).toMatchObject({ action: 'survey.save', subject: `survey:${id}` });
        session.expectClean();
      });
    } finally {
      await merchant('PUT', `/v1/merchant/surveys/${before.survey.id}`, before.survey);
    }
  });
});

describe('campaigns', () => {
  it('adds a campaign, refuses an end before its start at that field, and the storefront shows it once saved', async () => {
    const original = ProgrammeConfig.parse((await merchant('GET', '/v1/merchant/programme')).body);
    const hour = 60 * 60 * 1000;
    try {
      await withSession(async (session) => {
        const { page } = session;
        await signIn(page);
        await showScreen(page, 'Program ayarları');
        await page.getByRole('button', { name: 'Kampanya ekle' }).click();
        const index = original.campaigns.length;
        const field = (name: string) => page.locator(`#programme-campaigns-${index}-${name}`);
        await field('name-tr').fill('Hafta sonu üç kat puan');
        await field('multiplier').fill('3');
        await field('startsAt').fill(new Date(Date.now() - hour).toISOString());
        await field('endsAt').fill(new Date(Date.now() - 2 * hour).toISOString());
        await page.locator('#programme').getByRole('button', { name: 'Kaydet' }).click();
        await page.locator(`#programme-campaigns-${index}-endsAt-error`).filter({ hasText: 'Başlangıçtan sonra olmalı.' }).waitFor();
        expect((await merchant('GET', '/v1/merchant/programme')).body).toEqual(original);

        await field('endsAt').fill(new Date(Date.now() + 48 * hour).toISOString());
        await page.locator('#programme').getByRole('button', { name: 'Kaydet' }).click();
        await page.locator('#programme').getByText('Kaydedildi.').waitFor();
        const saved = ProgrammeConfig.parse((await merchant('GET', '/v1/merchant/programme')).body);
        expect(saved.campaigns[index]).toMatchObject({ name: { tr: 'Hafta sonu üç kat puan' }, multiplier: 3 });
        session.expectClean();
      });
      const shopper = await openSession(browser);
      try {
        await shopper.page.goto(`${demo().url}/`);
        await shopper.page.locator('sadakat-widget [part~="launcher"]').click();
        // Wait for the text itself: a cached boot payload may paint first and revalidate after.
        await shopper.page.locator('sadakat-widget .campaign', { hasText: 'Hafta sonu üç kat puan' }).waitFor();
      } finally {
        await shopper.close();
      }
    } finally {
      await merchant('PUT', '/v1/merchant/programme', original);
    }
  });
});

describe('rewards, tiers and earn rules', () => {
  const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

  it('adds and removes them with field-level errors and sensible focus; an added reward reaches the storefront, audited', async () => {
    const original = ProgrammeConfig.parse((await merchant('GET', '/v1/merchant/programme')).body);
    const rewardIndex = original.rewards.length;
    const rewardName = 'Deneme: kahve hediyesi';
    const shopper = await openSession(browser);
    try {
      await withSession(async (session) => {
        const { page } = session;
        await signIn(page);
        await showScreen(page, 'Program ayarları');
        const form = page.locator('#programme');
        const field = (path: string) => page.locator(`#programme-${path}`);

        // A reward: added with the keyboard, focus lands in its id field; a taken id is named there.
        await page.getByLabel('Yeni ödülün türü').selectOption({ label: 'Tutar indirimi' });
        await page.getByRole('button', { name: 'Ödül ekle' }).focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => activeId(page)).toBe(`programme-rewards-${rewardIndex}-id`);
        await field(`rewards-${rewardIndex}-id`).fill(original.rewards[0]!.id);
        await form.getByRole('button', { name: 'Kaydet' }).click();
        await field(`rewards-${rewardIndex}-id-error`).filter({ hasText: 'Bu kimlik bir kez kullanılabilir.' }).waitFor();
        expect((await merchant('GET', '/v1/merchant/programme')).body).toEqual(original);
        await field(`rewards-${rewardIndex}-id`).fill('deneme-kahve');
        await field(`rewards-${rewardIndex}-name-tr`).fill(rewardName);
        await field(`rewards-${rewardIndex}-cost`).fill('1');
        await form.getByRole('button', { name: 'Kaydet' }).click();
        await form.getByText('Kaydedildi.').waitFor();
        const saved = ProgrammeConfig.parse((await merchant('GET', '/v1/merchant/programme')).body);
        expect(saved.rewards[rewardIndex]).toEqual({ id: 'deneme-kahve', kind: 'amount_off', name: { tr: rewardName, en: `New reward ${rewardIndex + 1}` }, cost: 1, value: 25 });
        const entry = AuditLogPage.parse((await merchant('GET', '/v1/merchant/audit-log?type=config&limit=1')).body).entries[0]!;
        expect(entry).toMatchObject({ action: 'programme.update', subject: 'programme' });
        expect(ProgrammeConfig.parse(entry.after).rewards.map((r) => r.id)).toContain('deneme-kahve');
        // Saved: its id is now fixed.
        expect(await field(`rewards-${rewardIndex}-id`).count()).toBe(0);

        // The storefront shows it (wait for the text: a cached boot payload may paint first and revalidate).
        await shopper.page.goto(`${demo().url}/`);
        await shopper.page.locator('sadakat-widget [part~="launcher"]').click();
        await shopper.page.locator('sadakat-widget [part~="reward"]', { hasText: rewardName }).waitFor();

        // A tier at a threshold another tier has is named at that field; removing it by keyboard
        // moves focus to the previous tier's remove button, not to the top of the page.
        const tierIndex = original.tiers.length;
        await page.getByRole('button', { name: 'Seviye ekle' }).click();
        await expect.poll(() => activeId(page)).toBe(`programme-tiers-${tierIndex}-id`);
        await field(`tiers-${tierIndex}-threshold`).fill(String(original.tiers[0]!.threshold));
        await form.getByRole('button', { name: 'Kaydet' }).click();
        await field(`tiers-${tierIndex}-threshold-error`).filter({ hasText: 'Başka bir seviye de bu eşikte.' }).waitFor();
        expect(await axeViolations(page), 'programme editor with added items and errors').toEqual([]);
        await page.getByRole('button', { name: `seviye-${tierIndex + 1} seviyesini kaldır` }).focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => activeId(page)).toBe(`programme-tiers-${tierIndex - 1}-remove`);
        expect(await field(`tiers-${tierIndex}-threshold`).count()).toBe(0);

        // An earn rule: only kinds the programme may still have are offered; an action rule is.
        await page.getByLabel('Yeni kuralın türü').selectOption({ label: 'Eylem' });
        await page.getByRole('button', { name: 'Kural ekle' }).click();
        const ruleIndex = original.earnRules.length;
        await expect.poll(() => activeId(page)).toBe(`programme-earnRules-${ruleIndex}-id`);
        await field(`earnRules-${ruleIndex}-label-tr`).fill('Bültene abone ol');
        await page.getByRole('button', { name: new RegExp(`^eylem-\\d+ kuralını kaldır$`) }).click();
        await expect.poll(() => activeId(page)).toBe(`programme-earnRules-${ruleIndex - 1}-remove`);

        // The reward is removed and saved; the list, the server and the storefront follow.
        await page.getByRole('button', { name: 'deneme-kahve ödülünü kaldır' }).click();
        await expect.poll(() => activeId(page)).toBe(`programme-rewards-${rewardIndex - 1}-remove`);
        await form.getByRole('button', { name: 'Kaydet' }).click();
        await form.getByText('Kaydedildi.').waitFor();
        expect((await merchant('GET', '/v1/merchant/programme')).body).toEqual(original);
        await page.waitForFunction(() => !document.querySelector('main .status'));
        expect(await axeViolations(page), 'programme editor').toEqual([]);
        session.expectClean();
      });
      await shopper.page.reload();
      await shopper.page.locator('sadakat-widget [part~="launcher"]').click();
      await shopper.page.locator('sadakat-widget [part~="reward"]').first().waitFor();
      // The boot copy kept in sessionStorage may paint the removed reward first; revalidation drops it.
      await shopper.page.locator('sadakat-widget [part~="reward"]', { hasText: rewardName }).waitFor({ state: 'detached' });
    } finally {
      await shopper.close();
      await merchant('PUT', '/v1/merchant/programme', original);
    }
  });
});

describe('accessibility of every screen', () => {
  for (const [locale, language, screens] of [
    ['tr', 'Türkçe', ['Raporlar', 'Program ayarları', 'Anket yanıtları', 'Değişiklik kaydı']],
    ['en', 'English', ['Reports', 'Programme settings', 'Survey answers', 'Change log']],
  ] as const) {
    it(`has zero axe violations (WCAG 2.2 AA) on sign-in and every screen, in ${locale}`, () =>
      withSession(async (session) => {
        const { page } = session;
        await page.goto(`${demo().url}/admin/`);
        await page.getByRole('button', { name: language }).click();
        await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(locale);
        expect(await axeViolations(page), `${locale} sign-in`).toEqual([]);
        await page.getByRole('button', { name: 'Türkçe' }).click();
        await signIn(page);
        await page.getByRole('button', { name: language }).click();
        for (const screen of screens) {
          await showScreen(page, screen);
          // Wait until the screen has finished loading before sweeping it.
          await page.waitForFunction(() => !document.querySelector('main .status'));
          expect(await axeViolations(page), `${locale} ${screen}`).toEqual([]);
        }
        // With field errors showing, too.
        await showScreen(page, screens[1]);
        await page.locator('#programme-rewards-0-cost').fill('-1');
        await page.locator('#programme').getByRole('button', { name: locale === 'tr' ? 'Kaydet' : 'Save' }).click();
        await page.locator('#programme-rewards-0-cost-error').waitFor();
        expect(await axeViolations(page), `${locale} programme with errors`).toEqual([]);
        await session.screenshot(`dashboard-programme-${locale}`);
        session.expectClean();
      }));
  }
});
