import { randomUUID } from 'node:crypto';
import { expect, inject } from 'vitest';

/** What the e2e global setup hands every test file about the running demo. */
export interface DemoInfo {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  /** The demo's SQLite file, opened by tests to check figures independently of the widget. */
  databaseUrl: string;
  /** The shop's keys and signing secret, as `.data/demo-shop.json` holds them (tests only). */
  shop: { id: string; publishableKey: string; signingSecret: string; secretKey: string };
  shoppers: Array<{ id: string; name: string; email: string }>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    demo: DemoInfo;
  }
}

export function demo(): DemoInfo {
  return inject('demo');
}

/** Gives the shopper the points a test is about to spend, so the demo's balances stay as seeded for the other suites. */
export async function topUp(customerId: string, points: number) {
  const { url, shop } = demo();
  const response = await fetch(`${url}/v1/merchant/customers/${customerId}/adjustments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${shop.secretKey}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: JSON.stringify({ points, reason: 'e2e' }),
  });
  expect(response.status).toBeLessThan(300);
}
