import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDemoServer } from '../../demo/server';
import './support/demo';

const SAFETY_STOP_MS = 30 * 60 * 1000;

/**
 * Starts the real demo (reference API, built widget, storefront) on a free loopback port with a
 * fresh SQLite database, for the whole e2e run; stops it and removes the data at teardown.
 */
export async function setup(project: TestProject) {
  const widget = resolve('dist/sadakat.js');
  if (!existsSync(widget)) {
    throw new Error(`${widget} is missing: the e2e tests drive the built widget. Run \`npm run build\` (npm test does it).`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'sadakat-e2e-'));
  // Rate limits off: every test shares one IP and one shopper; test/server/rateLimits covers them.
  const server = await startDemoServer({ port: 0, dataDir, rateLimits: false });
  // If the run is killed before teardown, the server still goes away.
  const safety = setTimeout(() => void server.close(), SAFETY_STOP_MS);
  safety.unref();

  project.provide('demo', {
    url: server.url,
    databaseUrl: server.databaseUrl,
    shop: { id: server.seed.shop.id, publishableKey: server.seed.shop.publishableKey, signingSecret: server.seed.shop.signingSecret, secretKey: server.seed.shop.secretKey },
    shoppers: server.seed.shoppers,
  });

  return async () => {
    clearTimeout(safety);
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
