import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Everything that differs between SQLite and PostgreSQL lives in this file, so the query code and
// the migrations stay one for both.

export type DialectName = 'sqlite' | 'postgres';

export function dialectOf(db: Pick<Kysely<unknown>, 'getExecutor'>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Makes a table append-only at the database level: UPDATE and DELETE abort. */
export async function forbidUpdatesAndDeletes(db: Kysely<unknown>, table: string): Promise<void> {
  const name = sql.raw(table);
  if (dialectOf(db) === 'postgres') {
    await sql`create or replace function sadakat_append_only() returns trigger language plpgsql as $$
      begin raise exception 'append-only table: % is not allowed', tg_op using errcode = '42501'; end $$`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${name}
      for each row execute function sadakat_append_only()`.execute(db);
    return;
  }
  for (const operation of ['update', 'delete'] as const) {
    await sql`create trigger ${sql.raw(`${table}_no_${operation}`)} before ${sql.raw(operation)} on ${name}
      begin select raise(abort, 'append-only table'); end`.execute(db);
  }
}

/** True for errors a whole transaction may be retried after (serialization failure, deadlock, busy). */
export function isTransientTransactionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01' || code === 'SQLITE_BUSY';
}

/**
 * True when a write hit one of the named unique indexes. PostgreSQL names the constraint; SQLite
 * lists the columns instead, so both spellings are matched against the index's own definition.
 */
export function uniqueViolationOn(error: unknown, indexes: Array<'survey_responses_completion_uq' | 'ledger_entries_dedupe_uq'>): boolean {
  if (!isUniqueViolation(error)) return false;
  const { constraint, message } = error as { constraint?: unknown; message?: unknown };
  const columns = { survey_responses_completion_uq: 'survey_responses.completion_key', ledger_entries_dedupe_uq: 'ledger_entries.dedupe_key' };
  return indexes.some((index) => constraint === index || (typeof message === 'string' && message.includes(columns[index])));
}

/** True when an insert hit a unique constraint (a once-only earning already recorded, a taken key). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
