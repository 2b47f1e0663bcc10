import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import { allowedOriginsOf, requireShop } from '../domain/shops';
import type { AppEnv } from './env';
import { ApiError } from './errors';

/** Resolves `?shop=<publishable key>` once per request for every storefront route. */
export const resolveShop = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.query('shop');
  if (!key) throw new ApiError('bad_request', 'The shop query parameter (publishable key) is required.');
  c.set('shop', await requireShop(c.get('db'), key));
  await next();
});

/**
 * CORS for the storefront API: only the shop's exact allow-listed origins, never a reflection of
 * whatever arrives, never `null`. Credentials are not needed: identity travels as a bearer token.
 * The token, not CORS, is the security boundary; this keeps the widget off unapproved sites.
 */
export const storefrontCors = cors({
  origin: (origin, c) => {
    const shop = c.get('shop') as AppEnv['Variables']['shop'] | undefined;
    if (!shop || !origin || origin === 'null') return null;
    return allowedOriginsOf(shop).includes(origin) ? origin : null;
  },
  allowMethods: ['GET', 'POST'],
  allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-None-Match'],
  exposeHeaders: ['ETag', 'Retry-After', 'X-Request-Id'],
  maxAge: 600,
});
