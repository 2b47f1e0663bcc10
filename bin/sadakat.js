#!/usr/bin/env node
// The `sadakat` command: serve, migrate, seed, conformance. Runs the JS build in dist/node/ with
// plain Node (no tsx); `npm run build` makes it, and the npm package ships it.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/node/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('sadakat: dist/node/cli.js is missing. In a checkout of Sadakat, run `npm run build` first.\n');
  process.exit(1);
}
const { runCli } = await import(cli.href);
process.exitCode = await runCli(process.argv.slice(2));
