/**
 * The script-tag entry (`dist/sadakat.js`, IIFE, no exports so Vite emits no global `var`).
 *
 * Paste either the tag alone (auto-init from `data-*`):
 *
 *   <script async src="https://cdn.example/sadakat.js" data-shop="pk_live_…"
 *     data-api="https://loyalty.example.com" data-customer-token="…" data-locale="tr"></script>
 *
 * or the queue stub (Segment-style: an array collecting `[method, ...args]`, replayed in order):
 *
 *   <script>
 *   !function(w,d,s){var S=w.Sadakat=w.Sadakat||[];if(S.version||S.invoked)return;S.invoked=1;
 *   ["init","identify","logout","open","close","refresh","page","showSurvey","on","off","destroy"]
 *   .forEach(function(m){S[m]=function(){S.push([m].concat([].slice.call(arguments)));return S}});
 *   s=d.createElement("script");s.async=1;s.src="https://cdn.example/sadakat.js";
 *   d.head.appendChild(s)}(window,document);
 *   Sadakat.init({ shop: "pk_live_…", api: "https://loyalty.example.com" });
 *   </script>
 *
 * The panel is a separate ES module, `sadakat-app.mjs`, loaded with `import()` from the same
 * directory as this script on intent (pointer or focus on the launcher or an opener, `open()`, a
 * survey asked) or when a page needs it (a friend's code, answers waiting). `sadakat-page.mjs`, a
 * small one without the panel's libraries, fills inline placements and shows the badge.
 */
import { installGlobal } from './core/install';

// Must be read synchronously at the top level: it is null in any callback.
const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;

try {
  const scriptSrc = script?.src || document.querySelector<HTMLScriptElement>('script[src*="sadakat"]')?.src || location.href;
  installGlobal({
    window,
    document,
    script,
    // A computed specifier keeps this a real dynamic import in the IIFE build.
    loadApp: () => import(/* @vite-ignore */ new URL('sadakat-app.mjs', scriptSrc).href),
    loadPage: () => import(/* @vite-ignore */ new URL('sadakat-page.mjs', scriptSrc).href),
  });
} catch (error) {
  console.error('[sadakat] failed to start', error);
}
