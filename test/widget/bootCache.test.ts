import { waitFor } from '@testing-library/dom';
import { describe, expect, it, vi } from 'vitest';
import { BootResponse, ProgrammeConfig } from '../../src/contract';
import { subjectOf } from '../../src/widget/core/bootCache';
import { merchantClient } from '../support/loyalty';
import { useBackend } from './support/backend';
import { launcherText, type Mounted } from './support/widget';

// The boot payload cached in sessionStorage: a "page view" here is a widget started and destroyed;
// the storage survives between page views of one test (one tab) and is cleared after each test.
const suite = useBackend();

interface Call {
  auth: boolean;
  ifNoneMatch: string | null;
  status: number;
}

/** The real server, with every boot call and its status written down. */
function recording(calls: Call[]): typeof fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    const response = await suite.backend.fetch(input, init);
    calls.push({ auth: headers.has('authorization'), ifNoneMatch: headers.get('if-none-match'), status: response.status });
    return response;
  };
}

const bootKeys = () => Object.keys(sessionStorage).filter((key) => key.includes('.boot.'));

/** One page view: starts the widget, runs `look` on it, destroys it. */
async function pageView<T>(options: Parameters<typeof suite.start>[0], look: (widget: Mounted) => Promise<T> | T): Promise<T> {
  const widget = suite.start(options, { loadApp: () => new Promise(() => {}) });
  try {
    return await look(widget);
  } finally {
    widget.api.destroy();
  }
}

