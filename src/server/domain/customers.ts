import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { CustomerRow, Tables } from '../db/schema';

export interface CustomerIdentity {
  externalId: string;
  email?: string | null;
  name?: string | null;
}

/** Finds the shop's customer by their own id, creating the row on first sight. */
export async function ensureCustomer(trx: Transaction<Tables>, shopId: string, identity: CustomerIdentity, now: Date): Promise<CustomerRow> {
  const existing = await trx
    .selectFrom('customers')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('external_id', '=', identity.externalId)
    .executeTakeFirst();
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
  await trx.insertInto('customers').values(row).execute();
  return row;
}
