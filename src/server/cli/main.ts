import { runCli } from './run';

// Source entry for `npm run serve|migrate|seed` (tsx); the published CLI is bin/sadakat.js.
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`sadakat: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
