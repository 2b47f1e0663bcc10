import { waitFor, within } from '@testing-library/dom';
import { createController, type SadakatApi } from '../../../src/widget/core/controller';
import type { WidgetOptions } from '../../../src/widget/core/options';

/** The panel module, loaded the way the ESM build loads it. */
export const loadApp = () => import('../../../src/widget/app/mountApp');
/** The page module (placements, badge), loaded the way the ESM build loads it. */
export const loadPage = () => import('../../../src/widget/app/pageExtras');

export interface Mounted {
  api: SadakatApi;
  host(): HTMLElement;
  root(): ShadowRoot;
  /** Testing Library queries scoped to the shadow root (never `screen`). */
  ui(): ReturnType<typeof within>;
  launcher(): HTMLButtonElement;
}

/** A widget created through the public API, as `createSadakat` does, with an injectable loader. */
export function startWidget(options: WidgetOptions, env: { loadApp?: typeof loadApp; loadPage?: typeof loadPage } = {}): Mounted {
  const api = createController({ window, document, loadApp: env.loadApp ?? loadApp, loadPage: env.loadPage ?? loadPage });
  api.init(options);
  return mounted(api);
}

export function mounted(api: SadakatApi): Mounted {
  const host = () => {
    const element = document.querySelector<HTMLElement>('sadakat-widget');
    if (!element) throw new Error('no <sadakat-widget> in the document');
    return element;
  };
  const root = () => {
    const shadow = host().shadowRoot;
    if (!shadow) throw new Error('no open shadow root');
    return shadow;
  };
  const ui = () => within(root() as unknown as HTMLElement);
  return { api, host, root, ui, launcher: () => ui().getByRole('button', { name: /Ödül programı|Rewards programme|برنامج المكافآت/ }) as HTMLButtonElement };
}

/** Waits until the launcher shows a number (the boot call has been answered). */
export async function launcherText(widget: Mounted, pattern: RegExp): Promise<string> {
  await waitFor(() => {
    if (!pattern.test(widget.launcher().textContent ?? '')) throw new Error(`launcher says "${widget.launcher().textContent}"`);
  });
  return widget.launcher().textContent ?? '';
}

/** A fetch that answers a request to the boot endpoint with a broken response. */
export function brokenFetch(respond: () => Response | Promise<Response>): typeof fetch {
  return (() => Promise.resolve(respond())) as typeof fetch;
}

/** A fetch that never answers (until aborted). */
export const hangingFetch: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
  });
