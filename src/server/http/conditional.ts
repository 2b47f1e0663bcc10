import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/**
 * Conditional GETs for the boot payload: a weak ETag (SHA-1 of the JSON text) on every 200, and a
 * bodiless 304 when `If-None-Match` names it. The widget keeps the payload in sessionStorage and
 * revalidates it in the background on the next page view; a CDN holding the guest payload
 * (`public, no-cache`) revalidates the same way, so a merchant's edit shows on the next page view.
 *
 * Hashed synchronously over the text the route already has (no response clone, no Web Crypto
 * round trip through the thread pool). Headers set on the context before (CORS, Cache-Control,
 * Vary) are on the 304 too: without CORS headers the browser would refuse the answer and the
 * widget could never use its copy.
 */
export function etagged(body: unknown): { text: string; etag: string } {
  const text = JSON.stringify(body);
  return { text, etag: `W/"${createHash('sha1').update(text).digest('base64url')}"` };
}

export function respondWithEtag(c: Context, { text, etag }: { text: string; etag: string }): Response {
  c.header('ETag', etag);
  if (matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
  c.header('Content-Type', 'application/json');
  return c.body(text, 200);
}

/** Weak comparison (RFC 9110 §13.1.2): `W/` prefixes are ignored; `*` matches anything. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}
