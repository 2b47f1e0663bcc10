import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from '../app';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { awardDueBirthdaysForAllShops } from '../domain/birthdays';
import { ensureDemoSeed } from '../seed/demoSeed';
import { VERSION } from '../version';

const USAGE = `sadakat ${VERSION}

Usage: sadakat <command>

Commands:
  serve     run migrations, then serve the API on HOST:PORT (default 127.0.0.1:8787)
  migrate   bring the database schema to the latest version
  seed      create the demo shop with sample shoppers (first run only)
  birthdays pay today's birthday bonuses (run daily, e.g. from cron; repeats pay nobody twice)

Environment:
  DATABASE_URL   postgres://… or file:path/to.db (default file:.data/sadakat.db)
  PORT, HOST     where to listen (default 8787, 127.0.0.1)
`;

async function main(command: string | undefined): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL ?? 'file:.data/sadakat.db';
  const port = Number(process.env.PORT ?? 8787);
  const host = process.env.HOST ?? '127.0.0.1';
  if (command !== 'serve' && command !== 'migrate' && command !== 'seed' && command !== 'birthdays') {
    process.stdout.write(USAGE);
    process.exitCode = command ? 1 : 0;
    return;
  }
  const db = await openDatabase(databaseUrl);
  const applied = await migrateToLatest(db);
  if (applied.length) console.log(`migrated: ${applied.join(', ')}`);
  if (command === 'migrate') return db.close();
  if (command === 'birthdays') {
    console.log(`birthday bonuses paid: ${await awardDueBirthdaysForAllShops(db, new Date())}`);
    return db.close();
  }
  if (command === 'seed') {
    const seed = await ensureDemoSeed(db, { secretsFile: '.data/demo-shop.json', origins: [`http://${host}:${port}`] });
    console.log(`demo shop ${seed.shop.id}: publishable key ${seed.shop.publishableKey} (secrets in .data/demo-shop.json)`);
    return db.close();
  }
  const server = serve({ fetch: createApp({ db, adminDir: fileURLToPath(new URL('../../../dist/admin', import.meta.url)) }).fetch, port, hostname: host }, (info) => {
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
  if (process.env.SADAKAT_STOP_WITH_PARENT === '1') {
    process.stdin.on('close', stop).resume();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(`sadakat: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
