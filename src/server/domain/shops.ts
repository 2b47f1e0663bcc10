import { ProgrammeConfig, PublishableKey } from '../../contract';
import type { Database } from '../db/database';
import type { ShopRow } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { ApiError } from '../http/errors';
import { recordConfigChange, SYSTEM, type AuditContext } from './audit';

export async function findShopByPublishableKey(db: Database, publishableKey: string): Promise<ShopRow | undefined> {
  if (!PublishableKey.safeParse(publishableKey).success) return undefined;
  return db.kysely.selectFrom('shops').selectAll().where('publishable_key', '=', publishableKey).executeTakeFirst();
}

/** Replaces the shop's programme (already validated by the caller), and audits it in the same transaction. */
export async function saveProgramme(db: Database, shopId: string, programme: ProgrammeConfig, now: Date, context: AuditContext = SYSTEM): Promise<void> {
  await inTransaction(db, async (trx) => {
    // Locks the row on PostgreSQL, so the recorded "before" is what this change replaced.
    let select = trx.selectFrom('shops').select('programme').where('id', '=', shopId);
    if (db.dialect === 'postgres') select = select.forUpdate();
    const before = await select.executeTakeFirst();
    if (!before) throw new ApiError('unknown_shop', 'No such shop.');
    await trx.updateTable('shops').set({ programme: JSON.stringify(programme), updated_at: now.toISOString() }).where('id', '=', shopId).execute();
    await recordConfigChange(trx, { shopId, action: 'programme.update', subject: 'programme', before: JSON.parse(before.programme), after: programme, at: now }, context);
  });
}

export async function requireShop(db: Database, publishableKey: string): Promise<ShopRow> {
  const shop = await findShopByPublishableKey(db, publishableKey);
  if (!shop) throw new ApiError('unknown_shop', 'No shop has this publishable key.');
  return shop;
}

// Parsing and validating the programme on every boot dominated the endpoint's cost. The cache is
// keyed by the row's exact JSON text, so an edit made through any instance is seen at once and
// nothing stale can be served; it only skips re-parsing identical text.
const parsedProgrammes = new Map<string, { text: string; programme: ProgrammeConfig }>();

/** The stored programme, re-validated on read so a bad row can never reach a shopper. */
export function programmeOf(shop: ShopRow): ProgrammeConfig {
  const cached = parsedProgrammes.get(shop.id);
  if (cached?.text === shop.programme) return cached.programme;
  const programme = ProgrammeConfig.parse(JSON.parse(shop.programme));
  if (parsedProgrammes.size > 1000) parsedProgrammes.clear();
  parsedProgrammes.set(shop.id, { text: shop.programme, programme });
  return programme;
}

export function allowedOriginsOf(shop: ShopRow): string[] {
  const parsed: unknown = JSON.parse(shop.allowed_origins);
  return Array.isArray(parsed) ? parsed.filter((o): o is string => typeof o === 'string') : [];
}
