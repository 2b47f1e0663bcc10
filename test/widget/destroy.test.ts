import { waitFor } from '@testing-library/dom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSadakat } from '../../src/widget/index';
import { createTestBackend, type TestBackend } from './support/backend';
import { launcherText, mounted, startWidget } from './support/widget';

let backend: TestBackend;
beforeAll(async () => {
  backend = await createTestBackend();
});
afterAll(() => backend.close());

const options = (extra: object = {}) => ({ shop: backend.shop.publishableKey, api: backend.api, fetch: backend.fetch, locale: 'tr', ...extra });

/** Counts listeners added to and removed from `target` while `run` goes. */
function trackListeners(target: EventTarget) {
  const live = new Map<string, number>();
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, opts) => {
    live.set(type, (live.get(type) ?? 0) + 1);
    add(type, listener, opts);
  });
  vi.spyOn(target, 'removeEventListener').mockImplementation((type, listener, opts) => {
    live.set(type, (live.get(type) ?? 0) - 1);
    remove(type, listener, opts);
  });
  return () => [...live].filter(([, count]) => count !== 0);
}

describe('destroy()', () => {
  it('removes the host, the panel, every listener and timer, and init() works again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'], shouldAdvanceTime: true });
    const windowListeners = trackListeners(window);
    const documentListeners = trackListeners(document);
    const listener = vi.fn();
    const widget = startWidget(options({ customerToken: await backend.tokenFor('ayse') }));
    widget.api.on('open', listener);
    await launcherText(widget, /\d/);
    widget.api.open();
    await waitFor(() => expect(widget.root().querySelector('dialog')?.open).toBe(true));
    const dialog = widget.root().querySelector('dialog') as HTMLDialogElement;

    widget.api.destroy();
    expect(document.querySelector('sadakat-widget')).toBeNull();
    expect(dialog.isConnected).toBe(false);
    expect(windowListeners()).toEqual([]);
    expect(documentListeners()).toEqual([]);
    // Preact may still flush its own unmount effects (a 35 ms frame fallback); ours are all gone.
    vi.advanceTimersByTime(100);
    expect(vi.getTimerCount()).toBe(0);

    // Nothing left that reacts: events, hash links, late calls.
    widget.api.open();
    location.hash = '#sadakat-home';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(document.querySelector('sadakat-widget')).toBeNull();

    // The same API can start again, clean.
    widget.api.init(options());
    expect(document.querySelectorAll('sadakat-widget')).toHaveLength(1);
    widget.api.destroy();
    vi.useRealTimers();
  });

  it('while the boot call is still in flight, nothing appears afterwards', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const widget = startWidget(
      options({
        customerToken: await backend.tokenFor('ayse'),
        fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
          await gate;
          return backend.fetch(input, init);
        },
      }),
    );
    const ready = vi.fn();
    document.addEventListener('sadakat:ready', ready);
    widget.api.destroy();
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ready).not.toHaveBeenCalled();
    expect(document.querySelector('sadakat-widget')).toBeNull();
    document.removeEventListener('sadakat:ready', ready);
  });

  it('createSadakat() (the ESM entry) returns the same API and cleans up the same way', async () => {
    const handle = createSadakat(options({ customerToken: await backend.tokenFor('mehmet') }));
    expect(await launcherText(mounted(handle), /\d/)).toBe('380 puan');
    expect(Object.keys(handle).sort()).toEqual(
      ['close', 'destroy', 'identify', 'init', 'logout', 'off', 'on', 'open', 'page', 'referral', 'refresh', 'showSurvey', 'version'].sort(),
    );
    handle.destroy();
    expect(document.querySelector('sadakat-widget')).toBeNull();
  });
});
