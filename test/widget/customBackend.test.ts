import { readFileSync } from 'node:fs';
import { fireEvent, waitFor, within } from '@testing-library/dom';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installGlobal } from '../../src/widget/core/install';
import { parseOptions } from '../../src/widget/core/options';
import { createTestBackend, type TestBackend } from './support/backend';
import { launcherText, loadApp, mounted, startWidget, type Mounted } from './support/widget';

// The options for pointing the widget at a backend of one's own (`fetch`, `headers`, `basePath`,
// `getCustomerToken`), against the real reference server in process. The server's clock is ours,
// so a customer token can really expire mid-session.

let backend: TestBackend;
let clock = new Date();
let widget: Mounted | undefined;
beforeAll(async () => {
  backend = await createTestBackend({ now: () => clock });
});
afterAll(() => backend.close());
afterEach(() => {
  widget?.api.destroy();
  widget = undefined;
  clock = new Date();
});

interface Seen {
  url: string;
  headers: Headers;
}

/** A custom `fetch` the way a shop would write one: it records, then forwards to the server. */
function recordingFetch(seen: Seen[], forward: typeof fetch = backend.fetch): typeof fetch {
  return async (input, init) => {
    seen.push({ url: String(input), headers: new Headers(init?.headers) });
    return forward(input, init);
  };
}

const options = (extra: object = {}) => ({ shop: backend.shop.publishableKey, api: backend.api, fetch: backend.fetch, locale: 'tr', ...extra });
const later = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000);
};

describe('fetch and headers', () => {
  it('sends every API call through the injected fetch, with the shop’s headers added', async () => {
    const seen: Seen[] = [];
    widget = startWidget(options({ customerToken: await backend.tokenFor('ayse'), fetch: recordingFetch(seen), headers: { 'X-Shop-Trace': 'kervan-42' } }));
    await launcherText(widget, /2\.450/);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]?.url).toMatch(/^https:\/\/api\.sadakat\.test\/v1\/boot\?/);
    expect(seen[0]?.headers.get('x-shop-trace')).toBe('kervan-42');
    expect(seen[0]?.headers.get('authorization')).toMatch(/^Bearer ey/);
  });

  it('a headers function is asked on every request', async () => {
    const seen: Seen[] = [];
    let n = 0;
    widget = startWidget(options({ fetch: recordingFetch(seen), headers: () => ({ 'X-Request-Number': String(++n) }) }));
    await waitFor(() => expect(seen).toHaveLength(1));
    widget.api.refresh();
    await waitFor(() => expect(seen).toHaveLength(2));
    expect(seen.map((request) => request.headers.get('x-request-number'))).toEqual(['1', '2']);
  });

  it('never lets the shop’s headers replace Authorization, Content-Type or Idempotency-Key', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const seen: Seen[] = [];
    const token = await backend.tokenFor('ayse');
    widget = startWidget(options({ customerToken: token, fetch: recordingFetch(seen), headers: { Authorization: 'Bearer stolen', 'X-Ok': '1' } }));
    await launcherText(widget, /2\.450/);
    expect(seen[0]?.headers.get('authorization')).toBe(`Bearer ${token}`);
    expect(seen[0]?.headers.get('x-ok')).toBe('1');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/^\[sadakat\] option "headers\.Authorization" ignored/);

    // A function cannot sneak one in either (a guest request has no Authorization of ours to win).
    widget.api.destroy();
    seen.length = 0;
    warn.mockClear();
    widget = startWidget(options({ fetch: recordingFetch(seen), headers: () => ({ authorization: 'Bearer stolen', 'content-type': 'text/html' }) }));
    await waitFor(() => expect(seen).toHaveLength(1));
    widget.api.refresh();
    await waitFor(() => expect(seen).toHaveLength(2));
    for (const request of seen) {
      expect(request.headers.get('authorization')).toBeNull();
      expect(request.headers.get('content-type')).toBeNull();
    }
    // Once per name, not once per request.
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([
      '[sadakat] option "headers.authorization" ignored: Sadakat sets that header itself',
      '[sadakat] option "headers.content-type" ignored: Sadakat sets that header itself',
    ]);
  });
});

