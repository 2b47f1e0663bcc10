import type { Kysely } from 'kysely';
import { forbidUpdatesAndDeletes } from '../dialect';

// Points are money-like: a mistake is corrected by a new entry, never by editing history.
export async function up(db: Kysely<unknown>): Promise<void> {
  await forbidUpdatesAndDeletes(db, 'ledger_entries');
}

export async function down(): Promise<void> {
  // Triggers go with the table in 0001's down.
}
