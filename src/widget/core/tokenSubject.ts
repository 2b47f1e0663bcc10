/**
 * Who a customer token names, read without verifying it: only to tell one shopper from another
 * (whose cached payload, outbox or panel state this is). The server verifies the token on every
 * request. `null` when the token is not a readable JWT or names no subject.
 */
export function tokenSubject(token: string | null | undefined): { iss: unknown; sub: string } | null {
  try {
    const binary = atob((token?.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))) as { iss?: unknown; sub?: unknown } | null;
    return typeof claims?.sub === 'string' && claims.sub ? { iss: claims.iss, sub: claims.sub } : null;
  } catch {
    return null;
  }
}
