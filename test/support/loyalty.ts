import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { TestBackend } from './testBackend';

export interface ApiResult {
  status: number;
  body: unknown;
  headers: Headers;
}

/** Calls the merchant API with a secret key (the demo shop's by default), as a shop's server would. */
export function merchantClient(backend: TestBackend, secretKey = backend.shop.secretKey) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult> => {
    const response = await backend.app.request(path, {
      method,
      headers: { Authorization: `Bearer ${secretKey}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json(), headers: response.headers };
  };
}

/** Calls a storefront route as a signed-in shopper. */
export function shopperClient(backend: TestBackend) {
  return async (method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult> => {
    const separator = path.includes('?') ? '&' : '?';
    const response = await backend.app.request(`${path}${separator}shop=${backend.shop.publishableKey}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json(), headers: response.headers };
  };
}

/** Everything the ledger holds for all shops: entry count, sum, and every customer's cached balance. */
export async function ledgerState(backend: TestBackend) {
  const entries = await backend.db.kysely
    .selectFrom('ledger_entries')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.coalesce(eb.fn.sum<number>('delta'), sql<number>`0`).as('sum')])
    .executeTakeFirstOrThrow();
  const balances = await backend.db.kysely.selectFrom('customers').select(['shop_id', 'external_id', 'balance']).orderBy('shop_id').orderBy('external_id').execute();
  return { count: Number(entries.count), sum: Number(entries.sum), balances };
}

/** The internal id and cached balance of one of the demo shop's customers. */
export async function customerRow(backend: TestBackend, externalId: string, shopId = backend.shop.id) {
  return backend.db.kysely
    .selectFrom('customers')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('external_id', '=', externalId)
    .executeTakeFirstOrThrow();
}

export const uniqueId = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
