import { waitFor } from '@testing-library/dom';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SadakatApi } from '../../src/widget/core/controller';
import { installGlobal } from '../../src/widget/core/install';
import { createTestBackend, type TestBackend } from './support/backend';
import { launcherText, loadApp, mounted } from './support/widget';

// The script-tag path: the queue stub, data-* auto-init, and a second copy of the script.

let backend: TestBackend;
const realFetch = window.fetch;
const requested: string[] = [];
beforeAll(async () => {
  backend = await createTestBackend();
});
afterAll(() => backend.close());
afterEach(() => {
  (window as { Sadakat?: SadakatApi }).Sadakat?.destroy?.();
  window.fetch = realFetch;
  requested.length = 0;
});

/** The page's own fetch, routed to the in-process server (the script tag has no fetch option). */
function routeFetchToBackend() {
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    requested.push(String(input));
    return backend.fetch(input, init);
  }) as typeof fetch;
}

function scriptTag(attributes: Record<string, string>, src = 'https://cdn.sadakat.test/v1/sadakat.js'): HTMLScriptElement {
  const script = document.createElement('script');
  script.src = src;
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  return script;
}

/** What the documented snippet builds before the script arrives. */
const METHODS = ['init', 'identify', 'logout', 'open', 'close', 'refresh', 'page', 'showSurvey', 'on', 'off', 'destroy'] as const;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stub takes whatever the page passes
type Stub = unknown[] & Record<(typeof METHODS)[number], (...args: any[]) => unknown>;

function queueStub(): Stub {
  const stub = [] as unknown as Stub;
  for (const method of METHODS) {
    stub[method] = (...args: unknown[]) => {
      stub.push([method, ...args]);
      return stub;
    };
  }
  (window as { Sadakat?: unknown }).Sadakat = stub;
  return stub;
}

const install = (script: HTMLScriptElement | null) => installGlobal({ window, document, script, loadApp });

describe('script tag', () => {
  it('auto-initialises from data-* attributes and shows the shopper’s balance', async () => {
    routeFetchToBackend();
    const api = install(
      scriptTag({
        'data-shop': backend.shop.publishableKey,
        'data-api': backend.api,
        'data-customer-token': await backend.tokenFor('ayse'),
        'data-locale': 'tr',
      }),
    );
    expect(api).not.toBeNull();
    expect((window as { Sadakat?: unknown }).Sadakat).toBe(api);
    expect(api?.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(await launcherText(mounted(api as SadakatApi), /\d/)).toBe('2.450 puan');
    expect(requested[0]).toMatch(new RegExp(`^${backend.api}/v1/boot\\?shop=${backend.shop.publishableKey}&locale=tr$`));
  });

  it('defaults the API origin to the script’s own origin', async () => {
    routeFetchToBackend();
    install(scriptTag({ 'data-shop': backend.shop.publishableKey, 'data-locale': 'tr' }, 'https://loyalty.shop.example/assets/sadakat.js'));
    await waitFor(() => expect(requested).toHaveLength(1));
    expect(requested[0]).toMatch(/^https:\/\/loyalty\.shop\.example\/v1\/boot\?/);
  });

  it('a bad data-* attribute gives one warning naming it, and the widget still starts', async () => {
    routeFetchToBackend();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const api = install(scriptTag({ 'data-shop': backend.shop.publishableKey, 'data-api': backend.api, 'data-position': 'middle' }));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/^\[sadakat\] .*"position"/);
    expect(mounted(api as SadakatApi).host()).toHaveAttribute('data-position', 'bottom-end');
  });

  it('does nothing without data-shop but still installs the API', () => {
    const api = install(scriptTag({ 'data-locale': 'tr' }));
    expect(api).not.toBeNull();
    expect(document.querySelector('sadakat-widget')).toBeNull();
  });

  it('replays the queued calls in order', async () => {
    routeFetchToBackend();
    const stub = queueStub();
    const events: string[] = [];
    stub.on('ready', () => events.push('ready'));
    stub.on('sadakat:open', ({ view }: { view: string }) => events.push(`open:${view}`));
    stub.identify(await backend.tokenFor('mehmet'));
    stub.init({ shop: backend.shop.publishableKey, api: backend.api, locale: 'tr' });
    stub.open('rewards');
    stub.push(['bogus']);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const api = install(null) as SadakatApi;
    expect((window as { Sadakat?: unknown }).Sadakat).toBe(api);
    expect(events).toEqual(['open:rewards']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('"bogus"');
    // The token queued before init() was used.
    expect(await launcherText(mounted(api), /\d/)).toBe('380 puan');
    expect(events).toEqual(['open:rewards', 'ready']);
  });

  it('a second copy of the script does nothing but warn once', () => {
    routeFetchToBackend();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tag = scriptTag({ 'data-shop': backend.shop.publishableKey, 'data-api': backend.api });
    const first = install(tag);
    const second = install(tag);
    expect(second).toBeNull();
    expect((window as { Sadakat?: unknown }).Sadakat).toBe(first);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/^\[sadakat\] .*more than once/);
    expect(document.querySelectorAll('sadakat-widget')).toHaveLength(1);
  });

  it('leaves a window.Sadakat that belongs to someone else alone', () => {
    const theirs = { mine: true };
    (window as { Sadakat?: unknown }).Sadakat = theirs;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(install(scriptTag({ 'data-shop': 'pk_test_abcdef123' }))).toBeNull();
    expect((window as { Sadakat?: unknown }).Sadakat).toBe(theirs);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(document.querySelector('sadakat-widget')).toBeNull();
  });

  it('falls back to a <style nonce> in the shadow root without constructable stylesheets', () => {
    routeFetchToBackend();
    vi.stubGlobal('CSSStyleSheet', undefined);
    const tag = scriptTag({ 'data-shop': backend.shop.publishableKey, 'data-api': backend.api });
    tag.nonce = 'n0nce';
    const api = install(tag) as SadakatApi;
    const style = mounted(api).root().querySelector('style');
    expect(style).not.toBeNull();
    expect(style?.nonce).toBe('n0nce');
  });

  it('the real entry runs without document.currentScript and never throws', async () => {
    const error = vi.spyOn(console, 'error');
    await expect(import('../../src/widget/boot')).resolves.toBeDefined();
    expect((window as { Sadakat?: SadakatApi }).Sadakat?.version).toMatch(/^\d/);
    expect(error).not.toHaveBeenCalled();
    expect(document.querySelector('sadakat-widget')).toBeNull();
  });
});
