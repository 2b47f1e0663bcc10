import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env';
import { ApiError } from './errors';

/**
 * Rate limits for the storefront API (reliability case T38, decision D21): token buckets per
 * client IP, per shop and per verified customer, for three classes of route. Redeeming and survey
 * answers are the strictest: they move points or store text.
 *
 * Kept in memory, per API instance, on purpose: a limit checked on every request must not cost a
 * database write on the boot path (the server's budget is ≥ 3,000 boots/s), and a limiter is
 * abuse control, not accounting — money-like correctness lives in the ledger's transactions and
 * idempotency keys, which hold across instances. With N instances behind a balancer the effective
 * limit is up to N× these figures; a shared store (the reserved migration 0008) is the upgrade
 * path when that matters. Buckets of idle keys are dropped, so memory stays bounded.
 */
export type RouteClass = 'read' | 'write' | 'strict';
export type Dimension = 'ip' | 'customer' | 'shop';

export interface Bucket {
  /** Requests that may arrive at once. */
  burst: number;
  /** Requests per second added back. */
  perSecond: number;
}

export type RateLimits = Record<RouteClass, Record<Dimension, Bucket>>;

export const DEFAULT_RATE_LIMITS: RateLimits = {
  read: { ip: { burst: 600, perSecond: 20 }, customer: { burst: 300, perSecond: 5 }, shop: { burst: 20_000, perSecond: 2_000 } },
  write: { ip: { burst: 120, perSecond: 2 }, customer: { burst: 60, perSecond: 1 }, shop: { burst: 5_000, perSecond: 200 } },
  // A survey saves each answer as the shopper goes, so ~20 saves a minute is a busy shopper, not abuse.
  strict: { ip: { burst: 60, perSecond: 1 }, customer: { burst: 30, perSecond: 0.5 }, shop: { burst: 1_000, perSecond: 50 } },
};

const MAX_KEYS = 100_000;

export interface RateLimiter {
  /** Takes one token for `key`; returns the seconds to wait when there is none. */
  take(routeClass: RouteClass, dimension: Dimension, key: string, now: number): number | null;
}

export function createRateLimiter(limits: RateLimits): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(routeClass, dimension, key, now) {
      const { burst, perSecond } = limits[routeClass][dimension];
      const id = `${routeClass}\u0000${dimension}\u0000${key}`;
      const bucket = buckets.get(id) ?? { tokens: burst, at: now };
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
      bucket.at = now;
      if (bucket.tokens < 1) {
        buckets.set(id, bucket);
        return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
      }
      bucket.tokens -= 1;
      // Map order is insertion order: re-inserting keeps the busiest keys, the oldest go first.
      buckets.delete(id);
      buckets.set(id, bucket);
      if (buckets.size > MAX_KEYS) buckets.delete(buckets.keys().next().value as string);
      return null;
    },
  };
}

/**
 * The client's address: the socket's peer, never a header a client can write. Behind a proxy,
 * pass `clientIp` to `createApp` (e.g. the last `X-Forwarded-For` hop your proxy appends).
 */
export function socketAddress(c: Context<AppEnv>): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

function refuse(c: Context<AppEnv>, seconds: number): never {
  c.header('Retry-After', String(seconds));
  throw new ApiError('rate_limited', `Too many requests; try again in ${seconds} s.`);
}

/** Per-IP and per-shop limits, before any work is done for the request. */
export function rateLimit(limiter: RateLimiter, routeClass: RouteClass, clientIp: (c: Context<AppEnv>) => string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const now = c.get('now')().getTime();
    const ip = limiter.take(routeClass, 'ip', clientIp(c), now);
    if (ip !== null) refuse(c, ip);
    const shop = limiter.take(routeClass, 'shop', c.get('shop').id, now);
    if (shop !== null) refuse(c, shop);
    c.set('limitCustomer', (externalId: string) => {
      const wait = limiter.take(routeClass, 'customer', `${c.get('shop').id}\u0000${externalId}`, c.get('now')().getTime());
      if (wait !== null) refuse(c, wait);
    });
    await next();
  });
}

/** Which limits each storefront route falls under. */
export const STOREFRONT_ROUTE_CLASSES: ReadonlyArray<readonly [path: string, routeClass: RouteClass]> = [
  ['/v1/boot', 'read'],
  ['/v1/activity', 'read'],
  ['/v1/claims', 'write'],
  ['/v1/survey-impressions', 'write'],
  ['/v1/survey-dismissals', 'write'],
  ['/v1/redemptions', 'strict'],
  ['/v1/survey-responses', 'strict'],
  // The referral programme: a claim hands out a discount code, so it is the strictest.
  ['/v1/referral', 'read'],
  ['/v1/referral-codes/*', 'read'],
  ['/v1/referral-visits', 'write'],
  ['/v1/referral-claims', 'strict'],
];
