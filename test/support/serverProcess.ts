import { spawn } from 'node:child_process';

export interface ServerProcess {
  url: string;
  /** Closes the server's stdin, which stops it (SADAKAT_STOP_WITH_PARENT), and waits for its exit. */
  stop(): Promise<void>;
}

/**
 * Starts the reference server as its own process (as in production) on a free 127.0.0.1 port.
 * It can never outlive the test process: it stops when its stdin closes.
 */
export function startServerProcess(databaseUrl: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/main.ts', 'serve'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', SADAKAT_STOP_WITH_PARENT: '1' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        resolve({
          url: match[1],
          stop: async () => {
            if (child.exitCode === null) child.stdin?.end();
            await exited;
          },
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code}): ${output}`)));
  });
}
