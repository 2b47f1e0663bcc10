import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ErrorEnvelope } from '../../src/contract';
import { createApp } from '../../src/server';
import { ensureCustomer } from '../../src/server/domain/customers';
import { appendLedgerEntry } from '../../src/server/domain/ledger';
import { createTestBackend, type TestBackend } from '../support/testBackend';

// Reliability cases T15, T20, T35–T37 against the real app and database: request shape limits,
// strict input, what errors and caches may reveal, CORS probes, client-sent customer ids, and a
// canary secret that must never reach a log line or a response.

let backend: TestBackend;
beforeAll(async () => {
  backend = await createTestBackend();
});
afterAll(() => backend.close());
afterEach(() => vi.restoreAllMocks());

const shopQuery = () => `shop=${backend.shop.publishableKey}`;
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

async function customerWith(points: number) {
  const externalId = `hd-${randomUUID()}`;
  await backend.db.kysely.transaction().execute(async (trx) => {
    const customer = await ensureCustomer(trx, backend.shop.id, { externalId }, new Date());
    await appendLedgerEntry(trx, { shopId: backend.shop.id, customerId: customer.id, delta: points, kind: 'adjustment', at: new Date() });
  });
  return { externalId, token: await backend.tokenFor(externalId) };
}

/** Only the envelope's keys, and none of the things a leak would show. */
function expectBareEnvelope(text: string) {
  const body = JSON.parse(text) as { error: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(['error']);
  for (const key of Object.keys(body.error)) expect(['code', 'message', 'requestId', 'fields']).toContain(key);
  expect(text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\/src\/|\.ts\b|sqlite|postgres|select |insert |kysely|hono|zod|v?\d+\.\d+\.\d+/i);
}

describe('request shape (T36)', () => {
  const surveyLimit = 32 * 1024;
  const padded = (size: number) => {
    const base = JSON.stringify({ surveyId: 'feedback', responseId: randomUUID(), answers: {}, note: '' });
    return base.replace('"note":""', `"note":"${'x'.repeat(size - base.length)}"`);
  };

  it('a body one byte over the limit is a 413 with the envelope; at the limit it reaches validation', async () => {
    const over = await backend.app.request(`/v1/survey-responses?${shopQuery()}`, json(padded(surveyLimit + 1)));
    expect(over.status).toBe(413);
    expectBareEnvelope(await over.text());
    expect(ErrorEnvelope.parse(await (await backend.app.request(`/v1/survey-responses?${shopQuery()}`, json(padded(surveyLimit + 1)))).json()).error.code).toBe('payload_too_large');
    const at = await backend.app.request(`/v1/survey-responses?${shopQuery()}`, json(padded(surveyLimit)));
    expect(at.status).toBe(400);
  });

  it('a chunked body without Content-Length is counted as it streams', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ rewardId: 'x'.repeat(40 * 1024) }));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 4096) controller.enqueue(bytes.slice(at, at + 4096));
        controller.close();
      },
    });
    const response = await backend.app.fetch(
      new Request(`http://api.test/v1/redemptions?${shopQuery()}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit),
    );
    expect(response.status).toBe(413);
  });

  it('a small Content-Length in front of a big chunked body does not get it through (CVE-2025-59139)', async () => {
    const big = JSON.stringify({ rewardId: 'x'.repeat(40 * 1024) });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const request = new Request(`http://api.test/v1/redemptions?${shopQuery()}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '10', 'Transfer-Encoding': 'chunked' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect((await backend.app.fetch(request)).status).toBe(413);
  });

  it.each([
    ['an unknown key', { rewardId: '50-off', customerId: 'someone-else' }],
    ['a __proto__ key', '{"rewardId":"50-off","__proto__":{"isAdmin":true}}'],
    ['a nested constructor.prototype', '{"rewardId":"50-off","x":{"constructor":{"prototype":{"isAdmin":true}}}}'],
    ['a number for a string', { rewardId: 50 }],
    ['7,000-deep nesting', `{"rewardId":"50-off","x":${'['.repeat(7_000)}${']'.repeat(7_000)}}`],
  ])('refuses %s with a 400 and changes nothing', async (_name, body) => {
    const { token } = await customerWith(5000);
    const response = await backend.app.request(
      `/v1/redemptions?${shopQuery()}`,
      json(body, { Authorization: `Bearer ${token}`, 'Idempotency-Key': randomUUID() }),
    );
    expect(response.status).toBe(400);
    expectBareEnvelope(await response.text());
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    const boot = await backend.app.request(`/v1/boot?${shopQuery()}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(((await boot.json()) as { customer: { balance: number } }).customer.balance).toBe(5000);
  });
});

describe('client-sent customer ids never choose the customer (T15)', () => {
  it('the token decides: customer-id headers are ignored', async () => {
    const a = await customerWith(111);
    const b = await customerWith(999);
    const response = await backend.app.request(`/v1/boot?${shopQuery()}`, {
      headers: { Authorization: `Bearer ${a.token}`, 'X-Customer-Id': b.externalId, 'X-Sadakat-Customer': b.externalId },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { customer: { balance: number } }).customer.balance).toBe(111);
  });

  it('a customer id in the query or the body is refused outright (strict input), never used', async () => {
    const a = await customerWith(111);
    const b = await customerWith(999);
    for (const name of ['customerId', 'customer', 'sub']) {
      const response = await backend.app.request(`/v1/boot?${shopQuery()}&${name}=${b.externalId}`, { headers: { Authorization: `Bearer ${a.token}` } });
      expect(response.status).toBe(400);
      expect(await response.text()).not.toContain('999');
    }
    const redeem = await backend.app.request(
      `/v1/redemptions?${shopQuery()}`,
      json({ rewardId: '50-off', customerId: b.externalId }, { Authorization: `Bearer ${a.token}`, 'Idempotency-Key': randomUUID() }),
    );
    expect(redeem.status).toBe(400);
  });

  it('no token with a customer id header is a guest, never that customer', async () => {
    const b = await customerWith(999);
    const response = await backend.app.request(`/v1/boot?${shopQuery()}`, { headers: { 'X-Customer-Id': b.externalId } });
    expect(((await response.json()) as { customer: unknown }).customer).toBeNull();
    const redeem = await backend.app.request(`/v1/redemptions?${shopQuery()}`, json({ rewardId: '50-off' }, { 'Idempotency-Key': randomUUID(), 'X-Customer-Id': b.externalId }));
    expect(redeem.status).toBe(401);
  });
});

describe('what errors and caches reveal (T37)', () => {
  it('a 401 reads the same for a customer who exists and one who does not', async () => {
    const existing = await customerWith(10);
    const wrongSecret = (sub: string) =>
      new SignJWT({ sub, iss: backend.shop.id })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode('another-secret-that-is-long-enough-0123456789'));
    const bodies = [];
    for (const sub of [existing.externalId, `nobody-${randomUUID()}`]) {
      const response = await backend.app.request(`/v1/boot?${shopQuery()}`, { headers: { Authorization: `Bearer ${await wrongSecret(sub)}` } });
      expect(response.status).toBe(401);
      const { error } = ErrorEnvelope.parse(await response.json());
      bodies.push({ code: error.code, message: error.message });
    }
    expect(bodies[0]).toEqual(bodies[1]);
  });

  it.each([
    ['unknown route', () => backend.app.request('/v1/nothing-here')],
    ['validation error', () => backend.app.request(`/v1/redemptions?${shopQuery()}`, json('{"rewardId":'))],
    ['missing token', () => backend.app.request(`/v1/activity?${shopQuery()}`)],
    ['unknown shop', () => backend.app.request('/v1/boot?shop=pk_test_doesnotexist00000')],
    ['bad merchant key', () => backend.app.request('/v1/merchant/programme', { headers: { Authorization: 'Bearer sk_test_aaaaaaaaaaaaaaaaaaaaaaaa' } })],
  ])('%s: the bare envelope, no server, framework or version headers', async (_name, send) => {
    const response = await send();
    expect(response.status).toBeGreaterThanOrEqual(400);
    expectBareEnvelope(await response.text());
    expect(response.headers.get('X-Powered-By')).toBeNull();
    expect(response.headers.get('Server')).toBeNull();
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('every response about a customer says private, no-store — errors included', async () => {
    const { token } = await customerWith(5000);
    const auth = { Authorization: `Bearer ${token}` };
    const responses = [
      await backend.app.request(`/v1/boot?${shopQuery()}`, { headers: auth }),
      await backend.app.request(`/v1/activity?${shopQuery()}`, { headers: auth }),
      await backend.app.request(`/v1/redemptions?${shopQuery()}`, json({ rewardId: '50-off' }, { ...auth, 'Idempotency-Key': randomUUID() })),
      await backend.app.request(`/v1/redemptions?${shopQuery()}`, json({ rewardId: 'no-such-reward' }, { ...auth, 'Idempotency-Key': randomUUID() })),
      await backend.app.request(`/v1/claims?${shopQuery()}`, json({ actionId: 'no-such-action' }, auth)),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 200, 201, 404, 400]);
    for (const response of responses) expect(`${response.status} ${response.headers.get('Cache-Control')}`).toMatch(/private, no-store$/);
  });
});

describe('CORS probes (T35)', () => {
  it.each([
    'https://shop.example.evil.example',
    'https://evilshop.example',
    'https://sub.shop.example',
    'http://shop.example',
    'https://shop.example:8443',
    'null',
    'https://SHOP.example ',
  ])('%s gets no Access-Control-Allow-Origin, on requests and preflights, and responses vary by Origin', async (origin) => {
    const request = await backend.app.request(`/v1/boot?${shopQuery()}`, { headers: { Origin: origin } });
    expect(request.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(request.headers.get('Vary')).toMatch(/Origin/);
    const preflight = await backend.app.request(`/v1/redemptions?${shopQuery()}`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,idempotency-key' },
    });
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(preflight.headers.get('Access-Control-Allow-Credentials')).toBeNull();
  });

  it('merchant routes answer no browser at all', async () => {
    const response = await backend.app.request('/v1/merchant/programme', {
      method: 'OPTIONS',
      headers: { Origin: backend.origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('secrets never logged (T20)', () => {
  it('a canary signing secret, secret key and customer token appear in no log line and no response, even when requests fail', async () => {
    const logged: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    }
    const app = createApp({ db: backend.db, log: (line) => logged.push(line), rateLimits: false });
    const { token } = await customerWith(5000);
    const canaries = [backend.shop.signingSecret, backend.shop.secretKey, token, token.split('.')[2]!];
    const seen: string[] = [];
    const send = async (path: string, init: RequestInit = {}) => {
      const response = await app.request(path, init);
      seen.push(JSON.stringify([...response.headers]), await response.text());
    };
    const merchant = { Authorization: `Bearer ${backend.shop.secretKey}` };
    await send(`/v1/boot?${shopQuery()}`, { headers: { Authorization: `Bearer ${token}` } });
    await send(`/v1/boot?${shopQuery()}`, { headers: { Authorization: `Bearer ${token}x` } });
    await send(`/v1/redemptions?${shopQuery()}`, json(`{"rewardId":"${backend.shop.signingSecret}"}`, { Authorization: `Bearer ${token}`, 'Idempotency-Key': randomUUID() }));
    await send('/v1/merchant/programme', { headers: merchant });
    await send('/v1/merchant/programme', { headers: { Authorization: `Bearer ${backend.shop.secretKey}0` } });
    // Now break the database under requests that carry every credential: the failures are logged.
    const programme = await backend.db.kysely.selectFrom('shops').select('programme').where('id', '=', backend.shop.id).executeTakeFirstOrThrow();
    await backend.db.kysely.updateTable('shops').set({ programme: '{"broken": ' }).where('id', '=', backend.shop.id).execute();
    try {
      await send(`/v1/boot?${shopQuery()}`, { headers: { Authorization: `Bearer ${token}` } });
      await send(`/v1/redemptions?${shopQuery()}`, json({ rewardId: '50-off' }, { Authorization: `Bearer ${token}`, 'Idempotency-Key': randomUUID() }));
      await send('/v1/merchant/programme', { headers: merchant });
    } finally {
      await backend.db.kysely.updateTable('shops').set({ programme: programme.programme }).where('id', '=', backend.shop.id).execute();
    }
    expect(logged.some((line) => /failed/.test(line)), 'the failures were logged').toBe(true);
    for (const canary of canaries) {
      expect(logged.filter((line) => line.includes(canary))).toEqual([]);
      expect(seen.filter((text) => text.includes(canary))).toEqual([]);
    }
  });
});
