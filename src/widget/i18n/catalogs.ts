import { signal } from '@preact/signals';
import type { Language } from './locale';
import type { Messages } from './tr';

/**
 * The panel catalogs, one lazily loaded chunk per language (`chunks/catalog-<lang>-….mjs`, see
 * vite.config.ts): a shopper downloads only the language the panel shows, not all three.
 * A missing language here is a type error.
 */
const loaders: Record<Language, () => Promise<Messages>> = {
  tr: () => import('./tr').then((module) => module.tr),
  en: () => import('./en').then((module) => module.en),
  ar: () => import('./ar').then((module) => module.ar),
};

/** The catalogs loaded so far; a signal, so that a view re-renders when its language arrives. */
export const loadedCatalogs = signal<Partial<Record<Language, Messages>>>({});
const loading = new Map<Language, Promise<Messages>>();

/** Loads (once) the catalog of `language`. A failed load may be tried again. */
export function loadCatalog(language: Language): Promise<Messages> {
  let pending = loading.get(language);
  if (!pending) {
    pending = loaders[language]().then(
      (catalog) => {
        loadedCatalogs.value = { ...loadedCatalogs.value, [language]: catalog };
        return catalog;
      },
      (error: unknown) => {
        loading.delete(language);
        throw error;
      },
    );
    loading.set(language, pending);
  }
  return pending;
}

/**
 * The catalog for `language` if loaded; otherwise it starts loading it and answers with one that
 * is loaded (the previous language keeps showing for the moment the new one takes), or `null`.
 */
export function catalogFor(language: Language): Messages | null {
  const loaded = loadedCatalogs.value;
  const catalog = loaded[language];
  if (catalog) return catalog;
  loadCatalog(language).catch(() => undefined);
  return Object.values(loaded)[0] ?? null;
}
