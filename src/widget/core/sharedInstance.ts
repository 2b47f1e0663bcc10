import type { SadakatApi } from './controller';

interface Shared {
  api: SadakatApi;
  /** Handles not yet destroyed. */
  holders: number;
}

// Keyed by document, so a page has one widget however many components ask for it, and nothing
// outlives its document (a test's fresh document, an iframe) the way a module singleton would.
const shared = new WeakMap<Document, Shared>();

/**
 * A handle on the document's one widget. The first handle creates it; later ones re-apply their
 * options to it (so a double mount, as React StrictMode does, shows one launcher); each handle's
 * `destroy()` removes its own listeners, and the last one removes the widget.
 */
export function acquireShared(doc: Document, create: () => SadakatApi, options: Parameters<SadakatApi['init']>[0]): SadakatApi {
  const join = (next: Parameters<SadakatApi['init']>[0]): Shared => {
    let entry = shared.get(doc);
    if (!entry) {
      entry = { api: create(), holders: 0 };
      shared.set(doc, entry);
    }
    entry.holders += 1;
    entry.api.init(next);
    return entry;
  };
  let mine: Shared | null = join(options);
  const listeners: Array<[string, (detail: never) => void]> = [];

  const forward =
    <K extends 'identify' | 'logout' | 'open' | 'close' | 'refresh' | 'page' | 'showSurvey'>(name: K) =>
    (...args: Parameters<SadakatApi[K]>) => {
      if (mine) (mine.api[name] as (...a: typeof args) => void)(...args);
    };

  return {
    version: mine.api.version,
    init(next) {
      // After destroy(), init() starts again, as it does on window.Sadakat.
      if (mine) mine.api.init(next);
      else mine = join(next);
    },
    identify: forward('identify'),
    logout: forward('logout'),
    open: forward('open'),
    close: forward('close'),
    refresh: forward('refresh'),
    page: forward('page'),
    referral: { code: () => mine?.api.referral.code() ?? null },
    showSurvey: forward('showSurvey'),
    on(event, listener) {
      if (!mine) return;
      listeners.push([event, listener as (detail: never) => void]);
      mine.api.on(event, listener);
    },
    off(event, listener) {
      mine?.api.off(event, listener);
    },
    destroy() {
      if (!mine) return;
      for (const [event, listener] of listeners.splice(0)) mine.api.off(event as never, listener);
      mine.holders -= 1;
      if (mine.holders === 0 && shared.get(doc) === mine) {
        shared.delete(doc);
        mine.api.destroy();
      }
      mine = null;
    },
  };
}
