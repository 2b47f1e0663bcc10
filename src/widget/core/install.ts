import { createController, type SadakatApi } from './controller';
import { optionsFromDataset } from './options';
import type { Environment } from './widget';

/** Marks the real API so a second copy of the script recognises it. */
const REAL = Symbol.for('sadakat.api');

type Queued = ArrayLike<unknown> & { 0?: unknown };
type Global = { Sadakat?: unknown };

export interface InstallOptions extends Omit<Environment, 'defaultApi' | 'nonce'> {
  /** The `<script>` element that loaded Sadakat (`document.currentScript`), if known. */
  script: HTMLScriptElement | null;
}

/**
 * The script tag's start-up: installs `window.Sadakat`, replays the calls a queue stub collected
 * (in order), and auto-initialises from `data-*` when `data-shop` is present. A second copy of the
 * script does nothing but warn once. Returns the API, or `null` when it did not install.
 */
export function installGlobal({ script, ...env }: InstallOptions): SadakatApi | null {
  const global = env.window as unknown as Global;
  const existing = global.Sadakat;
  if (existing && typeof existing === 'object' && REAL in existing) {
    console.warn('[sadakat] sadakat.js is included more than once; the second copy does nothing');
    return null;
  }
  const queue: Queued[] = Array.isArray(existing) ? [...(existing as Queued[])] : [];
  if (existing !== undefined && !Array.isArray(existing)) {
    console.warn('[sadakat] window.Sadakat is already used by another script; Sadakat did not start');
    return null;
  }

  let defaultApi: string | undefined;
  try {
    if (script?.src) defaultApi = new URL(script.src).origin;
  } catch {
    defaultApi = undefined;
  }
  const api = createController({ ...env, defaultApi, nonce: script?.nonce || undefined });
  Object.defineProperty(api, REAL, { value: true });
  global.Sadakat = api;

  const dataset = script ? optionsFromDataset(script.dataset) : {};
  // data-* first, so a queued init() refines the tag's options rather than being overridden.
  if (dataset.shop !== undefined) api.init(dataset as never);
  for (const call of queue) {
    const [method, ...args] = Array.from(call);
    const fn = typeof method === 'string' && method !== 'version' ? (api as unknown as Record<string, unknown>)[method] : undefined;
    if (typeof fn === 'function') (fn as (...a: unknown[]) => void)(...args);
    else console.warn(`[sadakat] unknown queued call "${String(method)}" ignored`);
  }
  return api;
}
