import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A random string over an unambiguous alphabet (no 0/O, 1/l/I), from a CSPRNG. */
export function randomToken(length: number, alphabet = ALPHABET): string {
  // Rejection sampling keeps every symbol equally likely.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

export function hashSecretKey(secretKey: string): string {
  return createHash('sha256').update(secretKey).digest('hex');
}

export interface ShopCredentials {
  publishableKey: string;
  secretKey: string;
  signingSecret: string;
}

/** Fresh credentials for a shop. The secret key is shown once; only its hash is stored. */
export function generateShopCredentials(environment: 'live' | 'test' | 'demo'): ShopCredentials {
  return {
    publishableKey: `pk_${environment}_${randomToken(24)}`,
    secretKey: `sk_${environment}_${randomToken(40)}`,
    signingSecret: randomToken(48),
  };
}
