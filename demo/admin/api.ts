import type { z } from 'zod/mini';
import { ErrorEnvelope, type FieldIssue } from '../../src/contract';

export type AdminError = { code: 'unauthorized' | 'not_found' | 'validation_failed' | 'network' | 'invalid_response' | 'failed'; fields?: FieldIssue[] };
export type Result<T> = { ok: true; data: T } | { ok: false; error: AdminError };

/**
 * The dashboard's only way to the server: the secret key rides in `Authorization` on each call and
 * lives nowhere but in this closure. Responses are parsed with the contract, never cast.
 */
export function createAdminApi(options: { key: string; fetch?: typeof fetch; base?: string }) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.base ?? '';
  async function call(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown): Promise<Result<Response>> {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers: { Authorization: `Bearer ${options.key}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      return { ok: false, error: { code: 'network' } };
    }
    if (response.ok) return { ok: true, data: response };
    const envelope = ErrorEnvelope.safeParse(await response.json().catch(() => null));
    const code = envelope.success ? envelope.data.error.code : null;
    if (response.status === 401) return { ok: false, error: { code: 'unauthorized' } };
    if (code === 'not_found') return { ok: false, error: { code: 'not_found' } };
    if (code === 'validation_failed' && envelope.success) return { ok: false, error: { code: 'validation_failed', fields: envelope.data.error.fields ?? [] } };
    return { ok: false, error: { code: 'failed' } };
  }
  async function json<S extends z.ZodMiniType>(method: 'GET' | 'PUT' | 'POST', path: string, schema: S, body?: unknown): Promise<Result<z.output<S>>> {
    const result = await call(method, path, body);
    if (!result.ok) return result;
    const parsed = schema.safeParse(await result.data.json().catch(() => undefined));
    return parsed.success ? { ok: true, data: parsed.data } : { ok: false, error: { code: 'invalid_response' } };
  }
  return {
    get: <S extends z.ZodMiniType>(path: string, schema: S) => json('GET', path, schema),
    put: <S extends z.ZodMiniType>(path: string, schema: S, body: unknown) => json('PUT', path, schema, body),
    /** An action without a body (approve or void a referral). */
    post: <S extends z.ZodMiniType>(path: string, schema: S) => json('POST', path, schema),
    /** A file (CSV) as a Blob, for a download link. */
    async blob(path: string): Promise<Result<Blob>> {
      const result = await call('GET', path);
      return result.ok ? { ok: true, data: await result.data.blob() } : result;
    },
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
