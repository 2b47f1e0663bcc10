import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('coupons')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('reward_id', 'text', (c) => c.notNull())
    /** The reward as it was when redeemed (JSON): later programme edits never change an issued code. */
    .addColumn('reward', 'text', (c) => c.notNull())
    .addColumn('cost', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_order', 'text')
    .addPrimaryKeyConstraint('coupons_pk', ['shop_id', 'code'])
    .addForeignKeyConstraint('coupons_customer_fk', ['shop_id', 'customer_id'], 'customers', ['shop_id', 'id'])
    .execute();
  await db.schema.createIndex('coupons_customer_idx').on('coupons').columns(['shop_id', 'customer_id', 'created_at']).execute();

  // Idempotency records live in the database, so every API instance sees the same keys.
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    /** Whose key it is: keys are scoped per caller (a customer, or the merchant). */
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('response_status', 'integer', (c) => c.notNull())
    .addColumn('response_body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['shop_id', 'scope', 'key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('idempotency_keys').execute();
  await db.schema.dropTable('coupons').execute();
}
