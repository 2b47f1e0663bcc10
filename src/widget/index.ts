/**
 * The npm / ES module entry. No side effects on import: nothing touches `window` or `document`
 * until `createSadakat()` is called.
 *
 * @example
 * import { createSadakat } from 'sadakat';
 * const sadakat = createSadakat({ shop: 'pk_live_…', api: 'https://loyalty.example.com' });
 * sadakat.on('points-change', ({ balance }) => console.log(balance));
 */
import { createController, version, type SadakatApi } from './core/controller';
import type { WidgetOptions } from './core/options';
import { acquireShared } from './core/sharedInstance';

/**
 * Creates the widget and initialises it with `options`; returns the same API as `window.Sadakat`.
 * Idempotent per document: a second call (a StrictMode double mount, two components) re-applies
 * its options to the same widget, and the widget goes when every handle has called `destroy()`.
 */
export function createSadakat(options: WidgetOptions): SadakatApi {
  if (typeof window === 'undefined' || typeof document === 'undefined') {
    // Server-side rendering: hand back a handle that does nothing rather than throwing.
    console.warn('[sadakat] createSadakat() needs a browser; call it on the client');
    const noop = () => undefined;
    return { version, init: noop, identify: noop, logout: noop, open: noop, close: noop, refresh: noop, page: noop, showSurvey: noop, on: noop, off: noop, destroy: noop, referral: { code: () => null } };
  }
  return acquireShared(document, () => createController({ window, document, loadApp: () => import('./app/mountApp'), loadPage: () => import('./app/pageExtras') }), options);
}

export { version };
export type { SadakatApi } from './core/controller';
export type { WidgetOptions, ThemeObject, ColorMode } from './core/options';
export type { SadakatEvents, SadakatEventName } from './core/events';
export type { View } from './core/views';
export type { WidgetErrorCode } from './core/result';
