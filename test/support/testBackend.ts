import { createApp, migrateToLatest, mintCustomerToken, openDatabase, seedDemo, type DemoSeed } from '../../src/server';
import { createTestDatabase } from './testDatabase';

export interface TestBackend {
  app: ReturnType<typeof createApp>;
  db: Awaited<ReturnType<typeof openDatabase>>;
  /** The storefront origin the demo shop allows. */
  origin: string;
  /** Base URL to give the widget as `api`; requests to it go to `fetch` below. */
  api: string;
  /** A `fetch` routed in-process to the real app (no port, no mock). */
  fetch: typeof fetch;
  shop: DemoSeed['shop'];
  shoppers: DemoSeed['shoppers'];
  /** A valid customer token for one of the shop's customers (`ayse`, `mehmet`, `elif`, or anyone). */
  tokenFor(customerId: string, options?: { expiresInSeconds?: number; name?: string }): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real reference server on a fresh database: a SQLite file by default, or a new PostgreSQL
 * database when the suite runs in the `server-postgres` project.
 */
export async function createTestBackend(options: { now?: () => Date } = {}): Promise<TestBackend> {
  const database = await createTestDatabase();
  const db = await openDatabase(database.url);
  await migrateToLatest(db);
  const origin = 'https://shop.example';
  const seed = await seedDemo(db, { origins: [origin], ...(options.now ? { now: options.now() } : {}) });
  // Rate limits off: suites replay many requests as one client (test/server/rateLimits covers them).
  const app = createApp({ db, ...(options.now ? { now: options.now } : {}), log: () => {}, rateLimits: false });
  const api = 'https://api.sadakat.test';
  const inProcessFetch = ((input: RequestInfo | URL, init?: RequestInit) => app.fetch(new Request(input, init))) as typeof fetch;
  return {
    app,
    db,
    origin,
    api,
    fetch: inProcessFetch,
    shop: seed.shop,
    shoppers: seed.shoppers,
    tokenFor: (customerId, tokenOptions = {}) =>
      mintCustomerToken({
        shopId: seed.shop.id,
        signingSecret: seed.shop.signingSecret,
        customerId,
        ...(options.now ? { issuedAt: options.now() } : {}),
        ...tokenOptions,
      }),
    async close() {
      await db.close();
      await database.drop();
    },
  };
}
