import { ErrorCode } from '../../contract/errors';
import { bootRoute } from './endpoints';
import { err, ok, type Result } from './result';

export interface ApiClientOptions {
  /** Origin (and optional base path) of the Sadakat API. */
  baseUrl: string;
  /** The shop's publishable key. */
  shop: string;
  fetch: typeof fetch;
  /** Milliseconds before a request is abandoned with `timeout`. */
  timeout: number;
}

export interface BootRequest {
  /** `null` lets the API use the shop's default language. */
  locale: string | null;
  customerToken: string | null;
  /** Aborts the request (a newer boot, `destroy()`). */
  signal?: AbortSignal;
}

export interface ApiClient {
  /**
   * `GET /v1/boot`. Resolves with the JSON body once `parse` accepts it; never rejects.
   * The parser is passed in so that the page-view script can use a small schema and the panel
   * the full contract.
   */
  boot<T>(request: BootRequest, parse: (json: unknown) => T | null): Promise<Result<{ json: unknown; parsed: T }>>;
}

export function createApiClient({ baseUrl, shop, fetch: fetchFn, timeout }: ApiClientOptions): ApiClient {
  return {
    async boot(request, parse) {
      // Relative join keeps a base path: `https://host/loyalty` → `https://host/loyalty/v1/boot`.
      const url = new URL(bootRoute.path.slice(1), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
      url.search = new URLSearchParams(request.locale ? { shop, locale: request.locale } : { shop }).toString();
      const headers: Record<string, string> = { accept: 'application/json' };
      if (request.customerToken) headers.authorization = `Bearer ${request.customerToken}`;

      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeout);
      const onAbort = () => controller.abort();
      request.signal?.addEventListener('abort', onAbort);
      try {
        const response = await fetchFn(url.href, {
          method: bootRoute.method,
          headers,
          credentials: 'omit',
          signal: controller.signal,
        });
        let json: unknown;
        try {
          json = await response.json();
        } catch {
          if (timedOut) return err({ code: 'timeout' });
          json = undefined;
        }
        if (!response.ok) {
          // Only the envelope's code is used (never the server's text), so only the code is
          // checked, against the contract's list: the full `ErrorEnvelope` costs the page view
          // its array and object schemas for nothing.
          const envelope = json as { error?: { code?: unknown } } | undefined;
          const code = ErrorCode.safeParse(envelope?.error?.code);
          return err({ code: code.success ? code.data : 'invalid_response', status: response.status });
        }
        const parsed = json === undefined ? null : parse(json);
        return parsed === null ? err({ code: 'invalid_response', status: response.status }) : ok({ json, parsed });
      } catch {
        return err({ code: timedOut ? 'timeout' : 'network' });
      } finally {
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}
