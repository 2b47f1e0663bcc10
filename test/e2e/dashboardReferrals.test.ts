import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MyReferral, ReferralFunnel, ReportOrderResponse } from '../../src/contract';
import { mintCustomerToken } from '../../src/server/index';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, openSession } from './support/browser';
import { demo } from './support/demo';

// The merchant dashboard's referral screen on the demo: the funnel as a chart and a table with the
// API's figures, and a referral flagged by the velocity rule approved from the flagged list.

const AXE = readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');

/** axe over the whole dashboard page (WCAG 2.2 AA), one line per violation and node. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${JSON.stringify(n.target)}`));
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

async function api(method: 'GET' | 'POST', path: string, init: { body?: unknown; token?: string } = {}) {
  const response = await fetch(`${demo().url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${init.token ?? demo().shop.secretKey}`,
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  expect(response.ok, path).toBe(true);
  return response.json() as Promise<unknown>;
}

describe('the dashboard’s referral screen', () => {
  it('shows the funnel as chart and table, and approves a flagged referral', async () => {
    const { shop } = demo();
    const token = await mintCustomerToken({ shopId: shop.id, signingSecret: shop.signingSecret, customerId: 'mehmet', expiresInSeconds: 600 });
    const { code } = MyReferral.parse(await api('GET', `/v1/referral?shop=${shop.publishableKey}&origin=${encodeURIComponent(demo().url)}`, { token }));
    // Four friends' first orders from one IP within a week: the fourth is flagged (limit 3).
    let flaggedOrder = '';
    for (let i = 0; i < 4; i++) {
      const orderId = `E2E-REF-${Date.now()}-${i}`;
      const body = { orderId, customer: { id: `e2e-friend-${Date.now()}-${i}` }, amount: 300, currency: 'TRY', referralCode: code, context: { ip: '198.51.100.23' } };
      const { referral } = ReportOrderResponse.parse(await api('POST', '/v1/merchant/orders', { body }));
      if (referral?.state === 'flagged') flaggedOrder = orderId;
    }
    expect(flaggedOrder).not.toBe('');
    const funnel = ReferralFunnel.parse(await api('GET', '/v1/merchant/referrals/funnel'));

    const session = await openSession(browser);
    try {
      const { page } = session;
      await page.goto(`${demo().url}/admin/`);
      await page.getByLabel('Gizli anahtar').fill(shop.secretKey);
      await page.getByRole('button', { name: 'Giriş yap' }).click();
      const section = page.locator('#referrals');
      await section.getByRole('table', { name: 'Davet hunisi' }).waitFor();
      await section.locator('svg').first().waitFor();
      // The table's figures for the default range are the API's (the range ends today).
      const rows = await section.getByRole('table', { name: 'Davet hunisi' }).locator('tbody tr').allTextContents();
      expect(rows.length).toBe(7);
      const [from, to] = await page.locator('input[type="date"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
      const ranged = ReferralFunnel.parse(await api('GET', `/v1/merchant/referrals/funnel?from=${from}&to=${to}`));
      expect(ranged.firstOrders).toBeLessThanOrEqual(funnel.firstOrders);
      const figure = (n: number) => new Intl.NumberFormat('tr-TR', { maximumFractionDigits: 1 }).format(n);
      expect(rows[0]).toBe(`Bağlantıyı açan${figure(ranged.visits)}`);
      expect(rows[2]).toBe(`İlk sipariş${figure(ranged.firstOrders)}`);

      const flagged = section.getByRole('table', { name: 'İnceleme bekleyen davetler' });
      await flagged.waitFor();
      await flagged.getByRole('button', { name: `${flaggedOrder} siparişiyle gelen daveti onayla` }).click();
      await section.getByText('Davet onaylandı; puan davet edene geçti.').waitFor();
      await expect.poll(() => flagged.getByText(`#${flaggedOrder}`).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await session.screenshot('dashboard-referrals');
      session.expectClean();
    } finally {
      await session.close();
    }
  });
});
