import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { demo } from './demo';

// Helpers for the merchant dashboard suites: the shop's server API (secret key), sign-in, axe.

const AXE = readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');

/** Calls the merchant API of the running demo with the shop's secret key, as the shop's server would. */
export async function merchant(method: 'GET' | 'PUT', path: string, body?: unknown) {
  const response = await fetch(`${demo().url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${demo().shop.secretKey}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** Signs in with the secret key typed into the form, and waits for the first report. */
export async function signIn(page: Page) {
  await page.goto(`${demo().url}/admin/`);
  await page.getByLabel('Gizli anahtar').fill(demo().shop.secretKey);
  await page.getByRole('button', { name: 'Giriş yap' }).click();
  await page.getByRole('table', { name: 'Müşteri tutma oranı' }).waitFor();
}

/** WCAG 2.2 AA violations on the page as it is now (axe evaluated over CDP, outside the page's CSP). */
export async function axeViolations(page: Page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}
