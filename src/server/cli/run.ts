import { VERSION } from '../version';

const USAGE = `sadakat ${VERSION}

Usage: sadakat <command> [options]

Commands:
  serve         run migrations, then serve the API on HOST:PORT (default 127.0.0.1:8787)
  migrate       bring the database schema to the latest version
  seed          create the demo shop with sample shoppers (first run only)
  birthdays     pay today's birthday bonuses (run daily, e.g. from cron; repeats pay nobody twice)
  conformance   check any server against the HTTP contract (sadakat conformance --help)

Environment (serve, migrate, seed, birthdays):
  DATABASE_URL   postgres://… or file:path/to.db (default file:.data/sadakat.db)
  PORT, HOST     where to listen (default 8787, 127.0.0.1)
`;

const SERVER_PEERS = 'hono @hono/node-server kysely jose, and better-sqlite3 (SQLite) or pg (PostgreSQL)';

function isMissingModule(error: unknown): error is Error {
  return error instanceof Error && (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND';
}

/**
 * The `sadakat` command (bin/sadakat.js runs the built copy; `npm run serve` runs this source with
 * tsx). Each command's code is imported only when it runs, so `conformance` works without the
 * server's peer dependencies (database drivers, Hono) installed. Returns the exit status.
 */
export async function runCli(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'serve' || command === 'migrate' || command === 'seed' || command === 'birthdays') {
      const { runServerCommand } = await import('./commands');
      return await runServerCommand(command, env);
    }
    if (command === 'conformance') {
      const { runConformanceCli } = await import('../../conformance/cli');
      return await runConformanceCli(rest, {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
        env,
        color: Boolean(process.stdout.isTTY) && !env.NO_COLOR,
      });
    }
    if (command === '--version' || command === '-v') {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    process.stdout.write(USAGE);
    return command && command !== '--help' && command !== '-h' && command !== 'help' ? 1 : 0;
  } catch (error) {
    if (isMissingModule(error) && command !== 'conformance') {
      process.stderr.write(`sadakat ${command} needs the server's dependencies: npm install ${SERVER_PEERS}\n(${error.message})\n`);
      return 1;
    }
    process.stderr.write(`sadakat: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
