import type { Kysely } from 'kysely';

// Written with the schema builder only, so the same migration serves SQLite and PostgreSQL. Every
// tenant table leads with shop_id in its primary key and indexes, so the schema can be distributed
// by shop (e.g. Citus) and every query is scoped by shop.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('shops')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('publishable_key', 'text', (c) => c.notNull().unique())
    .addColumn('secret_key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('signing_secret', 'text', (c) => c.notNull())
    .addColumn('allowed_origins', 'text', (c) => c.notNull())
    .addColumn('programme', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('name', 'text')
    .addColumn('balance', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customers_pk', ['shop_id', 'id'])
    .addUniqueConstraint('customers_external_id_uq', ['shop_id', 'external_id'])
    .execute();

  await db.schema
    .createTable('ledger_entries')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('delta', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('description', 'text')
    .addColumn('dedupe_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_entries_pk', ['shop_id', 'id'])
    .addForeignKeyConstraint('ledger_entries_customer_fk', ['shop_id', 'customer_id'], 'customers', ['shop_id', 'id'])
    .execute();
  await db.schema
    .createIndex('ledger_entries_customer_idx')
    .on('ledger_entries')
    .columns(['shop_id', 'customer_id', 'created_at'])
    .execute();
  // NULLs never collide, so only entries that carry a dedupe key are once-only.
  await db.schema
    .createIndex('ledger_entries_dedupe_uq')
    .on('ledger_entries')
    .columns(['shop_id', 'dedupe_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('orders')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull())
    .addColumn('refunded_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('orders_pk', ['shop_id', 'id'])
    .addUniqueConstraint('orders_external_id_uq', ['shop_id', 'external_id'])
    .addForeignKeyConstraint('orders_customer_fk', ['shop_id', 'customer_id'], 'customers', ['shop_id', 'id'])
    .execute();
  await db.schema.createIndex('orders_customer_idx').on('orders').columns(['shop_id', 'customer_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['orders', 'ledger_entries', 'customers', 'shops']) {
    await db.schema.dropTable(table).execute();
  }
}