describe('basePath', () => {
  /** A reverse proxy in front of the reference server that serves it under `/loyalty`. */
  const underLoyalty: typeof fetch = (input, init) => {
    const url = new URL(String(input));
    if (!url.pathname.startsWith('/loyalty/')) return Promise.resolve(new Response('not here', { status: 404 }));
    url.pathname = url.pathname.slice('/loyalty'.length);
    return backend.fetch(url.href, init);
  };

  it('puts every route under the base path', async () => {
    const seen: Seen[] = [];
    widget = startWidget(options({ customerToken: await backend.tokenFor('ayse'), basePath: '/loyalty', fetch: recordingFetch(seen, underLoyalty) }));
    await launcherText(widget, /2\.450/);
    expect(new URL(seen[0]?.url ?? '').pathname).toBe('/loyalty/v1/boot');
  });

  it('is read from data-base-path on the script tag', async () => {
    const script = document.createElement('script');
    script.src = `${backend.api}/static/sadakat.js`;
    script.dataset.shop = backend.shop.publishableKey;
    script.dataset.basePath = '/loyalty';
    script.dataset.locale = 'tr';
    const seen: Seen[] = [];
    window.fetch = recordingFetch(seen, underLoyalty);
    const api = installGlobal({ window, document, script, loadApp });
    if (!api) throw new Error('did not install');
    widget = mounted(api);
    await waitFor(() => expect(seen.length).toBeGreaterThan(0));
    expect(seen[0]?.url).toMatch(/^https:\/\/api\.sadakat\.test\/loyalty\/v1\/boot\?/);
    await waitFor(() => expect(widget?.launcher()).toBeTruthy());
  });
});

