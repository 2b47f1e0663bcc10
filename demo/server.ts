import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp, ensureDemoSeed, migrateToLatest, mintCustomerToken, openDatabase, type AppOptions, type Database, type DemoSeed } from '../src/server/index';
import { createStorefront } from './shop/app';
import { createLoyaltyBridge } from './shop/loyalty';
import { OrderBook } from './shop/orders';
import { serveFiles } from './shop/static';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');

export interface DemoServerOptions {
  /** 0 picks a free port. @default 8787 */
  port?: number;
  /** The demo listens on loopback only. @default '127.0.0.1' */
  host?: '127.0.0.1';
  /** Holds the SQLite file and the demo shop's generated secrets. @default '.data' */
  dataDir?: string;
  /** Overrides the database, e.g. `postgres://…`. @default `file:<dataDir>/sadakat.db` */
  databaseUrl?: string;
  /** Where the built widget lives. @default '<repo>/dist' */
  distDir?: string;
  /** The API's storefront rate limits; the e2e suite turns them off (every test is one IP). */
  rateLimits?: AppOptions['rateLimits'];
}

export interface DemoServer {
  /** e.g. `http://127.0.0.1:8787` */
  url: string;
  /** The demo shop and its shoppers (including the shop's secrets: for tests, never for pages). */
  seed: DemoSeed;
  databaseUrl: string;
  close(): Promise<void>;
}

export interface DemoAppOptions {
  db: Database;
  seed: DemoSeed;
  distDir?: string;
  orders?: OrderBook;
  rateLimits?: AppOptions['rateLimits'];
}

/**
 * One Hono app for the whole demo: the reference API under `/v1`, the built widget under
 * `/sadakat`, the storefront's files under `/static`, and the storefront pages for the rest.
 */
export function createDemoApp(options: DemoAppOptions) {
  const { db, seed } = options;
  const distDir = options.distDir ?? join(repoRoot, 'dist');
  const api = createApp({ db, adminDir: join(distDir, 'admin'), ...(options.rateLimits === undefined ? {} : { rateLimits: options.rateLimits }) });
  const orders = options.orders ?? new OrderBook();
  // The shop's backend talks to Sadakat server to server with its secret key (in process here).
  const loyalty = createLoyaltyBridge({ secretKey: seed.shop.secretKey, currency: 'TRY', send: (request) => api.fetch(request) });
  orders.acceptCoupons(loyalty);
  orders.onPlaced(async (order) => {
    const earned = await loyalty.reportOrder(order).catch(() => null);
    if (earned) order.loyalty = earned;
  });
  const storefront = createStorefront({
    publishableKey: seed.shop.publishableKey,
    shoppers: seed.shoppers,
    // The demo shop's backend signs tokens the way a merchant's server would.
    mintToken: (shopper) =>
      mintCustomerToken({
        shopId: seed.shop.id,
        signingSecret: seed.shop.signingSecret,
        customerId: shopper.id,
        email: shopper.email,
        name: shopper.name,
        expiresInSeconds: 60 * 60,
      }),
    orders,
  });

  const app = new Hono();
  app.all('/v1/*', (c) => api.fetch(c.req.raw));
  // The merchant dashboard, served by the reference server itself.
  app.get('/admin', (c) => api.fetch(c.req.raw));
  app.get('/admin/*', (c) => api.fetch(c.req.raw));
  app.get('/sadakat/*', serveFiles(distDir, '/sadakat/'));
  app.get('/static/*', serveFiles(join(here, 'public'), '/static/'));
  // Browsers ask for /favicon.ico on documents that declare no icon (a CSS file opened as a page).
  app.get('/favicon.ico', (c) => c.redirect('/static/img/favicon.svg', 301));
  app.route('/', storefront.app);
  return { app, orders: storefront.orders };
}

/**
 * Starts the demo: opens (and creates) the database, migrates it, seeds the demo shop on first
 * run, and serves everything on one loopback port.
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const host = options.host ?? '127.0.0.1';
  const dataDir = resolve(options.dataDir ?? '.data');
  mkdirSync(dataDir, { recursive: true });
  const databaseUrl = options.databaseUrl ?? `file:${join(dataDir, 'sadakat.db')}`;
  const db = await openDatabase(databaseUrl);
  let server: ReturnType<typeof serve> | undefined;
  try {
    await migrateToLatest(db);

    // Listen first: with port 0 the origin (which the shop must allow) is known only afterwards.
    // Until the app is ready every request gets a 503; nobody knows the URL before we return.
    let handler: (request: Request) => Response | Promise<Response> = () =>
      new Response('Starting…', { status: 503, headers: { 'Retry-After': '1' } });
    const listening = serve({ fetch: (request) => handler(request), port: options.port ?? 8787, hostname: host });
    server = listening;
    await new Promise<void>((resolveListen, rejectListen) => {
      if (listening.listening) return resolveListen();
      listening.once('listening', () => resolveListen());
      listening.once('error', rejectListen);
    });
    const { port } = listening.address() as AddressInfo;
    const url = `http://${host}:${port}`;

    // The same file as `sadakat seed` writes, so the CLI and the demo share one demo shop.
    const seed = await ensureDemoSeed(db, {
      secretsFile: join(dataDir, 'demo-shop.json'),
      origins: [url, `http://localhost:${port}`],
    });
    const { app } = createDemoApp({ db, seed, ...(options.distDir ? { distDir: options.distDir } : {}), ...(options.rateLimits === undefined ? {} : { rateLimits: options.rateLimits }) });
    handler = (request) => app.fetch(request);

    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        await new Promise<void>((done) => {
          listening.close(() => done());
          // Keep-alive sockets would hold close() open.
          if ('closeAllConnections' in listening) listening.closeAllConnections();
        });
        await db.close();
      })());
    return { url, seed, databaseUrl, close };
  } catch (error) {
    server?.close();
    await db.close();
    throw error;
  }
}
