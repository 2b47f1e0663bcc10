import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, migrateToLatest, openDatabase, seedDemo, type Database, type DemoSeed } from '../../../src/server';
import { createTestDatabase, type TestDatabase } from '../../support/testDatabase';

export const SHOP_ORIGIN = 'https://shop.example';

/** The real reference server on a fresh, seeded database, for handlers to wrap or serve as is. */
export interface ReferenceBackend {
  app: ReturnType<typeof createApp>;
  seed: DemoSeed;
  close(): Promise<void>;
}

export async function createReferenceBackend(): Promise<ReferenceBackend> {
  const database: TestDatabase = await createTestDatabase();
  const db: Database = await openDatabase(database.url);
  await migrateToLatest(db);
  const seed = await seedDemo(db, { origins: [SHOP_ORIGIN] });
  return {
    app: createApp({ db, log: () => {} }),
    seed,
    async close() {
      await db.close();
      await database.drop();
    },
  };
}

export interface Listening {
  url: string;
  close(): Promise<void>;
}

/** Serves a fetch handler on a free loopback port, as a real HTTP server. */
export function listen(fetchHandler: (request: Request) => Response | Promise<Response>): Promise<Listening> {
  return new Promise((resolve) => {
    const server: ServerType = serve({ fetch: fetchHandler, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
  });
}
