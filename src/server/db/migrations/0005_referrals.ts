import type { Kysely } from 'kysely';

// The referral programme. Codes, visits, friends' claims and referrals get their own tables (every
// key leads with shop_id, like the rest of the schema); points still move only through the ledger.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('referral_codes')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    /** Random, 8 symbols, never derived from the customer id. */
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('referral_codes_pk', ['shop_id', 'code'])
    .addForeignKeyConstraint('referral_codes_customer_fk', ['shop_id', 'customer_id'], 'customers', ['shop_id', 'id'])
    .execute();
  // One code per customer: two instances creating one at once cannot both win.
  await db.schema.createIndex('referral_codes_customer_uq').on('referral_codes').columns(['shop_id', 'customer_id']).unique().execute();

  await db.schema
    .createTable('referral_visits')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    /** The widget's first-party visitor id: a visitor counts once per code. */
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('referral_visits_pk', ['shop_id', 'code', 'visitor_id'])
    .execute();
  await db.schema.createIndex('referral_visits_time_idx').on('referral_visits').columns(['shop_id', 'created_at']).execute();

  await db.schema
    .createTable('referral_claims')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    /** The normalised e-mail (case; dots and +tags at Gmail-like providers): one claim per address. */
    .addColumn('email_key', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    /** The friend's discount code, in the coupon alphabet and format. */
    .addColumn('discount_code', 'text', (c) => c.notNull())
    /** JSON `FriendReward` as it was when claimed. */
    .addColumn('reward', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('used_at', 'text')
    .addColumn('used_order', 'text')
    .addPrimaryKeyConstraint('referral_claims_pk', ['shop_id', 'email_key'])
    .execute();
  await db.schema.createIndex('referral_claims_discount_uq').on('referral_claims').columns(['shop_id', 'discount_code']).unique().execute();
  await db.schema.createIndex('referral_claims_code_idx').on('referral_claims').columns(['shop_id', 'code', 'created_at']).execute();

  await db.schema
    .createTable('referrals')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('advocate_id', 'text', (c) => c.notNull())
    .addColumn('friend_id', 'text', (c) => c.notNull())
    /** `orders.id` (internal) of the friend's order. */
    .addColumn('order_id', 'text', (c) => c.notNull())
    /** `pending` | `approved` | `flagged` | `voided` */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('device_id', 'text')
    .addColumn('hold_until', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('paid_at', 'text')
    .addPrimaryKeyConstraint('referrals_pk', ['shop_id', 'id'])
    .addForeignKeyConstraint('referrals_advocate_fk', ['shop_id', 'advocate_id'], 'customers', ['shop_id', 'id'])
    .addForeignKeyConstraint('referrals_friend_fk', ['shop_id', 'friend_id'], 'customers', ['shop_id', 'id'])
    .addForeignKeyConstraint('referrals_order_fk', ['shop_id', 'order_id'], 'orders', ['shop_id', 'id'])
    .execute();
  // A friend is referred once, by their first order.
  await db.schema.createIndex('referrals_friend_uq').on('referrals').columns(['shop_id', 'friend_id']).unique().execute();
  await db.schema.createIndex('referrals_order_idx').on('referrals').columns(['shop_id', 'order_id']).execute();
  await db.schema.createIndex('referrals_state_idx').on('referrals').columns(['shop_id', 'state', 'hold_until']).execute();
  await db.schema.createIndex('referrals_advocate_idx').on('referrals').columns(['shop_id', 'advocate_id']).execute();
  await db.schema.createIndex('referrals_ip_idx').on('referrals').columns(['shop_id', 'ip', 'created_at']).execute();
  await db.schema.createIndex('referrals_device_idx').on('referrals').columns(['shop_id', 'device_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('referrals').execute();
  await db.schema.dropTable('referral_claims').execute();
  await db.schema.dropTable('referral_visits').execute();
  await db.schema.dropTable('referral_codes').execute();
}
