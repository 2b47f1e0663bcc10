import { createMiddleware } from 'hono/factory';
import { hashSecretKey } from '../auth/secrets';
import type { AppEnv } from './env';
import { ApiError } from './errors';

const SECRET_KEY = /^Bearer\s+(sk_[a-z]+_[A-Za-z0-9]{20,100})$/i;

/**
 * Server-to-server routes: `Authorization: Bearer sk_…`, matched by its SHA-256 against
 * `shops.secret_key_hash` (the key itself is never stored). Every failure is the same bare 401.
 * No CORS here on purpose: a secret key has no business in a browser.
 */
export const requireMerchant = createMiddleware<AppEnv>(async (c, next) => {
  const key = SECRET_KEY.exec(c.req.header('Authorization')?.trim() ?? '')?.[1];
  const shop = key
    ? await c.get('db').kysely.selectFrom('shops').selectAll().where('secret_key_hash', '=', hashSecretKey(key)).executeTakeFirst()
    : undefined;
  if (!shop) throw new ApiError('unauthorized', 'Unauthorized.');
  c.set('shop', shop);
  c.header('Cache-Control', 'private, no-store');
  await next();
});
