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