describe('the boot payload cached per shop and shopper', () => {
  it('renders the balance at once on the next page view and revalidates it with If-None-Match (304)', async () => {
    const calls: Call[] = [];
    const token = await suite.backend.tokenFor('ayse');
    const options = suite.options({ customerToken: token, fetch: recording(calls) });
    await pageView(options, async (w) => {
      expect(w.launcher().textContent).toBe('');
      await launcherText(w, /2\.450/);
      await waitFor(() => expect(bootKeys()).toHaveLength(1));
    });
    const ready = vi.fn();
    await pageView(options, async (w) => {
      // Synchronously, before the network has answered.
      expect(w.launcher().textContent).toBe('2.450 puan');
      w.api.on('ready', ready);
      await waitFor(() => expect(calls).toHaveLength(2));
    });
    expect(calls[0]).toEqual({ auth: true, ifNoneMatch: null, status: 200 });
    expect(calls[1]?.ifNoneMatch).toMatch(/^W\//);
    expect(calls[1]?.status).toBe(304);
  });

  it('never stores the token; the key names the shop and the token’s subject', async () => {
    const token = await suite.backend.tokenFor('ayse');
    await pageView(suite.options({ customerToken: token }), async (w) => {
      await launcherText(w, /2\.450/);
      await waitFor(() => expect(bootKeys()).toHaveLength(1));
    });
    const [key] = bootKeys();
    expect(key).toBe(`sadakat.${suite.backend.shop.publishableKey}.boot.c.ayse.tr`);
    const everything = JSON.stringify({ ...sessionStorage });
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(token.split('.')[2]);
    expect(subjectOf(token)).toBe('c.ayse');
    expect(subjectOf(null)).toBe('guest');
    expect(subjectOf('opaque-token-without-claims')).toBeNull();
  });

  it('a new balance replaces the cached one once revalidated, with points-change', async () => {
    const token = await suite.backend.tokenFor('mehmet');
    const options = suite.options({ customerToken: token });
    await pageView(options, async (w) => {
      await launcherText(w, /380/);
      await waitFor(() => expect(bootKeys()).toHaveLength(1));
    });
    const adjusted = await merchantClient(suite.backend)('POST', '/v1/merchant/customers/mehmet/adjustments', { points: 20, reason: 'goodwill' }, { 'Idempotency-Key': `cache-${Date.now()}` });
    expect(adjusted.status).toBe(201);
    const changes = vi.fn();
    await pageView(options, async (w) => {
      w.api.on('points-change', changes);
      expect(w.launcher().textContent).toBe('380 puan');
      await launcherText(w, /400/);
    });
    expect(changes).toHaveBeenLastCalledWith({ balance: 400, delta: 20 });
    await merchantClient(suite.backend)('POST', '/v1/merchant/customers/mehmet/adjustments', { points: -20, reason: 'undo' }, { 'Idempotency-Key': `cache-undo-${Date.now()}` });
  });

  it('a change of customer never shows the previous shopper’s copy, and forgets it', async () => {
    const ayse = await suite.backend.tokenFor('ayse');
    const mehmet = await suite.backend.tokenFor('mehmet');
    await pageView(suite.options({ customerToken: ayse }), async (w) => {
      await launcherText(w, /2\.450/);
      await waitFor(() => expect(bootKeys()).toHaveLength(1));
    });
    await pageView(suite.options({ customerToken: mehmet }), async (w) => {
      expect(w.launcher().textContent).toBe('');
      expect(bootKeys().some((key) => key.includes('.c.ayse.'))).toBe(false);
      await launcherText(w, /380/);
      w.api.identify(ayse);
      // ayşe's copy was forgotten when mehmet's page view started: nothing to show until the server answers.
      expect(w.launcher().textContent).toBe('');
      await launcherText(w, /2\.450/);
    });
    await waitFor(() => expect(bootKeys().filter((key) => key.includes('.c.'))).toEqual([expect.stringContaining('.c.ayse.')]));
  });

  it('logout() forgets the shopper’s copy and keeps the guest one', async () => {
    const ayse = await suite.backend.tokenFor('ayse');
    await pageView(suite.options({ customerToken: ayse }), async (w) => {
      await launcherText(w, /2\.450/);
      await waitFor(() => expect(bootKeys()).toHaveLength(1));
      w.api.logout();
      expect(bootKeys()).toEqual([]);
      await waitFor(() => expect(bootKeys()).toEqual([expect.stringContaining('.boot.guest.')]));
    });
    await pageView(suite.options(), (w) => expect(w.launcher().textContent).toBe(''));
  });

  it('a token the server refuses on revalidation drops the cached number and the copy', async () => {
    const ayse = await suite.backend.tokenFor('ayse');
    await pageView(suite.options({ customerToken: ayse }), async (w) => {
      await launcherText(w, /2\.450/);
      await waitFor(() => expect(bootKeys()).toHaveLength(1));
    });
    // Same subject, but not signed by the shop: the cached number shows, then the 401 takes it away.
    const [header, payload] = ayse.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    const errors = vi.fn();
    await pageView(suite.options({ customerToken: forged }), async (w) => {
      w.api.on('error', errors);
      expect(w.launcher().textContent).toBe('2.450 puan');
      await waitFor(() => expect(errors).toHaveBeenCalledWith({ code: 'unauthorized' }));
      await waitFor(() => expect(w.launcher().textContent).toBe(''));
    });
    expect(bootKeys().some((key) => key.includes('.c.'))).toBe(false);
  });

  it('a merchant’s programme edit reaches the next page view after revalidation', async () => {
    const calls: Call[] = [];
    const options = suite.options({ fetch: recording(calls) });
    const cachedProgrammeName = () => {
      const entry = JSON.parse(sessionStorage.getItem(bootKeys()[0]!) ?? '{}') as { body?: string };
      return BootResponse.parse(JSON.parse(entry.body ?? 'null')).programme.name;
    };
    await pageView(options, async (w) => {
      await new Promise((resolve) => w.api.on('ready', resolve));
      await waitFor(() => expect(bootKeys()).toHaveLength(1));
    });
    const before = cachedProgrammeName();
    const merchant = merchantClient(suite.backend);
    const stored = ProgrammeConfig.parse((await merchant('GET', '/v1/merchant/programme')).body);
    await merchant('PUT', '/v1/merchant/programme', { ...stored, name: { ...stored.name, tr: 'Kervan Kulübü Artı' } });
    await pageView(options, async () => {
      await waitFor(() => expect(calls).toHaveLength(2));
    });
    expect(calls[1]?.status).toBe(200);
    await waitFor(() => expect(cachedProgrammeName()).toBe('Kervan Kulübü Artı'));
    expect(before).not.toBe('Kervan Kulübü Artı');
    await merchant('PUT', '/v1/merchant/programme', stored);
  });
  it('a copy that fails the payload check is neither shown nor revalidated, so a 304 cannot pin it', async () => {
    const calls: Call[] = [];
    const token = await suite.backend.tokenFor('ayse');
    const options = suite.options({ customerToken: token, fetch: recording(calls) });
    await pageView(options, async (w) => {
      await launcherText(w, /2\.450/);
      await waitFor(() => expect(bootKeys()).toHaveLength(1));
    });
    // The stored body corrupted in place (the ETag still matches the server's).
    const [key] = bootKeys();
    const entry = JSON.parse(sessionStorage.getItem(key!)!) as { etag: string; body: string };
    sessionStorage.setItem(key!, JSON.stringify({ ...entry, body: entry.body.replace(/"balance":\d+/, '"balance":1e309') }));
    await pageView(options, async (w) => {
      expect(w.launcher().textContent).toBe('');
      await launcherText(w, /2\.450/);
    });
    expect(calls[1]).toEqual({ auth: true, ifNoneMatch: null, status: 200 });
  });
});
