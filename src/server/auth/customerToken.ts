import { createSecretKey, type KeyObject } from 'node:crypto';
import { jwtVerify } from 'jose';
import type { ShopRow } from '../db/schema';
import { ApiError } from '../http/errors';

export interface CustomerClaims {
  externalId: string;
  email: string | null;
  name: string | null;
}

/** Tokens are meant to live minutes; anything issued more than a day ago is refused outright. */
const MAX_TOKEN_AGE_SECONDS = 24 * 60 * 60;
const CLOCK_TOLERANCE_SECONDS = 60;

// Importing the HMAC key on every request was measurable under load; keys are cached per secret.
const keys = new Map<string, KeyObject>();
function signingKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size > 1000) keys.clear();
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

function optionalClaim(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= max ? value : null;
}

/**
 * Verifies a customer token for one shop. Every failure (malformed, `alg: none`, forged, expired,
 * future-dated, another shop's) gets the same generic 401, so the response teaches an attacker
 * nothing. The customer is taken only from the verified `sub`.
 */
export async function verifyCustomerToken(shop: ShopRow, token: string, now: Date): Promise<CustomerClaims> {
  try {
    const { payload } = await jwtVerify(token, signingKey(shop.signing_secret), {
      algorithms: ['HS256'],
      issuer: shop.id,
      requiredClaims: ['sub', 'exp', 'iat'],
      maxTokenAge: MAX_TOKEN_AGE_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: now,
    });
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const sub = payload.sub;
    if (typeof payload.iat !== 'number' || payload.iat > nowSeconds + CLOCK_TOLERANCE_SECONDS) throw new Error('iat in the future');
    if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) throw new Error('bad sub');
    return { externalId: sub, email: optionalClaim(payload.email, 320), name: optionalClaim(payload.name, 200) };
  } catch {
    throw new ApiError('unauthorized', 'The customer token is missing, invalid or expired.');
  }
}

/** Reads `Authorization: Bearer <token>`; `null` when absent (a guest). */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match?.[1]) throw new ApiError('unauthorized', 'The customer token is missing, invalid or expired.');
  return match[1];
}
