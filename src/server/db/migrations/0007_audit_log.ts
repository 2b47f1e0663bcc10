import { sql, type Kysely } from 'kysely';
import { dialectOf, forbidUpdatesAndDeletes } from '../dialect';

// Who changed what, and when: every configuration change (written by the app in the same
// transaction as the change) and every ledger entry (written by a trigger on ledger_entries, so no
// write path, present or future, can move points without leaving a row here). Append-only at the
// database level, like the ledger.

/**
 * Who set a ledger entry in motion, by its kind: the shop's server reports orders, refunds,
 * sign-ups and reviews and makes adjustments; the shopper redeems, claims and answers surveys;
 * the programme itself pays birthdays and referral bonuses. Unknown future kinds are `system`.
 */
const LEDGER_ACTOR = `case
  when new.kind in ('order', 'refund', 'signup', 'review', 'adjustment') then 'merchant'
  when new.kind in ('redemption', 'action', 'survey') then 'customer'
  else 'system' end`;
const SUBJECT = `'customer:' || coalesce((select c.external_id from customers c where c.shop_id = new.shop_id and c.id = new.customer_id), new.customer_id)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('request_id', 'text')
    .addPrimaryKeyConstraint('audit_log_pk', ['shop_id', 'id'])
    .execute();
  await db.schema.createIndex('audit_log_time_idx').on('audit_log').columns(['shop_id', 'created_at', 'id']).execute();
  await forbidUpdatesAndDeletes(db, 'audit_log');

  if (dialectOf(db) === 'postgres') {
    // TRUNCATE skips row triggers; refuse it too.
    await sql`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function sadakat_append_only()`.execute(db);
    await sql
      .raw(
        `create or replace function sadakat_audit_ledger() returns trigger language plpgsql as $$
        begin
          insert into audit_log (shop_id, id, created_at, actor, action, subject, before, after, request_id)
          values (new.shop_id, 'ledger:' || new.id, new.created_at, ${LEDGER_ACTOR}, 'ledger.append', ${SUBJECT}, null,
            json_build_object('entryId', new.id, 'kind', new.kind, 'delta', new.delta, 'reference', new.reference,
              'description', new.description, 'dedupeKey', new.dedupe_key)::text, null);
          return null;
        end $$`,
      )
      .execute(db);
    await sql`create trigger ledger_entries_audit after insert on ledger_entries
      for each row execute function sadakat_audit_ledger()`.execute(db);
    return;
  }
  await sql
    .raw(
      `create trigger ledger_entries_audit after insert on ledger_entries
      begin
        insert into audit_log (shop_id, id, created_at, actor, action, subject, before, after, request_id)
        values (new.shop_id, 'ledger:' || new.id, new.created_at, ${LEDGER_ACTOR}, 'ledger.append', ${SUBJECT}, null,
          json_object('entryId', new.id, 'kind', new.kind, 'delta', new.delta, 'reference', new.reference,
            'description', new.description, 'dedupeKey', new.dedupe_key), null);
      end`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists ledger_entries_audit${sql.raw(dialectOf(db) === 'postgres' ? ' on ledger_entries' : '')}`.execute(db);
  if (dialectOf(db) === 'postgres') await sql`drop function if exists sadakat_audit_ledger()`.execute(db);
  await db.schema.dropTable('audit_log').execute();
}
