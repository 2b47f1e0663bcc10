import { ActivityPage, ClaimResponse, ErrorCode, RedeemResponse, type ClaimRequest } from '../../../contract';
import type { Connection } from '../../core/appContext';
import { err, ok, type Result } from '../../core/result';
import { storefrontRoutes as routes } from './storefrontRoutes';

/** A schema with zod/mini's `safeParse`. */
interface Schema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false };
}

/** A fresh idempotency key: a UUID, or 16 random bytes in hex where `randomUUID` is missing (non-secure contexts). */
export function newIdempotencyKey(crypto: Crypto = globalThis.crypto): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The storefront calls the panel makes (claims, activity, redemptions), with the session read at
 * call time. Responses are parsed with the contract; failures come back as codes, never throws.
 */
export function createStorefrontApi(connection: () => Connection) {
  async function call<T>(
    method: 'GET' | 'POST',
    path: string,
    schema: Schema<T>,
    { query = {}, body, headers = {} }: { query?: Record<string, string>; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Result<T>> {
    const { api: baseUrl, shop, token, fetch: fetchFn, timeout } = connection();
    const url = new URL(path.slice(1), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
    url.search = new URLSearchParams({ shop, ...query }).toString();
    const all: Record<string, string> = { accept: 'application/json', ...headers };
    if (token) all.authorization = `Bearer ${token}`;
    if (body !== undefined) all['content-type'] = 'application/json';
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    try {
      const response = await fetchFn(url.href, {
        method,
        headers: all,
        credentials: 'omit',
        signal: controller.signal,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const json: unknown = await response.json().catch(() => undefined);
      if (!response.ok) {
        const code = ErrorCode.safeParse((json as { error?: { code?: unknown } } | undefined)?.error?.code);
        return err({ code: code.success ? code.data : 'invalid_response', status: response.status });
      }
      const parsed = schema.safeParse(json);
      return parsed.success ? ok(parsed.data) : err({ code: 'invalid_response', status: response.status });
    } catch {
      return err({ code: controller.signal.aborted ? 'timeout' : 'network' });
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    /** Any other contract route, parsed with `schema` (the referral chunk brings its own). */
    request: call,
    activity: (cursor: string | null, limit = 20) =>
      call('GET', routes.activity.path, ActivityPage, { query: { limit: String(limit), ...(cursor ? { cursor } : {}) } }),
    claim: (request: ClaimRequest) => call('POST', routes.claim.path, ClaimResponse, { body: request }),
    /**
     * One redemption attempt at the cost the shopper was shown; retries of the same attempt must
     * pass the same key. Another current cost answers `price_changed` and debits nothing.
     */
    redeem: (rewardId: string, expectedCost: number, idempotencyKey: string) =>
      call('POST', routes.redeem.path, RedeemResponse, { body: { rewardId, expectedCost }, headers: { 'idempotency-key': idempotencyKey } }),
  };
}
export type StorefrontApi = ReturnType<typeof createStorefrontApi>;
