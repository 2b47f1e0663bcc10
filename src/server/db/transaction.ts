import type { Transaction } from 'kysely';
import type { Database } from './database';
import { isTransientTransactionError } from './dialect';
import type { Tables } from './schema';

const MAX_ATTEMPTS = 5;

/**
 * Runs `work` in one transaction, retrying the whole of it when PostgreSQL reports a
 * serialization failure or deadlock (or SQLite is busy), with jittered backoff. `work` must only
 * touch the database, so that re-running it is safe.
 */
export async function inTransaction<T>(db: Database, work: (trx: Transaction<Tables>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.kysely.transaction().execute(work);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isTransientTransactionError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));
    }
  }
}
