import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/server';
import { migrations } from '../../src/server/db/migrations';
import { createTestDatabase } from '../support/testDatabase';

describe('migrations', () => {
  it('apply every migration once on a new database and nothing on the next start', async () => {
    const database = await createTestDatabase();
    const db = await openDatabase(database.url);
    try {
      expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
      expect(await migrateToLatest(db)).toEqual([]);
    } finally {
      await db.close();
      await database.drop();
    }
  });
});

describe('migrations merged out of order', () => {
  it('apply a lower-numbered migration to a database that already ran a higher one', async () => {
    // Numbers are reserved per feature branch, so main can run 0006 before 0004 is merged: a
    // database migrated then (e.g. a developer's .data/sadakat.db) must still start afterwards.
    const database = await createTestDatabase();
    const db = await openDatabase(database.url);
    try {
      const { ['0004_loyalty']: _late, ...earlier } = migrations;
      const first = await new Migrator({ db: db.kysely, provider: { getMigrations: async () => earlier } }).migrateToLatest();
      expect(first.error).toBeUndefined();
      expect(await migrateToLatest(db)).toEqual(['0004_loyalty']);
      expect(await migrateToLatest(db)).toEqual([]);
    } finally {
      await db.close();
      await database.drop();
    }
  });
});
