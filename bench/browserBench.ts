// The browser half of `npm run bench`: the demo storefront's product page, served with no widget,
// with Sadakat, with the peer widgets from npm and with the bare Preact + signals floor, loaded in
// Debian's Chromium at 4× CPU throttling, interleaved, a fresh profile (browser context) per load.
// Each load is a cold page view (empty cache and storage), the first open of the launcher, then a
// warm page view of the same page in the same tab (HTTP cache and sessionStorage kept).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { build } from 'esbuild';
import { Hono } from 'hono';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../test/e2e/support/browser';
import { createDemoApp } from '../demo/server';
import { SHOPPER_COOKIE } from '../demo/shop/app';
import { compressedSizes, type Sizes } from '../scripts/sizeCheck';
import { createApp, migrateToLatest, openDatabase, seedDemo } from '../src/server';
import { BASELINE_DIST, observerScript, VARIANTS, type Variant } from './variants';

export interface PageViewSample {
  /** Bytes of the widget's JS that ran on the page (every file under /cdn), whatever the cache. */
  widgetJs: Sizes;
  /** Bytes of JS that came over the network (brotli on the wire), host page included. */
  jsWire: number;
  /** Requests that reached the network (cache hits not counted), host page included. */
  requests: number;
  scriptMs: number;
  longTasks: number;
  tbtMs: number;
  cls: number;
  launcherMs: number | null;
  heapMb: number;
}

export interface LoadSample {
  variant: string;
  cold: PageViewSample;
  firstOpenMs: number | null;
  warm: PageViewSample;
}

export interface BrowserBenchOptions {
  loads: number;
  /** How long each page view is observed, from navigation start. */
  windowMs: number;
  cpuThrottle: number;
  log?: (line: string) => void;
}

const repo = resolve(import.meta.dirname, '..');
const PRODUCT = '/urun/kervan-espresso-harmani';
/** Pointer resting on the launcher before the first click. */
const HOVER_MS = 150;