describe('getCustomerToken', () => {
  it('on a 401 mid-session asks once, retries once with the new token, and keeps the shopper', async () => {
    const seen: Seen[] = [];
    const getCustomerToken = vi.fn(() => backend.tokenFor('ayse', { expiresInSeconds: 300 }));
    widget = startWidget(options({ customerToken: await backend.tokenFor('ayse', { expiresInSeconds: 60 }), fetch: recordingFetch(seen), getCustomerToken }));
    await launcherText(widget, /2\.450/);
    const errors = vi.fn();
    widget.api.on('error', errors);

    later(120); // the first token has expired on the server's clock
    seen.length = 0;
    widget.api.refresh();
    await waitFor(() => expect(seen).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(getCustomerToken).toHaveBeenCalledTimes(1);
    expect(seen[0]?.headers.get('authorization')).not.toBe(seen[1]?.headers.get('authorization'));
    expect(widget.launcher().textContent).toContain('2.450');
    expect(errors).not.toHaveBeenCalled();

    // The fresh token is the one used from now on: the next call needs no question.
    const fresh = seen[1]?.headers.get('authorization');
    seen.length = 0;
    widget.api.refresh();
    await waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]?.headers.get('authorization')).toBe(fresh);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(getCustomerToken).toHaveBeenCalledTimes(1);
  });

  it('a redemption refused mid-session is retried once with the new token and the same Idempotency-Key: one debit', async () => {
    // A customer of this test alone, with 1.000 points, so other tests' balances stay as seeded:
    // signed up by the shop's server (200 points), then topped up.
    const merchant = (path: string, body: unknown) =>
      backend.fetch(`${backend.api}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${backend.shop.secretKey}`, 'content-type': 'application/json', 'idempotency-key': `redeemer-${path}` },
        body: JSON.stringify(body),
      });
    expect((await merchant('/v1/merchant/signups', { customer: { id: 'redeemer' } })).ok).toBe(true);
    expect((await merchant('/v1/merchant/customers/redeemer/adjustments', { points: 800, reason: 'Test' })).ok).toBe(true);
    const seen: Seen[] = [];
    const getCustomerToken = vi.fn(() => backend.tokenFor('redeemer', { expiresInSeconds: 600 }));
    widget = startWidget(options({ customerToken: await backend.tokenFor('redeemer', { expiresInSeconds: 60 }), fetch: recordingFetch(seen), getCustomerToken }));
    await launcherText(widget, /1\.000/);
    widget.api.open('rewards');
    const dialog = await waitFor(() => {
      const node = widget?.root().querySelector<HTMLDialogElement>('dialog[part~="panel"]');
      if (!node?.open) throw new Error('panel not open');
      return node;
    });
    const ui = within(dialog);
    fireEvent.click(await ui.findByRole('button', { name: 'Puanla al: Ücretsiz kargo' }));
    later(120); // the token expires while the shopper reads the confirmation
    fireEvent.click(await ui.findByRole('button', { name: 'Evet, puanla al' }));
    const code = (await ui.findByLabelText('Kodun hazır', { selector: '#sadakat-issued-code' })) as HTMLInputElement;
    expect(code.value).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const redemptions = seen.filter((request) => new URL(request.url).pathname === '/v1/redemptions');
    expect(redemptions).toHaveLength(2);
    expect(redemptions[0]?.headers.get('idempotency-key')).toBe(redemptions[1]?.headers.get('idempotency-key'));
    expect(redemptions[0]?.headers.get('authorization')).not.toBe(redemptions[1]?.headers.get('authorization'));
    expect(getCustomerToken).toHaveBeenCalledTimes(1);
    await launcherText(widget, /^600 puan$/);
  });

  it('two requests refused at once share one question to the shop', async () => {
    let calls = 0;
    const getCustomerToken = () => {
      calls += 1;
      return new Promise<string>((resolve) => setTimeout(() => resolve(backend.tokenFor('ayse', { expiresInSeconds: 300 })), 10));
    };
    const seen: Seen[] = [];
    widget = startWidget(options({ customerToken: await backend.tokenFor('ayse', { expiresInSeconds: 60 }), fetch: recordingFetch(seen), getCustomerToken }));
    await launcherText(widget, /2\.450/);
    later(120);
    const old = seen[0]?.headers.get('authorization');
    seen.length = 0;
    widget.api.refresh();
    widget.api.refresh(); // the first is aborted; both asked with the old token
    // Wait for the evidence (a request with the new token), not for a time.
    await waitFor(() => expect(seen.some((request) => ![old, null].includes(request.headers.get('authorization')))).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(1);
    expect(seen.filter((request) => request.headers.get('authorization') === old)).toHaveLength(2);
    await waitFor(() => expect(widget?.launcher().textContent).toContain('2.450'));
  });

  it('a token for another customer is never used to replay the request: the widget re-boots as them', async () => {
    const seen: Seen[] = [];
    const mehmet = await backend.tokenFor('mehmet', { expiresInSeconds: 600 });
    const getCustomerToken = vi.fn(async () => mehmet);
    widget = startWidget(options({ customerToken: await backend.tokenFor('ayse', { expiresInSeconds: 60 }), fetch: recordingFetch(seen), getCustomerToken }));
    await launcherText(widget, /2\.450/);
    later(120);
    widget.api.refresh();
    await launcherText(widget, /^380 puan$/);
    expect(getCustomerToken).toHaveBeenCalledTimes(1);
  });

  it('null means signed out: the guest view, no balance', async () => {
    const getCustomerToken = vi.fn(() => null);
    widget = startWidget(options({ customerToken: await backend.tokenFor('ayse', { expiresInSeconds: 60 }), getCustomerToken }));
    await launcherText(widget, /2\.450/);
    later(120);
    widget.api.refresh();
    await waitFor(() => expect(widget?.launcher().textContent).toBe(''));
    expect(getCustomerToken).toHaveBeenCalledTimes(1);
  });

  it('a callback that answers something else than a token is one warning naming it, and the 401 stands', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const getCustomerToken = vi.fn(() => ({ token: 'wrapped' }) as unknown as string);
    widget = startWidget(options({ customerToken: await backend.tokenFor('ayse', { expiresInSeconds: 60 }), getCustomerToken }));
    await launcherText(widget, /2\.450/);
    later(120);
    widget.api.refresh();
    await waitFor(() => expect(widget?.launcher().textContent).toBe(''));
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual(['[sadakat] option "getCustomerToken" returned neither a token string nor null; ignored']);
  });

  it('a callback that throws leaves the 401 as it was: shown as a guest, warned once, nothing thrown', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const getCustomerToken = vi.fn(() => {
      throw new Error('session store down');
    });
    const errors = vi.fn();
    widget = startWidget(options({ customerToken: await backend.tokenFor('ayse', { expiresInSeconds: 60 }), getCustomerToken }));
    widget.api.on('error', errors);
    await launcherText(widget, /2\.450/);
    later(120);
    widget.api.refresh();
    await waitFor(() => expect(errors).toHaveBeenCalledWith({ code: 'unauthorized' }));
    expect(getCustomerToken).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls.filter((call) => String(call[0]).startsWith('[sadakat] getCustomerToken() failed'))).toHaveLength(1);
    await waitFor(() => expect(widget?.launcher().textContent).toBe(''));
  });
});

describe('docs/custom-backend.md', () => {
  it('quotes the warning a bad base path really gives', () => {
    const page = readFileSync('docs/custom-backend.md', 'utf8');
    const quoted = /`(\[sadakat\] option "basePath"[^`]+)`/.exec(page)?.[1];
    const { warnings } = parseOptions({ shop: backend.shop.publishableKey, basePath: 'loyalty' });
    expect(quoted).toBe(`[sadakat] ${warnings[0]}`);
  });

  it('its widget options are accepted without a warning', () => {
    const { options, warnings } = parseOptions({
      shop: backend.shop.publishableKey,
      api: 'https://www.kervan.example',
      basePath: '/loyalty',
      headers: { 'X-Storefront': 'web' },
      customerToken: 'a.b.c',
      getCustomerToken: async () => null,
      fetch: (url: RequestInfo | URL, init?: RequestInit) => window.fetch(url, init),
    });
    expect(warnings).toEqual([]);
    expect(options?.basePath).toBe('/loyalty');
  });
});
