import type { Kysely } from 'kysely';

// Surveys get their own tables rather than living inside the programme JSON: each survey is edited
// and versioned on its own, responses reference it with a foreign key, and a busy survey never
// rewrites the shop row. Every key and index leads with shop_id, like the rest of the schema.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('surveys')
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    /** Bumped on every save; responses record the version they were answered against. */
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    /** JSON `SurveyConfig`, re-validated on read. */
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('surveys_pk', ['shop_id', 'id'])
    .execute();

  await db.schema
    .createTable('survey_responses')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    /** The widget's client-generated UUID: every delivery of one response hits this one row. */
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('survey_version', 'integer', (c) => c.notNull())
    /** `null` for guests. A response stays with the identity it was started under. */
    .addColumn('customer_id', 'text')
    .addColumn('order_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    /** JSON object: question id → answer. */
    .addColumn('answers', 'text', (c) => c.notNull())
    /** Highest save counter applied so far (late deliveries never overwrite newer answers). */
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    /**
     * Set on completion when the frequency rule allows one completion per customer (or per order):
     * the unique index below makes a second completion impossible, whichever instance handles it.
     */
    .addColumn('completion_key', 'text')
    .addColumn('reward_points', 'integer')
    /** `none` | `credited` | `awaiting_order` (credited when the shop reports the order). */
    .addColumn('reward_state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addPrimaryKeyConstraint('survey_responses_pk', ['shop_id', 'id'])
    .addForeignKeyConstraint('survey_responses_survey_fk', ['shop_id', 'survey_id'], 'surveys', ['shop_id', 'id'])
    .addForeignKeyConstraint('survey_responses_customer_fk', ['shop_id', 'customer_id'], 'customers', ['shop_id', 'id'])
    .execute();
  // NULLs never collide: guests and partial responses carry no completion key.
  await db.schema
    .createIndex('survey_responses_completion_uq')
    .on('survey_responses')
    .columns(['shop_id', 'survey_id', 'completion_key'])
    .unique()
    .execute();
  await db.schema.createIndex('survey_responses_survey_idx').on('survey_responses').columns(['shop_id', 'survey_id', 'created_at']).execute();
  await db.schema.createIndex('survey_responses_customer_idx').on('survey_responses').columns(['shop_id', 'customer_id', 'survey_id']).execute();

  await db.schema
    .createTable('survey_events')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    /** The widget's UUID for the event, so a repeated delivery counts once. */
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    /** `impression` | `dismissal` */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('order_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_events_pk', ['shop_id', 'id'])
    .addForeignKeyConstraint('survey_events_survey_fk', ['shop_id', 'survey_id'], 'surveys', ['shop_id', 'id'])
    .addForeignKeyConstraint('survey_events_customer_fk', ['shop_id', 'customer_id'], 'customers', ['shop_id', 'id'])
    .execute();
  await db.schema.createIndex('survey_events_survey_idx').on('survey_events').columns(['shop_id', 'survey_id', 'kind', 'created_at']).execute();
  await db.schema.createIndex('survey_events_customer_idx').on('survey_events').columns(['shop_id', 'customer_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('survey_events').execute();
  await db.schema.dropTable('survey_responses').execute();
  await db.schema.dropTable('surveys').execute();
}
