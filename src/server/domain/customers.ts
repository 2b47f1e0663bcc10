import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { CustomerRow, Tables } from '../db/schema';
import { ApiError } from '../http/errors';

export interface CustomerIdentity {
  externalId: string;
  email?: string | null;
  name?: string | null;
}

export async function findCustomer(db: Kysely<Tables>, shopId: string, externalId: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('shop_id', '=', shopId).where('external_id', '=', externalId).executeTakeFirst();
}

/** The shop's customer, or 404 `customer_not_found` (also for another shop's customer). */
export async function requireCustomer(db: Kysely<Tables>, shopId: string, externalId: string): Promise<CustomerRow> {
  const customer = await findCustomer(db, shopId, externalId);
  if (!customer) throw new ApiError('customer_not_found', 'This shop has no customer with this id.');
  return customer;
}

/**
 * Finds the shop's customer by their own id, creating the row on first sight. Safe when two
 * requests see the same new customer at once: the insert yields to the other one on the unique
 * (shop_id, external_id) key instead of failing, and the row is read back.
 */
export async function ensureCustomer(trx: Transaction<Tables>, shopId: string, identity: CustomerIdentity, now: Date): Promise<CustomerRow> {
  const existing = await findCustomer(trx, shopId, identity.externalId);
  if (existing) {
    // The shop's own data wins: fill in what we did not know yet, never overwrite it with nothing.
    const email = existing.email ?? identity.email ?? null;
    const name = existing.name ?? identity.name ?? null;
    if (email === existing.email && name === existing.name) return existing;
    await trx.updateTable('customers').set({ email, name }).where('shop_id', '=', shopId).where('id', '=', existing.id).execute();
    return { ...existing, email, name };
  }
  await trx
    .insertInto('customers')
    .values({
      shop_id: shopId,
      id: randomUUID(),
      external_id: identity.externalId,
      email: identity.email ?? null,
      name: identity.name ?? null,
      balance: 0,
      birthday: null,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['shop_id', 'external_id']).doNothing())
    .execute();
  const row = await findCustomer(trx, shopId, identity.externalId);
  if (!row) throw new Error('customer row vanished after insert');
  return row;
}
