import type { Context } from 'hono';
import { bearerToken, verifyCustomerToken, type CustomerClaims } from '../auth/customerToken';
import type { AppEnv } from './env';
import { ApiError } from './errors';

/** The verified shopper, or `null` for a guest. A present but invalid token is a 401, never a guest. */
export async function optionalCustomer(c: Context<AppEnv>): Promise<CustomerClaims | null> {
  const token = bearerToken(c.req.header('Authorization'));
  return token ? limited(c, await verifyCustomerToken(c.get('shop'), token, c.get('now')())) : null;
}

/** Counts the request against the verified customer's rate limit (never an unverified id). */
function limited(c: Context<AppEnv>, claims: CustomerClaims): CustomerClaims {
  c.get('limitCustomer')?.(claims.externalId);
  return claims;
}

export async function requireCustomer(c: Context<AppEnv>): Promise<CustomerClaims> {
  const claims = await optionalCustomer(c);
  if (!claims) throw new ApiError('unauthorized', 'The customer token is missing, invalid or expired.');
  return claims;
}

/**
 * The shopper for routes a beacon may call: `navigator.sendBeacon` cannot set headers, so the
 * token may come in the body instead. Both at once must agree. Verified exactly like the header.
 */
export async function optionalCustomerFromHeaderOrBody(c: Context<AppEnv>, bodyToken: string | undefined): Promise<CustomerClaims | null> {
  const headerToken = bearerToken(c.req.header('Authorization'));
  if (headerToken && bodyToken && headerToken !== bodyToken) {
    throw new ApiError('bad_request', 'The Authorization header and customerToken carry different tokens; send one.');
  }
  const token = headerToken ?? bodyToken;
  return token ? limited(c, await verifyCustomerToken(c.get('shop'), token, c.get('now')())) : null;
}
