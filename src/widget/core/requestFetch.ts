import { RESERVED_HEADERS, type ParsedOptions } from './options';
import { tokenSubject } from './tokenSubject';

/** How the request layer tells the widget that the session changed under it. */
export interface SessionHooks {
  /** The customer token the widget uses now. */
  token(): string | null;
  /** `getCustomerToken()` gave a fresh token for the same customer: use it from now on. */
  refreshed(token: string): void;
  /** `getCustomerToken()` named another customer, or nobody (`null`): start over as them. */
  switched(token: string | null): void;
}

/** `iss` and `sub` together: one customer, whatever token the shop minted for them. */
function identity(token: string | null): string | null {
  const subject = tokenSubject(token);
  return subject && `${String(subject.iss)} ${subject.sub}`;
}

const bearer = (headers: Headers) => headers.get('authorization')?.replace(/^Bearer /, '') ?? null;

/**
 * The `fetch` every API call of the widget goes through: the shop's own `fetch`, its extra
 * `headers` (never replacing the ones the widget sets), and one token refresh on a 401. Options are
 * read per request, so a later `init()` takes effect at once.
 */
export function createRequestFetch(baseFetch: () => typeof fetch, options: () => ParsedOptions, hooks: SessionHooks): typeof fetch {
  const warned = new Set<string>();
  let asking: Promise<string | null | undefined> | null = null;

  const send = (input: RequestInfo | URL, init: RequestInit, headers: Headers) => {
    const extra = options().headers;
    let added: Record<string, string> = {};
    try {
      added = (typeof extra === 'function' ? extra() : extra) ?? {};
    } catch (error) {
      console.warn('[sadakat] option "headers" threw; requests go without them', error);
    }
    const merged = new Headers();
    for (const [name, value] of Object.entries(added)) {
      if (RESERVED_HEADERS.includes(name.toLowerCase())) {
        // Only a function can get here (an object was checked by init()): warn once per name.
        if (!warned.has(name)) console.warn(`[sadakat] option "headers.${name}" ignored: Sadakat sets that header itself`);
        warned.add(name);
      } else if (typeof value === 'string') {
        try {
          merged.set(name, value);
        } catch {
          if (!warned.has(name)) console.warn(`[sadakat] option "headers.${name}" ignored: not a valid header`);
          warned.add(name);
        }
      }
    }
    headers.forEach((value, name) => merged.set(name, value));
    return baseFetch()(input, { ...init, headers: merged });
  };

  // One question to the shop at a time: 401s arriving together share the answer.
  const ask = (getToken: NonNullable<ParsedOptions['getCustomerToken']>) =>
    (asking ??= Promise.resolve()
      .then(getToken)
      .then(
        (token) => {
          if (token === null || (typeof token === 'string' && token.length > 0 && token.length <= 8192)) return token;
          console.warn('[sadakat] option "getCustomerToken" returned neither a token string nor null; ignored');
          return undefined;
        },
        (error: unknown) => {
          console.warn('[sadakat] getCustomerToken() failed', error);
          return undefined;
        },
      )
      .finally(() => {
        asking = null;
      }));

  return async (input, init = {}) => {
    const headers = new Headers(init.headers);
    const response = await send(input, init, headers);
    const sent = bearer(headers);
    const getToken = options().getCustomerToken;
    if (response.status !== 401 || !sent || !getToken) return response;

    // Another request may have refreshed the token meanwhile: use it rather than asking again.
    const current = hooks.token();
    const fresh = current && current !== sent ? current : await ask(getToken);
    if (fresh === undefined || fresh === sent) return response;
    const who = identity(fresh);
    if (fresh === null || who === null || who !== identity(sent)) {
      // Never replay a request (a redemption…) as someone else: the widget starts over as them.
      if (hooks.token() === sent) hooks.switched(fresh);
      return response;
    }
    if (hooks.token() === sent) hooks.refreshed(fresh);
    headers.set('authorization', `Bearer ${fresh}`);
    return send(input, init, headers);
  };
}
