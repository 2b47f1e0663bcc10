import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
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

const ALLOW_METHODS = 'GET,POST';
const ALLOW_HEADERS = 'Authorization,Content-Type,Idempotency-Key,If-None-Match';
const EXPOSE_HEADERS = 'ETag,Retry-After,X-Request-Id';

/**
 * CORS for the storefront API: only the shop's exact allow-listed origins, never a reflection of
 * whatever arrives, never `null`. Credentials are not needed: identity travels as a bearer token.
 * The token, not CORS, is the security boundary; this keeps the widget off unapproved sites.
 *
 * Every header is set before the route runs, so it rides on the response the route builds. Hono's
 * `cors()` touches `c.res` before the route and adds `Vary` after it, which makes the Node adapter
 * build and copy a full Fetch `Response` twice per request: about a fifth of a boot's CPU time.
 */
export const storefrontCors = createMiddleware<AppEnv>(async (c, next) => {
  const origin = c.req.header('origin');
  const shop = c.get('shop') as AppEnv['Variables']['shop'] | undefined;
  const allowed = shop && origin && origin !== 'null' && allowedOriginsOf(shop).includes(origin) ? origin : null;
  if (allowed) c.header('Access-Control-Allow-Origin', allowed);
  c.header('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  c.header('Vary', 'Origin', { append: true });
  if (c.req.method === 'OPTIONS') {
    c.header('Access-Control-Max-Age', '600');
    c.header('Access-Control-Allow-Methods', ALLOW_METHODS);
    c.header('Access-Control-Allow-Headers', ALLOW_HEADERS);
    c.header('Vary', 'Access-Control-Request-Headers', { append: true });
    return c.body(null, 204);
  }
  await next();
});

/**
 * Hono's `bodyLimit()` for the methods that carry a body. On a GET it would read `c.req.raw.body`,
 * which makes the Node adapter build a full Fetch `Request` for nothing: a GET's body is never read.
 */
export function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({ maxSize });
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS' ? next() : limit(c, next));
}
