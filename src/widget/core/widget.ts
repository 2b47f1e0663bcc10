import launcherCss from '../styles/launcher.css?inline';
import tokensCss from '../styles/tokens.css?inline';
import { launcherMessages } from '../i18n/launcher';
import { localeFor, resolveLocale } from '../i18n/locale';
import { createApiClient, type ApiClient } from './api';
import type { AppContext, AppModule, CoreState, MountedApp, PageModule, StartedPage } from './appContext';
import { createBootCache } from './bootCache';
import { parseLauncherSlice, type BootParser } from './bootSlice';
import { resilientFetch } from './resilientFetch';
import type { Emitter } from './events';
import { createHost } from './host';
import { PANEL_ID } from './ids';
import { createLauncher } from './launcher';
import type { ParsedOptions } from './options';
import { createRequestFetch } from './requestFetch';
import { watchRouteChanges } from './routeChanges';
import { createStore } from './store';
import { countPageView, forgetCustomers } from './surveyTriggers';
import { applyTheme } from './theme';
import { toView, viewFromHash, type View } from './views';

/** What the page (or the test) provides to a widget. */
export interface Environment {
  window: Window & typeof globalThis;
  document: Document;
  /** Loads the panel module (script tag: `import()` of a URL next to the script; ESM: a chunk). */
  loadApp(): Promise<AppModule>;
  /** Loads the page view's small module (`sadakat-page.mjs`): placements, the badge, survey triggers; none of them without it. */
  loadPage?(): Promise<PageModule>;
  /** The API origin when the options give none (the script's own origin). */
  defaultApi?: string;
  /** CSP nonce of the script tag, for the fallback `<style>`. */
  nonce?: string;
}

export interface Widget {
  /** Applies a later `init()`; returns `false` when the change needs a new widget (shop, API). */
  update(options: ParsedOptions): boolean;
  identify(token: string | null): void;
  logout(): void;
  open(view?: unknown): void;
  close(): void;
  refresh(): void;
  page(): void;
  showSurvey(id: string, orderId?: string): void;
  destroy(): void;
}

const DEFAULT_TIMEOUT = 8000;

