import type { LauncherMessages } from '../i18n/launcher';
import type { Language, ResolvedLocale } from '../i18n/locale';
import type { Emitter } from './events';
import type { BootParser } from './bootSlice';
import type { WidgetErrorCode } from './result';
import type { ReadonlyStore } from './store';
import type { View } from './views';

/** Everything the core knows, shared with the lazily loaded panel. */
export interface CoreState {
  status: 'loading' | 'ready' | 'error';
  /** The boot payload as received, once it passed the current parser; `null` otherwise. */
  boot: unknown;
  balance: number | null;
  error: WidgetErrorCode | null;
  /** The shop's server gave a customer token that the API rejected (401): shown as a guest. */
  sessionRejected: boolean;
  open: boolean;
  view: View;
  locale: ResolvedLocale;
  joinUrl: string | null;
  signInUrl: string | null;
  /** Bumped by `page()` (an SPA route change): the panel rescans inline placements. */
  page: number;
}

/** What the panel module needs to call the API itself (surveys). Read at call time: it changes on `identify()`. */
export interface Connection {
  /** Origin (and optional base path) of the API. */
  api: string;
  /** The shop's publishable key. */
  shop: string;
  fetch: typeof fetch;
  timeout: number;
  /** The current customer token, `null` for a guest. */
  token: string | null;
}

/**
 * The small, plain interface the core hands to the panel module. No Preact, no signals: the panel
 * wraps it in its own model.
 */
export interface AppContext {
  root: ShadowRoot;
  /** Where the panel renders; carries `lang` and `dir`. */
  container: HTMLElement;
  store: ReadonlyStore<CoreState>;
  /** Adds a stylesheet to the shadow root; returns its removal. */
  addStyles(css: string): () => void;
  /** Replaces the page-view parser with a stricter one and re-checks the current payload. */
  upgradeParser(parse: BootParser): void;
  /** Shows the badge on the launcher (the panel module combines its reasons: a reward is affordable, a friend's offer waits). */
  setBadge(on: boolean): void;
  open(view?: View): void;
  close(): void;
  setView(view: View): void;
  /** Boots again (the Retry button). */
  refresh(): void;
  emit: Emitter['emit'];
  connection(): Connection;
  /** A balance from an API reply (a survey reward, a redemption, a claim): shown at once, with `sadakat:points-change`. */
  setBalance(balance: number): void;
  /** The launcher, to return focus to. */
  launcher: HTMLElement;
  /** The `referral` option as given (defaults applied by the referral code: `referralOptions()`). */
  referral: { param?: string | undefined; days?: number | undefined; touch?: 'first' | 'last' | undefined };
}

export interface MountedApp {
  unmount(): void;
  /** Shows a survey (id or trigger kind) once the checks in the survey chunk allow it. */
  showSurvey(id: string, orderId?: string): void;
}

/** The shape of the lazily loaded module (`sadakat-app.mjs`). */
export interface AppModule {
  mountApp(context: AppContext): MountedApp;
}

/** What the page module (`sadakat-page.mjs`) gets: the panel's context, and the panel on demand. */
export interface PageContext extends AppContext {
  /** Loads and mounts the panel (idempotent): intent, or work only the panel can do. */
  wantApp(): void;
  /** `true` once the panel has mounted: it then owns the badge. */
  appMounted(): boolean;
  /** Asks the panel's survey chunk to show a survey (a trigger fired). */
  showSurvey(id: string, orderId?: string): void;
  /** The page view's strings, already in the core: placements need no catalog. */
  messages: Record<Language, LauncherMessages>;
}

/** A started page module. */
export interface StartedPage {
  /** (Re)arms this page view's survey triggers; `views` is the tab's page-view count. */
  armSurveys(views: number): void;
  stop(): void;
}

/** The shape of the page view's small module (`sadakat-page.mjs`). */
export interface PageModule {
  startPage(context: PageContext): StartedPage;
}
