import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { CustomerRow, Tables } from '../db/schema';

export interface CustomerIdentity {
  externalId: string;
  email?: string | null;
  name?: string | null;
}

function findCustomer(trx: Transaction<Tables>, shopId: string, externalId: string) {
  return trx.selectFrom('customers').selectAll().where('shop_id', '=', shopId).where('external_id', '=', externalId).executeTakeFirst();
}

/**
 * Finds the shop's customer by their own id, creating the row on first sight. Two requests that
 * see a new customer at the same moment (two tabs, a beacon and a retry) both end up with the one
 * row: the insert yields to the other's with ON CONFLICT DO NOTHING instead of failing.
 */
export async function ensureCustomer(trx: Transaction<Tables>, shopId: string, identity: CustomerIdentity, now: Date): Promise<CustomerRow> {
  const existing = await findCustomer(trx, shopId, identity.externalId);
  if (existing) return existing;
  const row: CustomerRow = {
    shop_id: shopId,
    id: randomUUID(),
    external_id: identity.externalId,
    email: identity.email ?? null,
    name: identity.name ?? null,
    balance: 0,
    created_at: now.toISOString(),
  };
  await trx
    .insertInto('customers')
    .values(row)
    .onConflict((oc) => oc.columns(['shop_id', 'external_id']).doNothing())
    .execute();
  return (await findCustomer(trx, shopId, identity.externalId)) ?? row;
}
