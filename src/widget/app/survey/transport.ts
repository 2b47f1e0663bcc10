import { ErrorCode } from '../../../contract/errors';
import type { Connection } from '../../core/appContext';
import type { Delivery } from './outbox';
import { stringify } from './safeJson';

/** Browsers allow 64 kB of `keepalive` bodies in flight per page; stay under it. */
const KEEPALIVE_BUDGET = 60_000;

export type Send = (path: string, body: Record<string, unknown>, options: { token: string | null; unloading: boolean }) => Promise<Delivery>;

/**
 * Posts survey bodies the way `navigator.sendBeacon` would: `text/plain` JSON, the customer token
 * in the body, no custom header. That makes every survey request a CORS "simple" request (no
 * preflight), and lets one format serve normal saves, `fetch(…, { keepalive: true })` (which
 * outlives a navigation) and beacons when the page goes away. Never throws.
 */
export function createTransport(connection: () => Connection, win: Window): Send {
  let keepaliveBytes = 0;
  return async (path, body, { token, unloading }) => {
    const { api, shop, fetch: fetchFn, timeout } = connection();
    const url = new URL(path.slice(1), api.endsWith('/') ? api : `${api}/`);
    url.search = new URLSearchParams({ shop }).toString();
    const text = stringify(token ? { ...body, customerToken: token } : body);

    // Leaving: a beacon is queued by the browser itself and immune to a page that wrapped fetch.
    // There is no reply, so the item stays in the outbox and the next page load confirms it.
    if (unloading) {
      try {
        if (typeof win.navigator.sendBeacon === 'function' && win.navigator.sendBeacon(url.href, text)) return { status: 'retry', code: 'beacon' };
      } catch {
        // Fall through to keepalive fetch.
      }
    }

    const keepalive = keepaliveBytes + text.length <= KEEPALIVE_BUDGET;
    if (keepalive) keepaliveBytes += text.length;
    const controller = new AbortController();
    let timedOut = false;
    const timer = unloading
      ? null
      : win.setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeout);
    try {
      const response = await fetchFn(url.href, {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        body: text,
        credentials: 'omit',
        keepalive,
        signal: controller.signal,
      });
      let json: unknown = null;
      try {
        json = await response.json();
      } catch {
        json = null;
      }
      if (response.ok) return { status: 'delivered', json };
      const parsed = ErrorCode.safeParse((json as { error?: { code?: unknown } } | null)?.error?.code);
      const code = parsed.success ? parsed.data : `http_${response.status}`;
      const status = response.status;
      return status === 401 || status === 408 || status === 429 || status >= 500 ? { status: 'retry', code } : { status: 'rejected', code };
    } catch {
      return { status: 'retry', code: timedOut ? 'timeout' : 'network' };
    } finally {
      if (timer !== null) win.clearTimeout(timer);
      if (keepalive) keepaliveBytes -= text.length;
    }
  };
}
