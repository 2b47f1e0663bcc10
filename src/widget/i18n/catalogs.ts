import { lazyCatalogs } from './lazyCatalogs';
import type { Messages } from './tr';

/**
 * The panel catalogs, one lazily loaded chunk per language (`chunks/catalog-<lang>-….mjs`, see
 * vite.config.ts): a shopper downloads only the language the panel shows, not all three.
 * A missing language here is a type error.
 */
const panel = lazyCatalogs<Messages>({
  tr: () => import('./tr').then((module) => module.tr),
  en: () => import('./en').then((module) => module.en),
  ar: () => import('./ar').then((module) => module.ar),
});

/** The catalogs loaded so far; a signal, so that a view re-renders when its language arrives. */
export const loadedCatalogs = panel.loaded;
/** Loads (once) the catalog of `language`. A failed load may be tried again. */
export const loadCatalog = panel.load;
/**
 * The catalog for `language` if loaded; otherwise it starts loading it and answers with one that
 * is loaded (the previous language keeps showing for the moment the new one takes), or `null`.
 */
export const catalogFor = panel.catalogFor;
