import { Migrator } from 'kysely';
import type { Database } from './database';
import { migrations } from './migrations';

/** Brings the schema to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(db: Database): Promise<string[]> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrations },
    // Features land in parallel branches with pre-assigned numbers, so a database may already have
    // run a later number when an earlier one arrives. Each migration touches only its own tables,
    // so applying the newcomer afterwards is safe.
    allowUnorderedMigrations: true,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${(error as Error).message ?? error}`, { cause: error });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
