import { tokenSubject } from '../../core/tokenSubject';

/** A v4 UUID: `crypto.randomUUID` where it exists (secure contexts), else from `getRandomValues`. */
export function uuid(crypto: Crypto): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** FNV-1a, 32 bits, base 36: a short, stable, non-reversible-at-a-glance name for a customer. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * Whose data a storage key holds: `g` for guests, `c<hash>` for a signed-in shopper, from the
 * token's issuer and subject (the customer, stable across the short-lived tokens a shop mints).
 * Core's `logout()` removes every `c…` key of the shop.
 */
export function identityOf(token: string | null): string {
  if (!token) return 'g';
  const subject = tokenSubject(token);
  // Not a JWT we can read: the token itself (stable for this page at least).
  return `c${hash(subject ? `${String(subject.iss)}:${subject.sub}` : token)}`;
}
