import { waitFor } from '@testing-library/dom';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useBackend } from './support/backend';
import { hangingFetch, launcherText, type Mounted } from './support/widget';

// The only fakes in these tests: deliberately broken responses, each derived from what the real
// server says, to check that the widget shows an error state and never a wrong number.

const suite = useBackend();
let widget: Mounted | undefined;
let ayse: string;
beforeAll(async () => {
  ayse = await suite.backend.tokenFor('ayse');
});

/** The real server's answer, with its body passed through `tamper`. */
const tampered =
  (tamper: (body: string) => string, status?: number): typeof fetch =>
  async (input, init) => {
    const real = await suite.backend.fetch(input, init);
    return new Response(tamper(await real.text()), { status: status ?? real.status, headers: { 'content-type': 'application/json' } });
  };

/**
 * Broken until the shopper presses Retry, then the real server. Broken for every attempt: reads
 * are tried again with backoff (resilientFetch) before the error state shows.
 */
let repaired = false;
function brokenOnce(broken: typeof fetch): typeof fetch {
  repaired = false;
  return (input, init) => (repaired ? suite.backend.fetch(input, init) : broken(input, init));
}

async function errorCard(w: Mounted): Promise<HTMLElement> {
  w.api.open();
  return waitFor(
    () => {
      const card = w.root().querySelector<HTMLElement>('[part~="error"]');
      if (!card || !w.root().querySelector('dialog')?.open) throw new Error('no error state in an open panel');
      return card;
    },
    // Three attempts with jittered backoff (at most 250 + 500 ms) come before the error state.
    { timeout: 3000 },
  );
}

const start = (fetchFn: typeof fetch, extra: object = {}) => suite.start(suite.options({ fetch: fetchFn, customerToken: ayse, ...extra }));

describe('a broken boot response shows the error state with Retry, never a number', () => {
  it.each<[string, typeof fetch, string]>([
    ['a 500 with an HTML body', async () => new Response('<html><body>Bad gateway</body></html>', { status: 500, headers: { 'content-type': 'text/html' } }), 'invalid_response'],
    ['invalid JSON', tampered((body) => body.slice(0, body.length / 2)), 'invalid_response'],
    ['a balance of 1e309', tampered((body) => body.replace(/"balance":\d+/, '"balance":1e309')), 'invalid_response'],
    ['a fractional balance', tampered((body) => body.replace(/"balance":\d+/, '"balance":2450.5')), 'invalid_response'],
    ['a string balance', tampered((body) => body.replace(/"balance":(\d+)/, '"balance":"$1"')), 'invalid_response'],
    ['an error envelope', async () => Response.json({ error: { code: 'internal', message: 'x', requestId: 'r1' } }, { status: 503 }), 'internal'],
    ['a network failure', async () => Promise.reject(new TypeError('Failed to fetch')), 'network'],
  ])('%s', async (_label, broken, code) => {
    const errors = vi.fn();
    widget = start(brokenOnce(broken));
    widget.api.on('error', errors);
    const card = await errorCard(widget);
    expect(errors).toHaveBeenCalledWith({ code });
    expect(card).toHaveTextContent('Puanlarını şu an gösteremiyoruz');
    expect(widget.launcher().textContent).toBe('');
    expect(widget.root().textContent).not.toMatch(/\d[\d.]* puan/);

    repaired = true;
    widget.ui().getByRole('button', { name: 'Yeniden dene' }).click();
    await waitFor(() => expect(widget?.root().querySelector('[part~="balance"]')).toHaveTextContent('2.450 puan'));
    expect(widget.root().querySelector('[part~="error"]')).toBeNull();
    expect(widget.launcher().textContent).toBe('2.450 puan');
  });

  it.each([
    ['1e309', '1e309'],
    ['2450.5', '2450.5'],
    ['"2450"', '"2450"'],
    ['-1e400', '-1e400'],
  ])('the launcher alone (panel not loaded) refuses a balance of %s', async (_label, value) => {
    const errors = vi.fn();
    widget = suite.start(suite.options({ customerToken: ayse, fetch: tampered((body) => body.replace(/"balance":\d+/, `"balance":${value}`)) }), {
      loadApp: () => new Promise(() => {}),
    });
    widget.api.on('error', errors);
    await waitFor(() => expect(errors).toHaveBeenCalledWith({ code: 'invalid_response' }));
    expect(widget.launcher().textContent).toBe('');
    expect(widget.launcher()).toHaveAccessibleName('Ödül programı');
  });

  it('a request that hangs past the timeout', async () => {
    const errors = vi.fn();
    widget = start(brokenOnce(hangingFetch), { timeout: 30 });
    widget.api.on('error', errors);
    await errorCard(widget);
    expect(errors).toHaveBeenCalledWith({ code: 'timeout' });
    expect(widget.root().querySelector('[part~="error"]')).toHaveTextContent('Bağlantı kurulamadı');
  });

  it('a payload the launcher accepts but the full contract rejects: the number goes away once checked', async () => {
    // Valid balance, impossible tier progress: the page-view script's small schema lets it through,
    // the panel's full BootResponse check does not.
    const errors = vi.fn();
    widget = start(tampered((body) => body.replace(/"progress":[\d.]+/, '"progress":7')));
    widget.api.on('error', errors);
    await launcherText(widget, /2\.450/);
    const card = await errorCard(widget);
    expect(card).toHaveTextContent('Gelen bilgiler doğrulanamadı');
    expect(errors).toHaveBeenCalledWith({ code: 'invalid_response' });
    expect(widget.launcher().textContent).toBe('');
    expect(widget.root().textContent).not.toContain('2.450');
  });

  it('a later refresh that fails does not leave the old number up as if fresh', async () => {
    let fail = false;
    widget = start((input, init) => (fail ? Promise.reject(new TypeError('offline')) : suite.backend.fetch(input, init)));
    await launcherText(widget, /2\.450/);
    fail = true;
    widget.api.refresh();
    await errorCard(widget);
    expect(widget.launcher().textContent).toBe('');
  });
});
