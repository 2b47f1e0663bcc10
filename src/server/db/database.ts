import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { DialectName } from './dialect';
import type { Tables } from './schema';

export interface Database {
  kysely: Kysely<Tables>;
  dialect: DialectName;
  close(): Promise<void>;
}

/**
 * Opens the database named by `url`:
 * - `postgres://…` / `postgresql://…` → PostgreSQL through a `pg` pool;
 * - `file:path/to.db`, a plain path, or `:memory:` → embedded SQLite (better-sqlite3), WAL mode.
 * Drivers are imported lazily so a SQLite deployment never loads `pg` and vice versa.
 */
export async function openDatabase(url: string, options: { poolSize?: number } = {}): Promise<Database> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { default: pg } = await import('pg');
    // int8/count(*) come back as strings from pg; our figures stay far below 2^53.
    pg.types.setTypeParser(20, Number);
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    const kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    // pool.end() resolves as soon as the pool forgets its clients, before their connections have
    // closed; wait for each one, so a caller that drops the database or exits right after never
    // races a connection still saying goodbye (FATAL 57P01 as an unhandled error).
    const close = async () => {
      const connections = pool.totalCount;
      const ended = new Promise<void>((resolve) => {
        let left = connections;
        if (left === 0) resolve();
        pool.on('remove', () => {
          if (--left <= 0) resolve();
        });
        setTimeout(resolve, 5000).unref();
      });
      await kysely.destroy();
      await ended;
    };
    return { kysely, dialect: 'postgres', close };
  }
  const path = url.replace(/^(file|sqlite):/, '');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const { default: SQLite } = await import('better-sqlite3');
  const connection = new SQLite(path);
  connection.pragma('journal_mode = WAL');
  connection.pragma('busy_timeout = 5000');
  connection.pragma('foreign_keys = ON');
  const kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database: keepStatements(connection) }) });
  return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
}

/** How many distinct statements are kept; past that the cache starts again (queries are few). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * better-sqlite3 with its prepared statements kept by SQL text. Kysely prepares every query again,
 * which cost as much CPU as the rest of a cached guest boot. SQLite re-prepares a kept statement by
 * itself after a schema change. Safe because nothing streams a query (`.stream()`), the one case
 * where a statement stays busy between calls.
 */
function keepStatements(connection: SqliteDatabase): SqliteDatabase {
  const statements = new Map<string, ReturnType<SqliteDatabase['prepare']>>();
  return {
    close: () => connection.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statement = connection.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
