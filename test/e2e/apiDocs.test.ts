import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, openSession } from './support/browser';
import { demo } from './support/demo';

// The API reference page (/v1/docs) in Chromium: styled by its own nonce'd stylesheet, with no
// CSP violation, no script and no request leaving the server.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('renders under its own strict CSP, styled, with nothing loaded from elsewhere', async () => {
  const session = await openSession(browser);
  const { page } = session;
  try {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${demo().url}/v1/docs`);
    await page.getByRole('heading', { level: 1, name: /Sadakat API/ }).waitFor();
    await page.locator('#redeem').scrollIntoViewIfNeeded();
    // The stylesheet applied: a method badge has its colour (a blocked <style> would leave none).
    expect(await page.locator('#redeem .method').evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(4, 120, 87)');
    expect(await page.locator('nav a').count()).toBeGreaterThan(20);
    await session.screenshot('api-reference');
    expect(requests.every((url) => url.startsWith(demo().url))).toBe(true);
    session.expectClean();
  } finally {
    await session.close();
  }
});