/** One running widget: host element, launcher, boot call, panel loading. Created by `init()`. */
export function createWidget(initial: ParsedOptions, apiBase: string, env: Environment, emitter: Emitter): Widget {
  const { window: win, document: doc } = env;
  let options = initial;
  let token = options.customerToken ?? null;
  let parser: BootParser = parseLauncherSlice;
  let lastBalance: number | null = null;
  let readyEmitted = false;
  let destroyed = false;
  let bootSeq = 0;
  let inflight: AbortController | null = null;
  let appLoading: Promise<void> | null = null;
  let app: MountedApp | null = null;
  let pageLoading: Promise<void> | null = null;
  let started: StartedPage | null = null;
  let badge = false;
  const cleanups: Array<() => void> = [];

  const host = createHost(doc, options.nonce ?? env.nonce);
  cleanups.push(host.addStyles(tokensCss + launcherCss));
  let untheme = applyTheme(host.element, options.theme);

  const store = createStore<CoreState>({
    status: 'loading',
    boot: null,
    balance: null,
    error: null,
    sessionRejected: false,
    open: false,
    view: 'home',
    locale: resolveLocale(options.locale, doc, win.navigator),
    joinUrl: options.joinUrl ?? null,
    signInUrl: options.signInUrl ?? null,
    page: 0,
  });

  // Retries, backoff and the body cap live in one wrapper (resilientFetch.ts), made once per widget;
  // destroy() ends its waits, so no retry leaves the page afterwards. The shop's headers and the
  // token refresh (requestFetch.ts) sit outside it, so a refused token is asked for once, not per try.
  const lifetime = new AbortController();
  cleanups.push(() => lifetime.abort());
  const retried = resilientFetch((input, init) => (options.fetch ?? win.fetch.bind(win))(input, init), {
    timers: win,
    lifetime: lifetime.signal,
  });
  const request = createRequestFetch(() => retried, () => options, {
    token: () => token,
    refreshed: (next) => {
      token = next;
    },
    switched: (next) => identify(next),
  });
  const connection = () => ({
    api: apiBase,
    shop: options.shop,
    fetch: request,
    timeout: options.timeout ?? DEFAULT_TIMEOUT,
    token,
  });
  const bootCache = createBootCache(win, options.shop, (json) => parser(json) !== null);
  const makeApi = (): ApiClient => createApiClient({ ...connection(), fetch: bootCache.revalidating(connection().fetch), baseUrl: apiBase });
  let api = makeApi();

  const launcher = createLauncher(host.container, () => (store.get().open ? close() : open()), () => void ensureApp());
  const render = (state: CoreState) => {
    host.element.setAttribute('data-position', options.position ?? 'bottom-end');
    host.element.toggleAttribute('data-open', state.open);
    host.container.lang = state.locale.tag;
    host.container.dir = state.locale.dir;
    launcher.update({ balance: state.balance, open: state.open, panelId: app ? PANEL_ID : null, locale: state.locale, badge });
  };
  cleanups.push(store.subscribe(render));
  render(store.get());

  const fail = (code: NonNullable<CoreState['error']>) => {
    store.set({ status: 'error', error: code, boot: null, balance: null });
    emitter.emit('sadakat:error', { code });
  };

  const pointsSeen = (balance: number | null) => {
    if (balance === null || balance === lastBalance) return;
    const delta = lastBalance === null ? null : balance - lastBalance;
    lastBalance = balance;
    emitter.emit('sadakat:points-change', { balance, delta });
  };

  /** Asks the API for the boot payload. `keep` leaves the current data up while refreshing. */
  async function boot(keep: boolean): Promise<void> {
    const seq = ++bootSeq;
    inflight?.abort();
    const controller = (inflight = new AbortController());
    store.set(keep ? { status: 'loading', error: null } : { status: 'loading', error: null, boot: null, balance: null });
    const asked = store.get().locale;
    // Nothing in the locale chain has a catalog: send none, so the shop's default decides.
    const locale = asked.fallback ? null : asked.tag;
    // This tab's copy renders the launcher at once; the call below revalidates it.
    const cached = keep ? null : bootCache.peek(token, locale);
    const fromCache = cached === null ? null : parser(cached);
    if (fromCache) accept(cached, fromCache, asked);
    const result = await api.boot({ locale, customerToken: token, signal: controller.signal }, (json) => parser(json));
    if (destroyed || seq !== bootSeq) return;
    inflight = null;
    if (!result.ok) {
      if (result.error.status === 401 && token) {
        // The shop's token was refused: forget it and show the programme as a guest would see it,
        // never anything from the previous shopper.
        token = null;
        lastBalance = null;
        store.set({ sessionRejected: true });
        emitter.emit('sadakat:error', { code: 'unauthorized' });
        return boot(false);
      }
      fail(result.error.code);
      return;
    }
    accept(result.data.json, result.data.parsed, asked);
  }
  function accept(json: unknown, parsed: NonNullable<ReturnType<BootParser>>, asked: CoreState['locale']) {
    const shopDefault = asked.fallback ? localeFor(parsed.locale) : null;
    store.set({
      status: 'ready',
      boot: json,
      balance: parsed.balance,
      error: null,
      ...(shopDefault ? { locale: { ...shopDefault, fallback: true as const } } : {}),
    });
    if (!readyEmitted) {
      readyEmitted = true;
      emitter.emit('sadakat:ready', { customer: parsed.signedIn });
      // Placements, the badge and the survey triggers come from the page module; the panel waits for intent.
      ensurePage();
    }
    pointsSeen(parsed.balance);
  }
  const reboot = (keep: boolean) => {
    boot(keep).catch((error: unknown) => console.error('[sadakat] boot failed', error));
  };

  const context: AppContext = {
    root: host.root,
    container: host.container,
    store,
    addStyles(css) {
      const remove = host.addStyles(css);
      cleanups.push(remove);
      return remove;
    },
    upgradeParser(next) {
      parser = next;
      const current = store.get();
      if (current.boot === null) return;
      const parsed = next(current.boot);
      if (parsed) store.set({ balance: parsed.balance });
      else fail('invalid_response');
    },
    setBadge(on) {
      badge = on;
      render(store.get());
    },
    open: (view) => open(view),
    close: () => close(),
    setView: (view) => store.set({ view }),
    refresh: () => reboot(true),
    emit: emitter.emit,
    connection,
    setBalance(balance) {
      store.set({ balance });
      pointsSeen(balance);
    },
    launcher: launcher.button,
    // Defaults are applied by the referral code in the panel module, to keep this script small.
    referral: options.referral ?? {},
  };

  function ensureApp(): Promise<void> {
    appLoading ??= env.loadApp().then(
      (module) => {
        if (destroyed || app) return;
        app = module.mountApp(context);
        render(store.get());
      },
      (error: unknown) => {
        appLoading = null;
        console.warn('[sadakat] could not load the panel', error);
        emitter.emit('sadakat:error', { code: 'load_failed' });
      },
    );
    return appLoading;
  }

  function ensurePage() {
    pageLoading ??= env.loadPage?.().then(
      (module) => {
        if (destroyed) return;
        started = module.startPage({ ...context, wantApp: () => void ensureApp(), appMounted: () => app !== null, showSurvey, messages: launcherMessages });
        cleanups.push(started.stop);
        armSurveys();
      },
      (error: unknown) => {
        pageLoading = null;
        console.warn('[sadakat] could not load the page module', error);
        emitter.emit('sadakat:error', { code: 'load_failed' });
      },
    ) ?? null;
  }

  function open(view?: unknown) {
    const next: View = toView(view);
    store.set({ open: true, view: next });
    emitter.emit('sadakat:open', { view: next });
    void ensureApp();
  }

  function close() {
    const state = store.get();
    if (!state.open) return;
    // The panel returns focus to the launcher if it was inside the panel (never steals it).
    store.set({ open: false });
    emitter.emit('sadakat:close', { view: state.view });
  }

  function identify(next: string | null) {
    options = { ...options, customerToken: next };
    token = next;
    lastBalance = null;
    store.set({ sessionRejected: false });
    reboot(false);
  }

  const onHash = () => {
    const view = viewFromHash(win.location.hash);
    if (view) open(view);
  };

  // Surveys: the page module arms the triggers per page view once the boot payload is known; the chunk decides.
  function showSurvey(id: string, orderId?: string) {
    void ensureApp().then(() => app?.showSurvey(id, orderId));
  }
  let views = countPageView(win, options.shop);
  const armSurveys = () => started?.armSurveys(views);
  win.addEventListener('hashchange', onHash);
  cleanups.push(() => win.removeEventListener('hashchange', onHash));

  // A router that still calls page() itself, and the automatic detection, report the same route
  // change: it counts as one page view, whichever comes first.
  let handled = { href: win.location.href.replace(/#.*$/, ''), auto: false };
  function page(auto = false) {
    const href = win.location.href.replace(/#.*$/, '');
    const repeat = href === handled.href && (auto || handled.auto);
    handled = { href, auto };
    store.set({ page: store.get().page + 1 });
    onHash();
    if (repeat) return;
    views = countPageView(win, options.shop);
    if (readyEmitted) armSurveys();
  }
  cleanups.push(watchRouteChanges(win, () => page(true)));

  reboot(false);
  onHash();

  return {
    update(next) {
      if (next.shop !== options.shop || next.api !== options.api || next.basePath !== options.basePath || next.fetch !== options.fetch) return false;
      const previous = options;
      options = next;
      untheme();
      untheme = applyTheme(host.element, options.theme);
      if (next.timeout !== previous.timeout) api = makeApi();
      const resolved = resolveLocale(options.locale, doc, win.navigator);
      const current = store.get().locale;
      // Still nothing with a catalog: keep the shop's default that the API named.
      const locale = resolved.fallback && current.fallback ? current : resolved;
      const localeChanged = locale.tag !== current.tag;
      store.set({ locale, joinUrl: options.joinUrl ?? null, signInUrl: options.signInUrl ?? null });
      // Compare with what the shop gave last time, so a repeated init() (StrictMode) is a no-op.
      if ((next.customerToken ?? null) !== (previous.customerToken ?? null)) identify(next.customerToken ?? null);
      else if (localeChanged) reboot(true);
      return true;
    },
    identify,
    logout() {
      forgetCustomers(win, options.shop);
      identify(null);
    },
    open,
    close,
    refresh: () => reboot(true),
    page: () => page(),
    showSurvey,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      inflight?.abort();
      app?.unmount();
      app = null;
      for (const cleanup of cleanups.splice(0).reverse()) cleanup();
      untheme();
      launcher.remove();
      host.remove();
    },
  };
}
