// The widgets `npm run bench` puts on the demo storefront's product page, side by side. Each one is
// loaded the way its vendor documents (a script tag or their snippet), from a local "CDN" path, so
// nothing leaves the machine. `launcher` and `opened` are page-side expressions: the element whose
// appearance counts as "launcher visible", and the one whose appearance after a click counts as
// "first open painted".

export interface Page {
  /** Where the page server serves CDN files, e.g. `http://127.0.0.1:4000/cdn`. */
  cdn: string;
  /** The Sadakat API origin (another port: cross-origin, as in production). */
  api: string;
  shop: string;
  /** A signed-in shopper's token, minted by the demo shop's server as on a real product page. */
  customerToken: string;
}

export interface Variant {
  name: string;
  /** Markup appended to the product page's `<body>`. */
  snippet(page: Page): string;
  launcher: string | null;
  opened: string | null;
}

const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Another build of Sadakat to compare with in the same run (see browserBench.ts), or none. */
export const BASELINE_DIST = process.env.BENCH_BASELINE_DIST ?? '';

const sadakatTag = (p: Page, path: string) =>
  `<script async src="${p.cdn}/${path}/sadakat.js" data-shop="${attr(p.shop)}" data-api="${attr(p.api)}" data-customer-token="${attr(p.customerToken)}" data-locale="tr"></script>`;
const SADAKAT_LAUNCHER = `document.querySelector('sadakat-widget')?.shadowRoot?.querySelector('button.launcher')`;
const SADAKAT_OPENED = `document.querySelector('sadakat-widget')?.shadowRoot?.querySelector('dialog[open] [part~="balance"]')`;

/** The baseline build, full and page view only, when BENCH_BASELINE_DIST is set. */
const baseline = (): Variant[] =>
  BASELINE_DIST
    ? [
        { name: 'Sadakat (baseline build)', snippet: (p) => sadakatTag(p, 'baseline/sadakat'), launcher: SADAKAT_LAUNCHER, opened: SADAKAT_OPENED },
        { name: 'Sadakat (baseline build), page view only', snippet: (p) => sadakatTag(p, 'launcher-only/baseline/sadakat'), launcher: SADAKAT_LAUNCHER, opened: null },
      ]
    : [];

export const VARIANTS: Variant[] = [
  { name: 'no widget', snippet: () => '', launcher: null, opened: null },
  {
    name: 'Sadakat',
    snippet: (p) =>
      `<script async src="${p.cdn}/sadakat/sadakat.js" data-shop="${attr(p.shop)}" data-api="${attr(p.api)}" data-customer-token="${attr(p.customerToken)}" data-locale="tr"></script>`,
    launcher: `document.querySelector('sadakat-widget')?.shadowRoot?.querySelector('button.launcher')`,
    opened: `document.querySelector('sadakat-widget')?.shadowRoot?.querySelector('dialog[open] [part~="balance"]')`,
  },
  {
    // Attribution only: the same tag from a CDN path that serves no lazy file, so the panel never
    // loads (one `load_failed` warning). What the page view itself costs, without the idle panel.
    name: 'Sadakat, page view only',
    snippet: (p) =>
      `<script async src="${p.cdn}/launcher-only/sadakat/sadakat.js" data-shop="${attr(p.shop)}" data-api="${attr(p.api)}" data-customer-token="${attr(p.customerToken)}" data-locale="tr"></script>`,
    launcher: `document.querySelector('sadakat-widget')?.shadowRoot?.querySelector('button.launcher')`,
    opened: null,
  },
  {
    name: 'Typeform popover',
    // Typeform's documented embed: an element with data-tf-popover and their embed.js.
    snippet: (p) => `<div data-tf-popover="bench00" data-tf-button-color="#0445AF" data-tf-button-text="Anket"></div><script async src="${p.cdn}/typeform/embed.js"></script>`,
    launcher: `document.querySelector('.tf-v1-popover-button')`,
    opened: `document.querySelector('.tf-v1-popover-wrapper')`,
  },
  {
    name: 'Cal.com floating button',
    // Cal.com's documented snippet, loading embed.js from the local CDN path instead of app.cal.com.
    snippet: (p) => `<script>
(function (C, A, L) { let p = function (a, ar) { a.q.push(ar); }; let d = C.document; C.Cal = C.Cal || function () { let cal = C.Cal; let ar = arguments; if (!cal.loaded) { cal.ns = {}; cal.q = cal.q || []; d.head.appendChild(d.createElement("script")).src = A; cal.loaded = true; } if (ar[0] === L) { const api = function () { p(api, arguments); }; const namespace = ar[1]; api.q = api.q || []; if (typeof namespace === "string") { cal.ns[namespace] = cal.ns[namespace] || api; p(cal.ns[namespace], ar); p(cal, ["initNamespace", namespace]); } else p(cal, ar); return; } p(cal, ar); }; })(window, "${p.cdn}/cal/embed.js", "init");
Cal("init", { origin: "https://cal.com" });
Cal("floatingButton", { calLink: "bench/intro" });
</script>`,
    launcher: `document.querySelector('cal-floating-button')?.shadowRoot?.querySelector('button')`,
    opened: `document.querySelector('cal-modal-box')`,
  },
  ...baseline(),
  {
    name: 'Preact + signals floor',
    snippet: (p) => `<script async src="${p.cdn}/floor/launcher.js"></script>`,
    launcher: `document.querySelector('bench-floor')?.shadowRoot?.querySelector('button')`,
    opened: null,
  },
];

/**
 * Runs in the page before its own scripts (Playwright `addInitScript`): long tasks, layout shifts,
 * the moment the launcher is visible, and the first open's click-to-paint time. `window.__bench`
 * exists only in these benchmark pages.
 */
export function observerScript(variant: Variant): string {
  return `(() => {
  const b = (window.__bench = { longTasks: [], cls: 0, launcherAt: null, pointerAt: null });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) b.cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
  // Visible: a box of its own, or (a custom element drawn in its shadow root) a child with one.
  const boxed = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const visible = (el) => !!el && (boxed(el) || [...(el.shadowRoot?.querySelectorAll('*') ?? [])].some(boxed));
  const launcher = () => { try { return ${variant.launcher ?? 'null'}; } catch { return null; } };
  const opened = () => { try { return ${variant.opened ?? 'null'}; } catch { return null; } };
  ${variant.launcher ? `const poll = () => { if (visible(launcher())) { b.launcherAt = performance.now(); return; } if (performance.now() < 20000) requestAnimationFrame(poll); };
  requestAnimationFrame(poll);` : ''}
  addEventListener('pointerdown', (e) => { if (b.pointerAt === null) b.pointerAt = e.timeStamp; }, true);
  b.launcherRect = () => { const el = launcher(); if (!visible(el)) return null; const r = el.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; };
  // Resolves in the first animation frame in which the opened view is there: that frame paints it.
  b.waitOpen = () => new Promise((resolve) => {
    const tick = () => {
      if (b.pointerAt !== null && visible(opened())) resolve(performance.now() - b.pointerAt);
      else if (b.pointerAt === null || performance.now() - b.pointerAt < 10000) requestAnimationFrame(tick);
      else resolve(null);
    };
    requestAnimationFrame(tick);
  });
})();`;
}
