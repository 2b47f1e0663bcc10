/**
 * A small validation engine with the `zod/mini` API, used by every widget build: `vite build` aliases
 * `zod/mini` to this module in the page-view script (mode `iife`) and in the ES build (mode `esm`:
 * the npm entry, the panel and its lazy chunks). The schemas stay the contract's and the options'
 * own zod schemas, written once; only the engine that runs them in the shopper's browser is
 * swapped, because zod's core (≈ 9 KB brotli) would cost more than the whole page-view script
 * without the schemas. TypeScript keeps seeing zod's types (`z.infer`); the admin dashboard and the
 * server keep real zod.
 *
 * It covers the part of the API that the widget's modules use, with zod's semantics for the result:
 * `{ success, data }` (defaults, catches, pipes, transforms and trims applied, unknown keys of plain
 * objects dropped) or `{ success: false, error: { issues } }` with zod's issue `code`, `path` and
 * `keys`, in zod's order. No `message`: no widget code reads one. `test/widget/zodPageView.test.ts`
 * (options) and `test/widget/contractEngine.test.ts` (every contract schema, on real server
 * payloads and their mutations) parse the same inputs with both engines and require identical
 * results. Tree-shaking keeps in each bundle only the parts its schemas use (the page view must stay
 * under 10 KB brotli). A `z.*` function missing here fails the build (see vite.config.ts), never
 * the shopper's page.
 */
// Named exports, re-exported as the namespace `z` by `zodMiniPageView.ts` (the alias target), so that
// a `z.something` this engine lacks is a missing export at build time.
export { string, number, int, boolean, unknown, literal, custom, iso, uuid, ipv4, ipv6, null, enum } from './primitives';
export { maxLength, minLength, length, regex, minimum, maximum, positive, refine, superRefine, overwrite, trim } from './checks';
export { object, strictObject, extend, array, record } from './containers';
export { optional, nullable, _default, catch, transform, pipe, union, discriminatedUnion } from './wrappers';
export type { Schema } from './engine';
