import { signal, type ReadonlySignal } from '@preact/signals';
import type { Language } from './locale';

export interface LazyCatalogs<T> {
  /** The catalogs loaded so far; a signal, so that a view re-renders when its language arrives. */
  loaded: ReadonlySignal<Partial<Record<Language, T>>>;
  /** Loads (once) the catalog of `language`. A failed load may be tried again. */
  load(language: Language): Promise<T>;
  /**
   * The catalog for `language` if loaded; otherwise it starts loading it and answers with one that
   * is loaded (the previous language keeps showing for the moment the new one takes), or `null`.
   */
  catalogFor(language: Language): T | null;
}

/**
 * Catalogs kept one chunk per language (`import()` in each loader), so that a shopper downloads
 * only the language shown: the panel's (../i18n/catalogs.ts) and the referral chunk's. The loaded
 * catalogs are plain immutable data, shared by every widget on the page like the chunks themselves.
 */
export function lazyCatalogs<T>(loaders: Record<Language, () => Promise<T>>): LazyCatalogs<T> {
  const loaded = signal<Partial<Record<Language, T>>>({});
  const loading = new Map<Language, Promise<T>>();

  function load(language: Language): Promise<T> {
    let pending = loading.get(language);
    if (!pending) {
      pending = loaders[language]().then(
        (catalog) => {
          loaded.value = { ...loaded.value, [language]: catalog };
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

  return {
    loaded,
    load,
    catalogFor(language) {
      const all = loaded.value;
      const catalog = all[language];
      if (catalog) return catalog;
      load(language).catch(() => undefined);
      return Object.values(all)[0] ?? null;
    },
  };
}
