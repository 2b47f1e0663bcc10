import { readFileSync } from 'node:fs';
import type { CDPSession, Page, Route } from 'playwright-core';
import { mintCustomerToken } from '../../../src/server/index';
import { demo } from './demo';

/** The SRI hash the build published for a file in dist/. */
export function builtIntegrity(file: string): string {
  const manifest = JSON.parse(readFileSync('dist/integrity.json', 'utf8')) as { files: Record<string, string> };
  const hash = manifest.files[file];
  if (!hash) throw new Error(`dist/integrity.json has no ${file}`);
  return hash;
}

/**
 * Hostile host pages (reliability cases T01–T07, T09, T11): the real script tag from the demo
 * server on pages whose owners did things a widget must survive — the strictest CSP a shop can
 * run, patched built-ins, a polluted URL, the snippet twice, calls before the script arrives, and
 * a script that never loads. Served at the demo's origin (the API allow-lists it).
 */

export const NONCE = 'hostile-fixture-nonce';

/**
 * Google's strict CSP plus Trusted Types and no inline styles: nothing may run but nonced
 * scripts and what they load; no `<style>` or `style=""` without a nonce; no string reaches a DOM
 * XSS sink. The widget must need none of it weakened.
 */
export const STRICT_CSP = [
  "default-src 'none'",
  `script-src 'nonce-${NONCE}' 'strict-dynamic'`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

/** The queue stub without its loader part: under Trusted Types only a nonced tag may load scripts. */
export const QUEUE_STUB = `!function(w){var S=w.Sadakat=w.Sadakat||[];if(S.version||S.invoked)return;S.invoked=1;
["init","identify","logout","open","close","refresh","page","showSurvey","on","off","destroy"]
.forEach(function(m){S[m]=function(){if(S.length<100)S.push([m].concat([].slice.call(arguments)));return S}})}(window);`;

export interface HostPage {
  /** Nonced inline scripts run in `<head>` before anything else on the page. */
  headScripts?: string[];
  /** Script tags for the widget: attributes are added by `widgetTag()`. */
  widgetTags?: string[];
  /** Scripts after the widget's tag. */
  tailScripts?: string[];
  /** Extra query string / hash the page is opened with. */
  suffix?: string;
}

export async function customerToken(shopperId: string): Promise<string> {
  const { shop, shoppers } = demo();
  const shopper = shoppers.find((candidate) => candidate.id === shopperId);
  if (!shopper) throw new Error(`no demo shopper "${shopperId}"`);
  return mintCustomerToken({ shopId: shop.id, signingSecret: shop.signingSecret, customerId: shopper.id, name: shopper.name, expiresInSeconds: 3600 });
}

/** The merchant's script tag: `data-*` auto-init, async, nonced. */
export function widgetTag(options: { token?: string | null; src?: string; init?: boolean; integrity?: boolean } = {}): string {
  const { url, shop } = demo();
  const attributes = [`async src="${options.src ?? '/sadakat/sadakat.js'}"`, `nonce="${NONCE}"`];
  if (options.integrity) attributes.push(`integrity="${builtIntegrity('sadakat.js')}" crossorigin="anonymous"`);
  if (options.init !== false) {
    attributes.push(`data-shop="${shop.publishableKey}"`, `data-api="${url}"`);
    if (options.token) attributes.push(`data-customer-token="${options.token}"`);
  }
  return `<script ${attributes.join(' ')}></script>`;
}

const script = (code: string) => `<script nonce="${NONCE}">${code}</script>`;

export function hostPageHtml(page: HostPage): string {
  return `<!doctype html>
<html lang="tr">
<head>
<meta charset="utf-8">
<title>Hostile host page</title>
${(page.headScripts ?? []).map(script).join('\n')}
</head>
<body>
<main><h1>Kervan Kahve</h1><button type="button" id="host-button">Sepete ekle</button><output id="host-output">0</output></main>
${script(`document.getElementById('host-button').addEventListener('click', function () {
  var o = document.getElementById('host-output'); o.textContent = String(Number(o.textContent) + 1); });`)}
${(page.widgetTags ?? []).join('\n')}
${(page.tailScripts ?? []).map(script).join('\n')}
</body>
</html>`;
}

/** Serves `page` at `<demo>/__hostile/<name>` under the strict CSP and returns the URL to open. */
export async function serveHostPage(target: Page, name: string, page: HostPage): Promise<string> {
  const path = `${demo().url}/__hostile/${name}`;
  const html = hostPageHtml(page);
  const pathname = new URL(path).pathname;
  // A predicate, not a glob: the polluted URLs are full of `[`, `]` and `?`.
  await target.route((url) => url.pathname === pathname, (route: Route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': STRICT_CSP, 'Cache-Control': 'no-store' }, body: html }),
  );
  return `${path}${page.suffix ?? ''}`;
}

/**
 * Installed before any page script: records what the page's own `error`/`unhandledrejection`
 * listeners receive, and remembers every own property of `window` and of the built-in prototypes
 * as they were, so `footprint()` can say exactly what changed since.
 */
export function hostProbe() {
  const received: string[] = [];
  addEventListener('error', (event) => received.push(`error: ${event.message}`));
  addEventListener('unhandledrejection', (event) => received.push(`unhandledrejection: ${String(event.reason)}`));
  const watched: Record<string, object> = {
    Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype,
    Number: Number.prototype, Boolean: Boolean.prototype, Promise: Promise.prototype, RegExp: RegExp.prototype,
    Date: Date.prototype, Map: Map.prototype, Set: Set.prototype, Symbol: Symbol.prototype,
    EventTarget: EventTarget.prototype, Node: Node.prototype, Element: Element.prototype,
    HTMLElement: HTMLElement.prototype, Document: Document.prototype, Window: Window.prototype,
    JSON: JSON, Math: Math, Reflect: Reflect, console: console, customElements: CustomElementRegistry.prototype,
  };
  const snapshot = (target: object) => {
    const map = new Map<PropertyKey, unknown>();
    for (const key of Reflect.ownKeys(target)) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      map.set(key, descriptor && ('value' in descriptor ? descriptor.value : [descriptor.get, descriptor.set]));
    }
    return map;
  };
  const same = (a: unknown, b: unknown) =>
    Array.isArray(a) && Array.isArray(b) ? a[0] === b[0] && a[1] === b[1] : Object.is(a, b);
  const before = new Map(Object.entries(watched).map(([name, target]) => [name, snapshot(target)]));
  const windowBefore = new Set(Reflect.ownKeys(window));
  (window as unknown as { __hostProbe: unknown }).__hostProbe = {
    received,
    footprint() {
      const changed: string[] = [];
      for (const [name, target] of Object.entries(watched)) {
        const was = before.get(name)!;
        const now = snapshot(target);
        for (const [key, value] of now) if (!was.has(key) || !same(was.get(key), value)) changed.push(`${name}.${String(key)}`);
        for (const key of was.keys()) if (!now.has(key)) changed.push(`${name}.${String(key)} removed`);
      }
      const windowAdded = Reflect.ownKeys(window).filter((key) => !windowBefore.has(key)).map(String).sort();
      const storage = [localStorage, sessionStorage].flatMap((store) =>
        Array.from({ length: store.length }, (_, i) => `${store.key(i)}=${store.getItem(store.key(i) ?? '')}`),
      );
      return {
        changed: changed.sort(),
        windowAdded,
        head: [...document.head.children].map((element) => element.outerHTML),
        // The page's own script tags differ between the baseline and the page with the widget's tag.
        body: [...document.body.children].map((element) => element.tagName.toLowerCase()).filter((tag) => tag !== 'script'),
        styleSheets: document.styleSheets.length,
        adoptedStyleSheets: document.adoptedStyleSheets.length,
        rootAttributes: [...document.documentElement.attributes, ...document.body.attributes].map((a) => `${a.name}=${a.value}`),
        storage,
        polluted: ['innerHTML', 'apiBase', 'x', 'y', 'src', 'html'].filter((key) => key in {}),
      };
    },
  };
}

export interface FootprintShape {
  changed: string[];
  windowAdded: string[];
  head: string[];
  body: string[];
  styleSheets: number;
  adoptedStyleSheets: number;
  rootAttributes: string[];
  storage: string[];
  polluted: string[];
}

export function footprint(page: Page): Promise<FootprintShape> {
  return page.evaluate(() => (window as unknown as { __hostProbe: { footprint(): FootprintShape } }).__hostProbe.footprint());
}

export function receivedByHost(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { __hostProbe: { received: string[] } }).__hostProbe.received]);
}

/** Listeners on `window` and `document`, as DevTools counts them (type → count). */
export async function listenerCounts(cdp: CDPSession): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    for (const listener of listeners) {
      const key = `${expression}:${listener.type}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  return counts;
}
