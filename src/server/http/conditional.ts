import { etag, RETAINED_304_HEADERS } from 'hono/etag';

/**
 * Conditional GETs for the boot payload: a weak ETag (SHA-1 of the body) on every 200, and a
 * bodiless 304 when `If-None-Match` names it. The widget keeps the payload in sessionStorage and
 * revalidates it in the background on the next page view; a CDN holding the guest payload
 * (`public, no-cache`) revalidates the same way, so a merchant's edit shows on the next page view.
 *
 * The 304 keeps the CORS headers of the 200 it stands for: without them the browser would refuse
 * the cross-origin answer and the widget could never use its cached copy.
 */
export const conditionalGet = etag({
  weak: true,
  retainedHeaders: [...RETAINED_304_HEADERS, 'access-control-allow-origin', 'access-control-expose-headers', 'x-request-id'],
});
