import { bootRoute } from './endpoints';
import { storageKey } from './surveyTriggers';
import { tokenSubject } from './tokenSubject';

/**
 * This tab's copy of the boot payload, per shop, shopper and locale, in `sessionStorage`: the next
 * page view renders the launcher and balance from it at once and revalidates it in the background
 * (`If-None-Match`; a 304 costs the server no body and the page no parse of a new payload).
 *
 * Never the token: a shopper is keyed by the token's subject (`sub`, the shop's customer id),
 * read without verifying it, since it only picks which copy to show and the server checks the
 * token on the revalidation that follows. Copies of other shoppers of the shop are forgotten
 * whenever the widget boots as someone else (a change of customer, `logout()`, a refused token):
 * `peek()` runs at the start of every such boot.
 */
export interface BootCache {
  /** The payload this tab holds for the shopper and locale, or `null`; forgets other shoppers' copies. */
  peek(token: string | null, locale: string | null): unknown;
  /** `fetch` for boot calls: conditional when a copy exists, a 304 answered from the copy, 200s stored. */
  revalidating(fetchFn: typeof fetch): typeof fetch;
}

interface Entry {
  etag: string;
  body: string;
}

const GUEST = 'guest';

/** `guest`, `c.<sub>` for a shopper, `null` when the token names no subject (then nothing is kept). */
export function subjectOf(token: string | null): string | null {
  if (!token) return GUEST;
  const subject = tokenSubject(token);
  return subject ? `c.${encodeURIComponent(subject.sub)}` : null;
}

/**
 * `accepts` is the widget's current payload check (the launcher slice, then the panel's full
 * schema once loaded): a copy is kept and revalidated only while it passes, so a payload that was
 * corrupted on its way in is never pinned by a 304 that matches its ETag.
 */
export function createBootCache(win: Window, shop: string, accepts: (json: unknown) => boolean): BootCache {
  const prefix = storageKey(shop, 'boot.');
  const keyOf = (subject: string, locale: string | null) => `${prefix}${subject}.${locale ?? '-'}`;
  const storage = (): Storage | null => {
    try {
      return win.sessionStorage;
    } catch {
      return null;
    }
  };
  const valid = (body: string) => {
    try {
      return accepts(JSON.parse(body));
    } catch {
      return false;
    }
  };
  const read = (key: string): Entry | null => {
    try {
      const entry = JSON.parse(storage()?.getItem(key) ?? 'null') as Partial<Entry> | null;
      return typeof entry?.etag === 'string' && typeof entry.body === 'string' && valid(entry.body) ? (entry as Entry) : null;
    } catch {
      return null;
    }
  };
  const write = (key: string, entry: Entry | null) => {
    try {
      if (entry) storage()?.setItem(key, JSON.stringify(entry));
      else storage()?.removeItem(key);
    } catch {
      // Full or blocked storage: the next page view simply asks again.
    }
  };
  const forget = (keep: (subject: string) => boolean) => {
    const store = storage();
    if (!store) return;
    for (let i = store.length; i--; ) {
      const key = store.key(i);
      if (key?.startsWith(prefix) && !keep(key.slice(prefix.length))) write(key, null);
    }
  };
  const keepOnly = (subject: string | null) => (stored: string) => stored.startsWith(`${GUEST}.`) || (subject !== null && stored.startsWith(`${subject}.`));

  return {
    peek(token, locale) {
      const subject = subjectOf(token);
      forget(keepOnly(subject));
      const entry = subject === null ? null : read(keyOf(subject, locale));
      if (!entry) return null;
      try {
        return JSON.parse(entry.body) as unknown;
      } catch {
        return null;
      }
    },
    revalidating(fetchFn) {
      return async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        const headers = new Headers(init?.headers);
        const subject = subjectOf(headers.get('authorization')?.replace(/^Bearer /, '') ?? null);
        const isBoot = url.pathname.endsWith(bootRoute.path) && (init?.method ?? 'GET') === bootRoute.method;
        if (subject === null || !isBoot) return fetchFn(input, init);
        const key = keyOf(subject, url.searchParams.get('locale'));
        const entry = read(key);
        if (entry) headers.set('if-none-match', entry.etag);
        // Passed on as a plain object: some Headers implementations (happy-dom) copy a Headers
        // through JSON, which a page's Prototype.js-style Array.prototype.toJSON corrupts.
        const response = await fetchFn(input, { ...init, headers: Object.fromEntries(headers) });
        if (response.status === 304 && entry) {
          return new Response(entry.body, { status: 200, headers: { 'content-type': 'application/json', etag: entry.etag } });
        }
        const etag = response.headers.get('etag');
        if (response.ok && etag) {
          // Stored once the body is in; the caller reads its own copy meanwhile.
          response
            .clone()
            .text()
            .then((body) => write(key, valid(body) ? { etag, body } : null))
            .catch(() => write(key, null));
        } else if (!response.ok) {
          write(key, null);
        }
        return response;
      };
    },
  };
}
