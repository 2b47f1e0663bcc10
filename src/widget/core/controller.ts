import { version as packageVersion } from '../../../package.json';
import { createEmitter, type SadakatEventName, type SadakatEvents } from './events';
import { rememberedReferral } from './referralCapture';
import { parseOptions, type ParsedOptions, type WidgetOptions } from './options';
import type { View } from './views';
import { createWidget, type Environment, type Widget } from './widget';

export const version: string = packageVersion;

type ShortName<E extends SadakatEventName> = E extends `sadakat:${infer Short}` ? Short : never;
type EventFor<N extends string> = N extends SadakatEventName ? N : `sadakat:${N}` & SadakatEventName;

/**
 * The public API: `window.Sadakat` for the script tag, the handle returned by `createSadakat()`
 * for ESM. Every method returns nothing and never throws into the page.
 */
export interface SadakatApi {
  readonly version: string;
  /** Starts the widget; on a running widget, applies the changed options (no re-creation). */
  init(options: WidgetOptions): void;
  /** Re-boots as the customer the token names (minted by the shop's server). */
  identify(customerToken: string | null): void;
  /** Forgets the shopper and shows the guest view. */
  logout(): void;
  /** Opens the panel, on `view` when given (unknown views open `home`). */
  open(view?: View): void;
  close(): void;
  /** Fetches the boot payload again. */
  refresh(): void;
  /** Tells the widget about an SPA route change (re-reads `#sadakat-<view>`). */
  page(): void;
  /**
   * Asks a survey: by id, or by trigger kind (`showSurvey('post-purchase', { orderId })` on the
   * thank-you page). Shown only when it is due for this shopper (audience, frequency, budget).
   */
  showSurvey(id: string, options?: { orderId?: string }): void;
  on<N extends SadakatEventName | ShortName<SadakatEventName>>(event: N, listener: (detail: SadakatEvents[EventFor<N>]) => void): void;
  off<N extends SadakatEventName | ShortName<SadakatEventName>>(event: N, listener: (detail: SadakatEvents[EventFor<N>]) => void): void;
  /** Removes the widget and every listener, timer and observer; `init()` may be called again. */
  destroy(): void;
  /** The referral programme on this device. */
  readonly referral: {
    /** The friend's referral code remembered on this device (unexpired), for the shop's checkout to send with the order; `null` without one. */
    code(): string | null;
  };
}

const warn = (message: string) => console.warn(`[sadakat] ${message}`);

/** Wraps a method so that nothing it does can throw into the host page. */
function guard<A extends unknown[]>(name: string, fn: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      fn(...args);
    } catch (error) {
      console.error(`[sadakat] ${name}() failed`, error);
    }
  };
}

/** Creates the API object. No module-level state: two controllers never share anything. */
export function createController(env: Environment): SadakatApi {
  const emitter = createEmitter(env.document);
  let widget: Widget | null = null;
  let current: ParsedOptions | null = null;
  let pendingToken: string | null | undefined;

  const running = (method: string): Widget | null => {
    if (!widget) warn(`${method}() called before init(); ignored`);
    return widget;
  };

  const tokenOk = (token: unknown): token is string | null =>
    token === null || (typeof token === 'string' && token.length > 0 && token.length <= 8192);

  return {
    version,
    init: guard('init', (input: WidgetOptions) => {
      const { options, warnings } = parseOptions(input);
      for (const message of warnings) warn(message);
      if (!options) {
        if (!widget) emitter.emit('sadakat:error', { code: 'invalid_options' });
        return;
      }
      if (pendingToken !== undefined && !('customerToken' in options)) options.customerToken = pendingToken;
      pendingToken = undefined;
      const merged: ParsedOptions = current ? { ...current, ...options } : options;
      if (widget && widget.update(merged)) {
        current = merged;
        return;
      }
      const api = merged.api ?? env.defaultApi;
      if (!api) {
        warn('option "api" is missing: expected an https URL; Sadakat did not start');
        emitter.emit('sadakat:error', { code: 'invalid_options' });
        return;
      }
      widget?.destroy();
      current = merged;
      // A base path is joined relatively, so `api` may carry a path of its own too.
      const base = merged.basePath ? `${api.replace(/\/+$/, '')}/${merged.basePath.replace(/^\/+/, '')}` : api;
      widget = createWidget(merged, base, env, emitter);
    }),
    identify: guard('identify', (token: string | null) => {
      if (!tokenOk(token)) return warn('identify() expects the customer token string minted by your server, or null');
      if (widget) widget.identify(token);
      else pendingToken = token;
      if (current) current = { ...current, customerToken: token };
    }),
    logout: guard('logout', () => {
      pendingToken = undefined;
      if (current) current = { ...current, customerToken: null };
      widget?.logout();
    }),
    open: guard('open', (view?: View) => running('open')?.open(view)),
    close: guard('close', () => widget?.close()),
    refresh: guard('refresh', () => running('refresh')?.refresh()),
    page: guard('page', () => widget?.page()),
    showSurvey: guard('showSurvey', (id: string, options?: { orderId?: string }) => running('showSurvey')?.showSurvey(String(id), options?.orderId)),
    on: guard('on', (event: string, listener: (detail: never) => void) => emitter.on(event, listener)),
    off: guard('off', (event: string, listener: (detail: never) => void) => emitter.off(event, listener)),
    // rememberedReferral() never throws (storage may be off).
    referral: { code: () => current && rememberedReferral(env.window, current.shop) },
    destroy: guard('destroy', () => {
      widget?.destroy();
      widget = null;
      current = null;
      pendingToken = undefined;
      emitter.clear();
    }),
  };
}
