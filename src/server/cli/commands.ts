import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from '../app';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { awardDueBirthdaysForAllShops } from '../domain/birthdays';
import { ensureDemoSeed } from '../seed/demoSeed';
import { VERSION } from '../version';

/**
 * The built dashboard (dist/admin): this module runs from src/server/cli/ in a checkout (tsx) and
 * from dist/node/chunks/ in the package build, so look in both places.
 */
function adminDir(): string {
  const candidates = ['../../admin', '../../../dist/admin'].map((relative) => fileURLToPath(new URL(relative, import.meta.url)));
  return candidates.find((dir) => existsSync(join(dir, 'admin.mjs'))) ?? candidates[1]!;
}

export type ServerCommand = 'serve' | 'migrate' | 'seed' | 'birthdays';

/** `serve`, `migrate`, `seed`, `birthdays`: the commands that open the database (and so load its driver). */
export async function runServerCommand(command: ServerCommand, env: Record<string, string | undefined>): Promise<number> {
  const databaseUrl = env.DATABASE_URL ?? 'file:.data/sadakat.db';
  const port = Number(env.PORT ?? 8787);
  const host = env.HOST ?? '127.0.0.1';
  const db = await openDatabase(databaseUrl);
  const applied = await migrateToLatest(db);
  if (applied.length) console.log(`migrated: ${applied.join(', ')}`);
  if (command === 'migrate') {
    await db.close();
    return 0;
  }
  if (command === 'birthdays') {
    console.log(`birthday bonuses paid: ${await awardDueBirthdaysForAllShops(db, new Date())}`);
    await db.close();
    return 0;
  }
  if (command === 'seed') {
    const seed = await ensureDemoSeed(db, { secretsFile: '.data/demo-shop.json', origins: [`http://${host}:${port}`] });
    console.log(`demo shop ${seed.shop.id}: publishable key ${seed.shop.publishableKey} (secrets in .data/demo-shop.json)`);
    await db.close();
    return 0;
  }
  // SADAKAT_RATE_LIMITS=off is for load tests from one machine (the bench); never for a shop.
  const rateLimits = process.env.SADAKAT_RATE_LIMITS === 'off' ? { rateLimits: false as const } : {};
  const server = serve({ fetch: createApp({ db, adminDir: adminDir(), guestBootCacheMs: 1000, ...rateLimits }).fetch, port, hostname: host }, (info) => {
    console.log(`Sadakat API ${VERSION} listening on http://${host}:${info.port}`);
  });
  const stop = () => {
    // Stop accepting, let requests in flight finish, then release the database.
    server.close(() => void db.close());
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Test harnesses set this so a server they started can never outlive them.
  if (env.SADAKAT_STOP_WITH_PARENT === '1') {
    process.stdin.on('close', stop).resume();
  }
  return 0;
}
