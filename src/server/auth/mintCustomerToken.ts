import { SignJWT } from 'jose';

export interface MintCustomerTokenOptions {
  /** The shop's id (the token's `iss`). */
  shopId: string;
  /** The shop's signing secret. Keep it on your server; never send it to a browser. */
  signingSecret: string;
  /** Your own customer id (the token's `sub`). */
  customerId: string;
  email?: string;
  name?: string;
  /** @default 300 (five minutes; the widget asks for a fresh token when it expires) */
  expiresInSeconds?: number;
  /** @default now */
  issuedAt?: Date;
}

/**
 * Mints a customer token (HS256 JWT) on the shop's server, to be passed to the widget as
 * `data-customer-token` or `init({ customerToken })`.
 */
export async function mintCustomerToken(options: MintCustomerTokenOptions): Promise<string> {
  const claims: Record<string, string> = {};
  if (options.email) claims.email = options.email;
  if (options.name) claims.name = options.name;
  const issuedAt = Math.floor((options.issuedAt ?? new Date()).getTime() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(options.shopId)
    .setSubject(options.customerId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (options.expiresInSeconds ?? 300))
    .sign(new TextEncoder().encode(options.signingSecret));
}
