import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorEnvelope } from '../../src/contract';
import { createApp } from '../../src/server';
import { ensureCustomer } from '../../src/server/domain/customers';
import { appendLedgerEntry, ledgerSum } from '../../src/server/domain/ledger';
import type { AppEnv } from '../../src/server/http/env';
import { createRateLimiter, DEFAULT_RATE_LIMITS, type RateLimits } from '../../src/server/http/rateLimit';
import { createTestBackend, type TestBackend } from '../support/testBackend';

// Reliability case T38 (rate limits): per IP, per customer and per shop, stricter for redeeming and
// survey answers, 429 with Retry-After, no side effects for a refused request, and a forwarded-for
// header cannot buy a fresh bucket. Against the real app and database; the clock is the app's own.

let backend: TestBackend;
let clock = new Date('2026-11-23T12:00:00Z');
beforeAll(async () => {
  backend = await createTestBackend({ now: () => clock });
});
afterAll(() => backend.close());

const small: RateLimits = {
  read: { ip: { burst: 5, perSecond: 1 }, customer: { burst: 3, perSecond: 1 }, shop: { burst: 100, perSecond: 10 } },
  write: { ip: { burst: 5, perSecond: 1 }, customer: { burst: 5, perSecond: 1 }, shop: { burst: 100, perSecond: 10 } },
  strict: { ip: { burst: 100, perSecond: 1 }, customer: { burst: 2, perSecond: 0.1 }, shop: { burst: 100, perSecond: 10 } },
};

/** The app under test: the real one, with the given limits and the client IP from a test header. */
function appWith(limits: RateLimits, clientIp: (c: Context<AppEnv>) => string = (c) => c.req.header('x-test-peer') ?? 'peer-1') {
  return createApp({ db: backend.db, now: () => clock, log: () => {}, rateLimits: limits, clientIp });
}

const boot = (app: ReturnType<typeof appWith>, headers: Record<string, string> = {}) =>
  app.request(`/v1/boot?shop=${backend.shop.publishableKey}`, { headers: { Origin: backend.origin, ...headers } });

async function customerWith(points: number) {
  const externalId = `rl-${randomUUID()}`;
  const customerId = await backend.db.kysely.transaction().execute(async (trx) => {
    const customer = await ensureCustomer(trx, backend.shop.id, { externalId }, clock);
    await appendLedgerEntry(trx, { shopId: backend.shop.id, customerId: customer.id, delta: points, kind: 'adjustment', at: clock });
    return customer.id;
  });
  return { customerId, token: await backend.tokenFor(externalId) };
}

describe('rate limits', () => {
  it('per IP: 429 with Retry-After and the error envelope, readable cross-origin; a new second brings a token back', async () => {
    const app = appWith(small);
    for (let i = 0; i < 5; i++) expect((await boot(app)).status).toBe(200);
    const refused = await boot(app);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('1');
    expect(refused.headers.get('Access-Control-Allow-Origin')).toBe(backend.origin);
    expect(ErrorEnvelope.parse(await refused.json()).error.code).toBe('rate_limited');
    // Another client is not affected.
    expect((await boot(app, { 'x-test-peer': 'peer-2' })).status).toBe(200);
    clock = new Date(clock.getTime() + 1000);
    expect((await boot(app)).status).toBe(200);
    expect((await boot(app)).status).toBe(429);
  });

  it('a spoofed X-Forwarded-For does not buy a fresh bucket (the socket address is used by default)', async () => {
    const app = createApp({ db: backend.db, now: () => clock, log: () => {}, rateLimits: small });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await boot(app, { 'X-Forwarded-For': `203.0.113.${i}`, 'X-Real-IP': `198.51.100.${i}` })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
  });

  it('per customer: one shopper over the limit from many IPs is refused; others are not', async () => {
    const app = appWith(small);
    const { token } = await customerWith(0);
    const other = await customerWith(0);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await boot(app, { Authorization: `Bearer ${token}`, 'x-test-peer': `ip-${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await boot(app, { Authorization: `Bearer ${other.token}`, 'x-test-peer': 'ip-9' })).status).toBe(200);
  });

  it('per shop: a shop over its limit is refused whatever the IP', async () => {
    const app = appWith({ ...small, read: { ...small.read, shop: { burst: 3, perSecond: 0.01 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await boot(app, { 'x-test-peer': `shop-ip-${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number((await boot(app, { 'x-test-peer': 'x' })).headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
  });

  it('redeeming is stricter, and a refused redemption moves no points', async () => {
    const app = appWith(small);
    const { customerId, token } = await customerWith(5000);
    const redeem = () =>
      app.request(`/v1/redemptions?shop=${backend.shop.publishableKey}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify({ rewardId: '50-off' }),
      });
    const statuses = [(await redeem()).status, (await redeem()).status];
    const refused = await redeem();
    expect(statuses).toEqual([201, 201]);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('10');
    expect(await ledgerSum(backend.db.kysely, backend.shop.id, customerId)).toBe(5000 - 2 * 1000);
    // The same shopper may still read (a different class of route).
    expect((await boot(app, { Authorization: `Bearer ${token}` })).status).toBe(200);
  });

  it('the defaults are strictest for redeem and survey answers', () => {
    for (const dimension of ['ip', 'customer', 'shop'] as const) {
      expect(DEFAULT_RATE_LIMITS.strict[dimension].burst).toBeLessThan(DEFAULT_RATE_LIMITS.write[dimension].burst);
      expect(DEFAULT_RATE_LIMITS.write[dimension].burst).toBeLessThan(DEFAULT_RATE_LIMITS.read[dimension].burst);
    }
  });

  it('are on by default', async () => {
    const app = createApp({ db: backend.db, now: () => clock, log: () => {} });
    let status = 200;
    for (let i = 0; i <= DEFAULT_RATE_LIMITS.read.ip.burst && status === 200; i++) status = (await boot(app)).status;
    expect(status).toBe(429);
  });

  it('keeps memory bounded: idle keys are dropped first', () => {
    const limiter = createRateLimiter(small);
    for (let i = 0; i < 100_050; i++) limiter.take('read', 'ip', `ip-${i}`, 0);
    // The oldest key was dropped, so it has a full bucket again; a recent one is still counted.
    for (let i = 0; i < 4; i++) limiter.take('read', 'ip', 'ip-100049', 0);
    expect(limiter.take('read', 'ip', 'ip-100049', 0)).toBe(1);
    expect(limiter.take('read', 'ip', 'ip-0', 0)).toBeNull();
  });
});
