import { options, type VNode } from 'preact';

/**
 * Keeps the widget's own failures inside the widget (T11). Preact calls event handlers straight from
 * the DOM, so an exception in one (or a rejected promise it returns) would reach the host page's
 * `error` / `unhandledrejection` listeners and its error monitoring. Every `on…` handler of an
 * element rendered by a mounted panel is wrapped: a failure is handed to that panel instead, which
 * shows its error state with Retry. Render errors are caught by the panel's error boundaries.
 *
 * The hook is on our own bundled copy of Preact (never the page's), installed while at least one
 * panel is mounted, and removed with the last one.
 */
type Report = (error: unknown) => void;

/** The one warning a failure of the panel gives the shop's developers. */
export const warnFailed = (error: unknown) => console.warn('[sadakat] the panel failed', error);

const reporters = new Map<Node, Report>();
const guarded = new WeakMap<(...args: never[]) => unknown, (...args: never[]) => unknown>();
let previousHook: Options['vnode'] | undefined;
let installed = false;

type Options = typeof options;

function reportFrom(target: unknown, error: unknown) {
  const root = target instanceof Node ? target.getRootNode() : null;
  const report = root ? reporters.get(root) : undefined;
  (report ?? warnFailed)(error);
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';

function guard(handler: (event: Event) => unknown) {
  let safe = guarded.get(handler);
  if (!safe) {
    safe = function (this: unknown, event: Event) {
      const target = event.currentTarget ?? this;
      try {
        const result = handler.call(this, event);
        // Not `instanceof Promise`: a page may have replaced the global with a polyfill, while our
        // async functions still return native promises.
        if (isThenable(result)) return result.then(undefined, (error: unknown) => reportFrom(target, error));
        return result;
      } catch (error) {
        reportFrom(target, error);
        return undefined;
      }
    };
    guarded.set(handler, safe);
  }
  return safe;
}

function wrapHandlers(vnode: VNode) {
  if (typeof vnode.type === 'string' && vnode.props && typeof vnode.props === 'object') {
    const props = vnode.props as Record<string, unknown>;
    for (const name of Object.keys(props)) {
      const value = props[name];
      if (name.startsWith('on') && typeof value === 'function') props[name] = guard(value as (event: Event) => unknown);
    }
  }
  previousHook?.(vnode);
}

/** Hands failures of handlers rendered under `root` to `report`; returns the removal. */
export function containHandlers(root: Node, report: Report): () => void {
  reporters.set(root, report);
  if (!installed) {
    previousHook = options.vnode;
    options.vnode = wrapHandlers;
    installed = true;
  }
  return () => {
    reporters.delete(root);
    if (installed && reporters.size === 0 && options.vnode === wrapHandlers) {
      options.vnode = previousHook;
      previousHook = undefined;
      installed = false;
    }
  };
}