/** The local "CDN": what each vendor serves, from the installed packages and dist/. */
async function cdnFiles(): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const dist = join(repo, 'dist');
  const add = (path: string, file: string) => files.set(path, readFileSync(file));
  add('sadakat/sadakat.js', join(dist, 'sadakat.js'));
  add('sadakat/sadakat-app.mjs', join(dist, 'sadakat-app.mjs'));
  add('sadakat/sadakat-page.mjs', join(dist, 'sadakat-page.mjs'));
  const { readdirSync } = await import('node:fs');
  for (const chunk of readdirSync(join(dist, 'chunks'))) add(`sadakat/chunks/${chunk}`, join(dist, 'chunks', chunk));
  // BENCH_BASELINE_DIST: another build of Sadakat (e.g. main's dist/, copied aside) served under
  // /cdn/baseline/, so a change is compared with what it replaces in the same run.
  if (BASELINE_DIST) {
    const walk = (dir: string, prefix: string): void => {
      for (const entry of readdirSync(join(BASELINE_DIST, dir), { withFileTypes: true })) {
        if (entry.isDirectory() && entry.name !== 'admin' && entry.name !== 'node') walk(join(dir, entry.name), `${prefix}${entry.name}/`);
        else if (/\.m?js$/.test(entry.name)) add(`baseline/sadakat/${prefix}${entry.name}`, join(BASELINE_DIST, dir, entry.name));
      }
    };
    walk('', '');
  }
  const typeform = join(repo, 'node_modules/@typeform/embed/build');
  // Typeform's embed.js adds its stylesheet from its CDN; self-hosted, it comes from the same place.
  files.set('typeform/embed.js', Buffer.from(readFileSync(join(typeform, 'embed.js'), 'utf8').replace('https://embed.typeform.com/next/css/', '/cdn/typeform/css/')));
  for (const css of readdirSync(join(typeform, 'css'))) add(`typeform/css/${css}`, join(typeform, 'css', css));
  add('cal/embed.js', join(repo, 'node_modules/@calcom/embed-core/dist/embed/embed.js'));
  const floor = await build({
    entryPoints: [join(repo, 'bench/floor/launcher.tsx')],
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  files.set('floor/launcher.js', Buffer.from(floor.outputFiles[0]!.contents));
  return files;
}

const TYPES: Record<string, string> = { js: 'text/javascript', mjs: 'text/javascript', css: 'text/css' };

interface Servers {
  pageOrigin: string;
  sizes: Map<string, Sizes>;
  close(): Promise<void>;
}

export async function startServers(): Promise<Servers & { html: Map<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'sadakat-bench-'));
  const db = await openDatabase(`file:${join(dir, 'bench.db')}`);
  await migrateToLatest(db);

  const files = await cdnFiles();
  const sizes = new Map<string, Sizes>();
  const brotli = new Map<string, Buffer>();
  for (const [path, bytes] of files) sizes.set(path, compressedSizes(bytes));
  const { brotliCompressSync, constants } = await import('node:zlib');
  for (const [path, bytes] of files) brotli.set(path, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));

  const html = new Map<string, string>();
  let demo: { fetch(request: Request): Response | Promise<Response> } | null = null;
  const pages = new Hono();
  pages.get('/p/:variant', (c) => {
    const page = html.get(c.req.param('variant'));
    return page ? c.html(page, 200, { 'Cache-Control': 'no-store' }) : c.notFound();
  });
  pages.get('/cdn/*', (c) => {
    const path = c.req.path.slice('/cdn/'.length);
    // `/cdn/launcher-only/…` serves the page-view script and refuses every lazy file, to split
    // Sadakat's cost between the page view and the panel it loads when the browser is idle.
    const launcherOnly = path.startsWith('launcher-only/');
    const file = launcherOnly ? path.slice('launcher-only/'.length) : path;
    if (launcherOnly && !/^(baseline\/)?sadakat\/sadakat\.js$/.test(file)) return c.notFound();
    const body = brotli.get(file);
    if (!body) return c.notFound();
    const type = TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream';
    // Served like a CDN: brotli, cacheable for the warm page view.
    return c.body(new Uint8Array(body), 200, { 'Content-Type': type, 'Content-Encoding': 'br', 'Cache-Control': 'public, max-age=3600', Vary: 'Accept-Encoding' });
  });
  pages.all('*', (c) => demo!.fetch(c.req.raw));

  const listen = (fetch: (request: Request) => Response | Promise<Response>) =>
    new Promise<{ origin: string; close(): Promise<void> }>((done) => {
      const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
        done({ origin: `http://127.0.0.1:${info.port}`, close: () => new Promise<void>((closed) => server.close(() => closed())) }),
      );
    });
  const pageServer = await listen((request) => pages.fetch(request));
  let api: { fetch(request: Request): Response | Promise<Response> } | null = null;
  const apiServer = await listen((request) => api!.fetch(request));

  const seed = await seedDemo(db, { origins: [pageServer.origin] });
  api = createApp({ db, log: () => {} });
  const demoApp = createDemoApp({ db, seed, distDir: join(repo, 'dist') }).app;
  demo = demoApp;

  // The product page as the demo shop renders it for a signed-in shopper, without its widget tag.
  const rendered = await (await demoApp.fetch(new Request(`${pageServer.origin}${PRODUCT}`, { headers: { cookie: `${SHOPPER_COOKIE}=ayse` } }))).text();
  const tag = /<script async src="[^"]*sadakat\.js"[^>]*data-customer-token="([^"]+)"[^>]*><\/script>/.exec(rendered);
  if (!tag?.[1]) throw new Error('bench: the product page has no signed-in Sadakat tag to replace');
  const bare = rendered.replace(tag[0], '');
  for (const variant of VARIANTS) {
    const snippet = variant.snippet({ cdn: `${pageServer.origin}/cdn`, api: apiServer.origin, shop: seed.shop.publishableKey, customerToken: tag[1] });
    html.set(slug(variant), bare.replace('</body>', `${snippet}</body>`));
  }

  return {
    pageOrigin: pageServer.origin,
    sizes,
    html,
    async close() {
      await pageServer.close();
      await apiServer.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const slug = (variant: Variant) => variant.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

interface NetworkLog {
  requests: number;
  jsWire: number;
  cdnScripts: Set<string>;
}

function watchNetwork(cdp: CDPSession, pageOrigin: string) {
  let log: NetworkLog = { requests: 0, jsWire: 0, cdnScripts: new Set() };
  const scripts = new Set<string>();
  const cached = new Set<string>();
  cdp.on('Network.requestServedFromCache', (e: { requestId: string }) => cached.add(e.requestId));
  cdp.on('Network.responseReceived', (e: { requestId: string; type: string; response: { url: string; status: number; fromDiskCache?: boolean; fromPrefetchCache?: boolean } }) => {
    if (e.response.fromDiskCache || e.response.fromPrefetchCache) cached.add(e.requestId);
    if (e.type === 'Script' && e.response.status === 200) {
      scripts.add(e.requestId);
      if (e.response.url.startsWith(`${pageOrigin}/cdn/`)) log.cdnScripts.add(e.response.url.slice(`${pageOrigin}/cdn/`.length).replace(/^launcher-only\//, ''));
    }
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    if (cached.has(e.requestId)) return;
    log.requests += 1;
    if (scripts.has(e.requestId)) log.jsWire += e.encodedDataLength;
  });
  cdp.on('Network.loadingFailed', (e: { requestId: string }) => {
    if (!cached.has(e.requestId)) log.requests += 1;
  });
  return {
    take(): NetworkLog {
      const taken = log;
      log = { requests: 0, jsWire: 0, cdnScripts: new Set() };
      return taken;
    },
  };
}

async function metric(cdp: CDPSession, name: string): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return metrics.find((m) => m.name === name)?.value ?? 0;
}

async function pageView(page: Page, cdp: CDPSession, network: ReturnType<typeof watchNetwork>, url: string, options: BrowserBenchOptions, sizes: Map<string, Sizes>): Promise<PageViewSample> {
  network.take();
  await page.goto(url, { waitUntil: 'load' });
  const elapsed = await page.evaluate(() => performance.now());
  if (elapsed < options.windowMs) await page.waitForTimeout(options.windowMs - elapsed);
  const scriptAfter = await metric(cdp, 'ScriptDuration');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await metric(cdp, 'JSHeapUsedSize');
  const observed = await page.evaluate(() => {
    const b = (window as unknown as { __bench: { longTasks: Array<[number, number]>; cls: number; launcherAt: number | null } }).__bench;
    return { longTasks: b.longTasks, cls: b.cls, launcherAt: b.launcherAt };
  });
  const net = network.take();
  const widgetJs = [...net.cdnScripts].reduce<Sizes>(
    (sum, path) => {
      const s = sizes.get(path);
      return s ? { raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli } : sum;
    },
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return {
    widgetJs,
    jsWire: net.jsWire,
    requests: net.requests,
    // CDP's Performance metrics belong to the document: a navigation starts them again at 0.
    scriptMs: scriptAfter * 1000,
    longTasks: observed.longTasks.length,
    tbtMs: observed.longTasks.reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0),
    cls: observed.cls,
    launcherMs: observed.launcherAt,
    heapMb: heap / 1024 / 1024,
  };
}

export async function firstOpen(page: Page, hoverMs = HOVER_MS, hovered?: () => Promise<void>): Promise<number | null> {
  const point = await page.evaluate(() => (window as unknown as { __bench: { launcherRect(): { x: number; y: number } | null } }).__bench.launcherRect());
  if (!point) return null;
  // A shopper's pointer reaches the launcher a moment before the click (pointer intent).
  await page.mouse.move(point.x, point.y);
  await page.waitForTimeout(hoverMs);
  await hovered?.();
  await page.mouse.down();
  await page.mouse.up();
  return page.evaluate(() => (window as unknown as { __bench: { waitOpen(): Promise<number | null> } }).__bench.waitOpen());
}

export async function runBrowserBench(options: BrowserBenchOptions): Promise<{ samples: LoadSample[]; chromium: string; sizes: Record<string, Sizes> }> {
  const log = options.log ?? (() => {});
  const servers = await startServers();
  // Nothing leaves the machine: every host but loopback fails at once (peers' iframes, fonts).
  const browser = await launchBrowser(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']);
  const samples: LoadSample[] = [];
  try {
    // One unrecorded round first (the server's and the browser's first-use costs), then the
    // recorded rounds, each in a rotated order so no variant always goes first.
    for (let round = -1; round < options.loads; round++) {
      const order = VARIANTS.map((_, i) => VARIANTS[(i + Math.max(round, 0)) % VARIANTS.length]!);
      for (const variant of order) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        try {
          await context.addInitScript(observerScript(variant));
          const page = await context.newPage();
          const cdp = await context.newCDPSession(page);
          await cdp.send('Performance.enable');
          await cdp.send('Network.enable');
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuThrottle });
          const network = watchNetwork(cdp, servers.pageOrigin);
          const url = `${servers.pageOrigin}/p/${slug(variant)}`;
          const cold = await pageView(page, cdp, network, url, options, servers.sizes);
          const opened = variant.opened ? await firstOpen(page) : null;
          const warm = await pageView(page, cdp, network, url, options, servers.sizes);
          if (round >= 0) samples.push({ variant: variant.name, cold, firstOpenMs: opened, warm });
          log(`${round < 0 ? 'warm-up' : `round ${round + 1}/${options.loads}`} ${variant.name}: script ${cold.scriptMs.toFixed(0)} ms, launcher ${cold.launcherMs?.toFixed(0) ?? '-'} ms, open ${opened?.toFixed(0) ?? '-'} ms`);
        } finally {
          await context.close();
        }
      }
    }
    return { samples, chromium: browser.version(), sizes: Object.fromEntries(servers.sizes) };
  } finally {
    await browser.close();
    await servers.close();
  }
}
