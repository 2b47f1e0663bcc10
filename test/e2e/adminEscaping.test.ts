import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintCustomerToken } from '../../src/server/index';
import { signIn } from './support/admin';
import { launchBrowser, openSession } from './support/browser';
import { demo } from './support/demo';

// T34, stored XSS: a shopper types markup, a script, a formula and a bidi override into a survey's
// free-text answer through the real storefront API. The merchant opens the dashboard's answers
// screen: the text is shown literally, no element of it exists, nothing ran.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const HOSTILE = `<img src=x onerror="window.xssRan=1"><script>window.xssRan=2</script></td><b>kalın</b> =HYPERLINK("http://evil.example","x") \u202Egnp.exe`;

describe('shopper text in the merchant dashboard (T34)', () => {
  it('a hostile free-text answer is shown as text in the answers table; no element of it exists and nothing runs', async () => {
    const { url, shop } = demo();
    const token = await mintCustomerToken({ shopId: shop.id, signingSecret: shop.signingSecret, customerId: 'mehmet' });
    const response = await fetch(`${url}/v1/survey-responses?shop=${shop.publishableKey}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        responseId: randomUUID(),
        surveyId: 'post-purchase-nps',
        orderId: `KRV-T34-${Date.now()}`,
        answers: [
          { questionId: 'nps', value: 2 },
          { questionId: 'what-went-wrong', value: HOSTILE },
        ],
        completed: true,
        locale: 'tr',
      }),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);

    const session = await openSession(browser);
    const { page } = session;
    try {
      await signIn(page);
      await page.getByRole('navigation', { name: 'Ekranlar' }).getByRole('button', { name: 'Anket yanıtları' }).click();
      await page.getByLabel('Anket', { exact: true }).selectOption('post-purchase-nps');
      await page.getByLabel('Soru', { exact: true }).selectOption('what-went-wrong');
      await page.getByRole('button', { name: 'Filtrele' }).click();
      const table = page.getByRole('table', { name: 'Anket yanıtları' });
      const cell = table.locator('td', { hasText: 'window.xssRan=2' });
      await cell.first().waitFor();
      expect(await cell.first().textContent()).toContain(HOSTILE);
      expect(await table.locator('img, script, b').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { xssRan?: number }).xssRan)).toBeUndefined();
      session.expectClean();
    } finally {
      await session.close();
    }
  });
});
