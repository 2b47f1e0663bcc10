import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createStorefrontApi } from '../../src/widget/app/api/storefront';
import { useBackend } from './support/backend';

// Reliability case T05 for writes: Prototype.js 1.6 adds `toJSON` to Array (and String), so a plain
// `JSON.stringify` writes any array as a quoted string. The redeem body keeps arrays out (D6), so it
// reaches the real server byte-identical to a clean page's, and the redemption happens exactly
// once; this guards that if the body ever grows an array. (Survey bodies, which carry arrays, go
// through survey/safeJson.ts.)

const suite = useBackend();
const patched = ['Array', 'String'] as const;
let token: string;
beforeAll(async () => {
  // Ayşe has 2.450 points on the seeded backend: enough for two 1.000-point redemptions.
  token = await suite.backend.tokenFor('ayse');
});
afterEach(() => uninstall());

/** What Prototype.js 1.6 installs (the String one returns a quoted string). */
const PROTOTYPE_JS = {
  Array(this: unknown[]) {
    return JSON.stringify([...this]);
  },
  String(this: string) {
    return JSON.stringify(String(this));
  },
};
const install = () => {
  for (const name of patched) (globalThis[name].prototype as { toJSON?: unknown }).toJSON = PROTOTYPE_JS[name];
};
const uninstall = () => {
  for (const name of patched) delete (globalThis[name].prototype as { toJSON?: unknown }).toJSON;
};

function clientRecordingBodies() {
  const bodies: string[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (typeof init?.body === 'string') bodies.push(init.body);
    // The server runs in this realm only because the test is in process: it gets clean built-ins,
    // as it would in its own process; the page's patches come back before the widget reads.
    const onPage = 'toJSON' in Array.prototype;
    uninstall();
    try {
      return await suite.backend.fetch(input, init);
    } finally {
      if (onPage) install();
    }
  }) as typeof fetch;
  const api = createStorefrontApi(() => ({ api: suite.backend.api, shop: suite.backend.shop.publishableKey, fetch: fetchFn, timeout: 5000, token }));
  return { api, bodies };
}

describe('on a page with Prototype.js 1.6', () => {
  it('sends the same redeem body as a clean page, and the server redeems once', async () => {
    const clean = clientRecordingBodies();
    expect((await clean.api.redeem('50-off', 1000, randomUUID())).ok).toBe(true);

    install();
    const onPrototype = clientRecordingBodies();
    const key = randomUUID();
    const first = await onPrototype.api.redeem('50-off', 1000, key);
    const replay = await onPrototype.api.redeem('50-off', 1000, key);
    expect(first.ok && replay.ok).toBe(true);
    if (first.ok && replay.ok) expect(replay.data.coupon.code).toBe(first.data.coupon.code);
    expect(onPrototype.bodies).toEqual([clean.bodies[0], clean.bodies[0]]);
  });
});
