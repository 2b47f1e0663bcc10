import { randomUUID } from 'node:crypto';
import { ProgrammeConfig } from '../../contract';
import { generateShopCredentials, hashSecretKey, type ShopCredentials } from '../auth/secrets';
import type { Database } from '../db/database';
import { inTransaction } from '../db/transaction';
import { recordConfigChange, SYSTEM, type AuditContext } from './audit';

export interface NewShop {
  name: string;
  programme: ProgrammeConfig;
  allowedOrigins: string[];
  environment?: 'live' | 'test' | 'demo';
  id?: string;
  now?: Date;
}

export interface CreatedShop extends ShopCredentials {
  id: string;
  name: string;
}

/** Creates a shop with fresh credentials. The secret key is returned once and stored only hashed. */
export async function createShop(db: Database, shop: NewShop): Promise<CreatedShop> {
  const programme = ProgrammeConfig.parse(shop.programme);
  const credentials = generateShopCredentials(shop.environment ?? 'live');
  const id = shop.id ?? `shop_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const at = (shop.now ?? new Date()).toISOString();
  await db.kysely
    .insertInto('shops')
    .values({
      id,
      name: shop.name,
      publishable_key: credentials.publishableKey,
      secret_key_hash: hashSecretKey(credentials.secretKey),
      signing_secret: credentials.signingSecret,
      allowed_origins: JSON.stringify(shop.allowedOrigins),
      programme: JSON.stringify(programme),
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { id, name: shop.name, ...credentials };
}

/** Replaces the shop's allowed origins (exact, as CORS compares them), audited in the same transaction. */
export async function setAllowedOrigins(db: Database, shopId: string, origins: string[], now = new Date(), context: AuditContext = SYSTEM): Promise<void> {
  await inTransaction(db, async (trx) => {
    let select = trx.selectFrom('shops').select('allowed_origins').where('id', '=', shopId);
    if (db.dialect === 'postgres') select = select.forUpdate();
    const before = await select.executeTakeFirst();
    if (!before) throw new Error(`no shop ${shopId}`);
    await trx.updateTable('shops').set({ allowed_origins: JSON.stringify(origins), updated_at: now.toISOString() }).where('id', '=', shopId).execute();
    await recordConfigChange(
      trx,
      { shopId, action: 'allowed_origins.update', subject: 'allowed_origins', before: JSON.parse(before.allowed_origins), after: origins, at: now },
      context,
    );
  });
}
