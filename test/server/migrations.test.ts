import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/server';
import { migrations } from '../../src/server/db/migrations';

describe('migrations', () => {
  it('apply every migration once on a new database and nothing on the next start', async () => {
    const db = await openDatabase(`file:${join(mkdtempSync(join(tmpdir(), 'sadakat-migrate-')), 'm.db')}`);
    try {
      expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
      expect(await migrateToLatest(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
