import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The published command, run with plain Node (no tsx) from the JS build in dist/node/. */
export const BIN = resolve('bin/sadakat.js');
const BUILT_CLI = resolve('dist/node/cli.js');

/**
 * Whether `npm run build` has made dist/node/. `npm test` builds first; a bare `vitest run` on a
 * fresh clone skips these suites, except in CI, where a missing build is an error.
 */
export function cliBuilt(): boolean {
  if (existsSync(BUILT_CLI)) return true;
  if (process.env.CI) throw new Error(`${BUILT_CLI} is missing: run \`npm run build\` before the tests (npm test does).`);
  console.warn('[sadakat] built-CLI suites skipped: run `npm run build` first.');
  return false;
}

export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * `sadakat serve` as a child process on a free loopback port. It stops with this process: it gets
 * SADAKAT_STOP_WITH_PARENT=1 and a stdin pipe that closes when we end (or die).
 */
export function startServerProcess(databaseUrl: string, bin = BIN): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', SADAKAT_STOP_WITH_PARENT: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    child.stdin?.end();
    await exited;
  };
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) resolvePromise({ url: match[1], stop });
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('exit', (code) => reject(new Error(`sadakat serve exited early (${code}): ${output}`)));
  });
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/sadakat.js …` to completion. */
export function runCliProcess(args: string[], env: Record<string, string> = {}, bin = BIN): Promise<CliRun> {
  return new Promise((resolvePromise) => {
    execFile(process.execPath, [bin, ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolvePromise({ code, stdout, stderr });
    });
  });
}
