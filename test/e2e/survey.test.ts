import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/index';
import { launchBrowser, openSession, type Session } from './support/browser';
import { demo } from './support/demo';

// The post-purchase survey as a shopper meets it on the demo's thank-you page: the built widget,
// the real API and SQLite file, Debian's Chromium, the shop's strict CSP. "Nothing is lost" is
// checked in the database itself: exactly one stored response, with every answer; accessibility
// with axe-core at each step.

const SURVEY = 'post-purchase-nps';
const card = (page: Page) => page.locator('sadakat-widget section[part~="survey"]');
const panel = (page: Page) => page.locator('sadakat-widget [part~="panel"]');
/** Chromium's own console lines for requests that fail while offline. */
const OFFLINE_NOISE = [/ERR_INTERNET_DISCONNECTED/, /Failed to load resource/];

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

/** Checks out one bag of coffee the way the checkout form posts it; returns the order id. */
async function placeOrder(session: Session): Promise<string> {
  const { url } = demo();
  const response = await session.context.request.post(`${url}/siparis`, {
    form: {
      items: JSON.stringify([{ slug: 'kolombiya-huila', qty: 1 }]),
      name: 'Deniz Kaya',
      email: 'deniz.kaya@example.com',
      address: 'Caferağa Mah. Moda Cad. No: 1/3, Kadıköy',
      city: 'İstanbul',
    },
    headers: { Origin: url },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  return decodeURIComponent(response.headers().location!.split('/').pop()!);
}

/** The stored responses for one order, straight from the demo's database. */
async function stored(orderId: string) {
  const db = await openDatabase(demo().databaseUrl);
  try {
    const rows = await db.kysely
      .selectFrom('survey_responses')
      .select(['id', 'status', 'answers', 'order_id'])
      .where('shop_id', '=', demo().shop.id)
      .where('survey_id', '=', SURVEY)
      .where('order_id', '=', orderId)
      .execute();
    return rows.map((row) => ({ ...row, answers: JSON.parse(row.answers) as Record<string, unknown> }));
  } finally {
    await db.close();
  }
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 8000): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.2 A/AA rules on the widget (its shadow root included); returns the violations. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
    const result = await axe.run({ include: [['sadakat-widget']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  });
}

/** Where focus is inside the widget's shadow root. */
const focusInWidget = (page: Page) =>
  page.evaluate(() => {
    const active = document.querySelector('sadakat-widget')?.shadowRoot?.activeElement;
    return active ? { role: active.getAttribute('role'), text: (active.textContent ?? '').trim(), inSurvey: !!active.closest('[part~="survey"]') } : null;
  });

describe('the post-purchase survey on the thank-you page', () => {
  it('answered offline, reloaded, back online: exactly one stored response with all answers', () =>
    withSession({}, async (session) => {
      const { page, context } = session;
      const orderId = await placeOrder(session);
      await page.goto(`${demo().url}/siparis/${encodeURIComponent(orderId)}`);
      await card(page).waitFor({ state: 'visible' });
      await card(page).getByRole('radiogroup').waitFor();
      await session.screenshot('survey-card-question');
      expect(await axeViolations(page)).toEqual([]);

      await context.setOffline(true);
      await card(page).getByRole('radio', { name: '3', exact: true }).click();
      await card(page).getByRole('button', { name: 'İleri' }).click();
      await card(page).getByRole('textbox').fill('Kahve bayattı, paket ezikti.');
      await session.screenshot('survey-card-text');
      expect(await axeViolations(page)).toEqual([]);
      await card(page).getByRole('button', { name: 'Gönder' }).click();
      await card(page).getByRole('heading', { name: 'Teşekkürler!' }).waitFor();
      await card(page).getByText('Yanıtların bu cihazda saklandı; bağlantı gelince gönderilecek.').waitFor();
      await session.screenshot('survey-card-offline-thanks');
      expect(await stored(orderId)).toEqual([]);

      // Offline, the reload itself fails (Chromium's error page); then the connection returns.
      await page.reload().catch(() => undefined);
      await context.setOffline(false);
      await page.goto(`${demo().url}/siparis/${encodeURIComponent(orderId)}`);

      const rows = await eventually(() => stored(orderId), (r) => r.length > 0 && r[0]!.status === 'completed');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'completed', answers: { nps: 3, 'what-went-wrong': 'Kahve bayattı, paket ezikti.' } });
      // The outbox is empty, and this order is not asked again.
      await page.waitForFunction(() => !Object.keys(localStorage).some((key) => key.endsWith('.outbox')));
      await page.waitForTimeout(300);
      expect(await card(page).count()).toBe(0);
      expect(await stored(orderId)).toHaveLength(1);

      // And the merchant sees it in the results API.
      const results = await context.request.get(`${demo().url}/v1/merchant/surveys/${SURVEY}/results?status=completed&limit=100`, {
        headers: { Authorization: `Bearer ${demo().shop.secretKey}` },
      });
      expect(results.status()).toBe(200);
      const body = (await results.json()) as { textAnswers: { items: Array<{ responseId: string; value: string }> } };
      expect(body.textAnswers.items.filter((item) => item.responseId === rows[0]!.id).map((item) => item.value)).toEqual(['Kahve bayattı, paket ezikti.']);
      session.expectClean({ allowConsole: OFFLINE_NOISE });
    }));

  it('leaving the page right after answering: the pagehide beacon delivers it, once', () =>
    withSession({}, async (session) => {
      const { page } = session;
      const orderId = await placeOrder(session);
      await page.goto(`${demo().url}/siparis/${encodeURIComponent(orderId)}`);
      await card(page).getByRole('radio', { name: '5', exact: true }).click();
      await card(page).getByRole('button', { name: 'İleri' }).click();
      await card(page).getByRole('textbox').fill('Kargo çok yavaştı.');
      // No Send: straight to a page without the widget, so only the pagehide delivery can carry it.
      await page.goto(`${demo().url}/static/store.css`);

      const rows = await eventually(() => stored(orderId), (r) => r.length > 0 && 'what-went-wrong' in r[0]!.answers);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'partial', answers: { nps: 5, 'what-went-wrong': 'Kargo çok yavaştı.' } });
      session.expectClean();
    }));

  it('can be completed with the keyboard alone, and the referral button opens the panel', () =>
    withSession({ shopper: 'mehmet' }, async (session) => {
      const { page } = session;
      const orderId = await placeOrder(session);
      await page.goto(`${demo().url}/siparis/${encodeURIComponent(orderId)}`);
      await card(page).getByRole('radiogroup').waitFor();

      // Tab from the top of the page until the survey's rating group has focus.
      let focus = await focusInWidget(page);
      for (let i = 0; i < 80 && focus?.role !== 'radio'; i++) {
        await page.keyboard.press('Tab');
        focus = await focusInWidget(page);
      }
      expect(focus).toMatchObject({ role: 'radio', text: '0', inSurvey: true });
      for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
      expect(await focusInWidget(page)).toMatchObject({ role: 'radio', text: '9' });
      await page.keyboard.press('Tab');
      expect(await focusInWidget(page)).toMatchObject({ text: 'Gönder' });
      await page.keyboard.press('Enter');

      await card(page).getByRole('heading', { name: 'Teşekkürler!' }).waitFor();
      expect(await focusInWidget(page)).toMatchObject({ text: 'Teşekkürler!' });
      // Mehmet is signed in and the demo shop reported the order when it was placed, so the
      // points are credited at once (waiting for a later order report: test/server/surveyRewards.test.ts).
      await card(page).getByText('50 puan hesabına eklendi.').waitFor();
      await session.screenshot('survey-card-thanks-promoter');
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Tab');
      expect(await focusInWidget(page)).toMatchObject({ text: 'Arkadaşını davet et' });
      await page.keyboard.press('Enter');
      await panel(page).waitFor({ state: 'visible' });
      await panel(page).getByRole('heading', { name: 'Arkadaşını davet et' }).waitFor();
      await page.keyboard.press('Escape');
      await panel(page).waitFor({ state: 'hidden' });

      const rows = await eventually(() => stored(orderId), (r) => r[0]?.status === 'completed');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'completed', answers: { nps: 9 } });
      session.expectClean();
    }));

  it('stays on screen on a phone, and the same survey works inside the panel', () =>
    withSession({ viewport: { width: 390, height: 740 } }, async (session) => {
      const { page } = session;
      const orderId = await placeOrder(session);
      await page.goto(`${demo().url}/siparis/${encodeURIComponent(orderId)}`);
      await card(page).getByRole('radiogroup').waitFor();
      const box = (await card(page).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      const launcher = (await page.locator('sadakat-widget [part~="launcher"]').boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(launcher.y);
      // Placed by CSS: 12px above the launcher, kept 8px inside the viewport's edges.
      expect(launcher.y - (box.y + box.height)).toBeCloseTo(12, 0);
      expect(box.x).toBeCloseTo(8, 0);
      await session.screenshot('survey-card-phone');

      // The exit-intent CSAT, asked from the panel's survey view.
      await page.setViewportSize({ width: 1280, height: 860 });
      await page.goto(`${demo().url}/`);
      await page.locator('sadakat-widget [part~="launcher"]').waitFor();
      await page.evaluate(() => (window as unknown as { Sadakat: { open(view: string): void } }).Sadakat.open('survey'));
      await panel(page).getByRole('radiogroup', { name: 'Aradığını kolayca bulabildin mi?' }).waitFor();
      await panel(page).getByRole('radio', { name: 'Memnunum', exact: true }).click();
      await session.screenshot('survey-panel');
      expect(await axeViolations(page)).toEqual([]);
      session.expectClean();
    }));
});
