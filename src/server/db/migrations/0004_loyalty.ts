import type { Kysely } from 'kysely';

// The loyalty programme's server side: what an order earned and refunded, refunds themselves,
// birthdays, and coupon expiry. Additive only: earlier rows keep working with the defaults.
export async function up(db: Kysely<unknown>): Promise<void> {
  // What an order earned and how much its refunds took back: a replayed report answers from here.
  await db.schema.alterTable('orders').addColumn('points_earned', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('orders').addColumn('points_reversed', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // Kept for the referral programme (attribution and fraud checks happen there, not here).
  await db.schema.alterTable('orders').addColumn('referral_code', 'text').execute();
  /** JSON `OrderContext`: ip, user agent, device id, address hash. */
  await db.schema.alterTable('orders').addColumn('context', 'text').execute();

  await db.schema
    .createTable('refunds')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    /** The order's internal id (`orders.id`). */
    .addColumn('order_id', 'text', (c) => c.notNull())
    /** The shop's refund id: unique per order, which makes a refund report idempotent. */
    .addColumn('refund_id', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull())
    .addColumn('points_reversed', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('refunds_pk', ['shop_id', 'order_id', 'refund_id'])
    .addForeignKeyConstraint('refunds_order_fk', ['shop_id', 'order_id'], 'orders', ['shop_id', 'id'])
    .execute();

  /** `MM-DD`, entered once by the shopper; the year is not kept. */
  await db.schema.alterTable('customers').addColumn('birthday', 'text').execute();
  // The daily birthday job looks customers up by day.
  await db.schema.createIndex('customers_birthday_idx').on('customers').columns(['shop_id', 'birthday']).execute();

  await db.schema.alterTable('coupons').addColumn('expires_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('coupons').dropColumn('expires_at').execute();
  await db.schema.dropIndex('customers_birthday_idx').execute();
  await db.schema.alterTable('customers').dropColumn('birthday').execute();
  await db.schema.dropTable('refunds').execute();
  for (const column of ['context', 'referral_code', 'points_reversed', 'points_earned']) {
    await db.schema.alterTable('orders').dropColumn(column).execute();
  }
}
