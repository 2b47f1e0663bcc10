import { fireEvent, waitFor, within } from '@testing-library/dom';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MyReferral, ReferralFunnel } from '../../src/contract';
import { referralCatalogs } from '../../src/widget/app/referral/i18n/catalogs';
import { ar } from '../../src/widget/app/referral/i18n/ar';
import { en } from '../../src/widget/app/referral/i18n/en';
import { useBackend } from './support/backend';
import type { Mounted } from './support/widget';

// The referral view and the friend's landing, against the real in-process server (through the
// injected fetch): the advocate's link, share links, QR code and copy; the friend's capture,
// greeting and claim; hostile `?ref=` values dropped before anything is stored or rendered.

const suite = useBackend();
let ayseCode = '';
let ayseQr: MyReferral['qr'] = { size: 0, path: '' };

beforeAll(async () => {
  await import('../../src/widget/app/referral/referralFeature');
  const response = await suite.backend.fetch(`${suite.backend.api}/v1/referral?shop=${suite.backend.shop.publishableKey}&origin=${encodeURIComponent(location.origin)}`, {
    headers: { authorization: `Bearer ${await suite.backend.tokenFor('ayse')}` },
  });
  ({ code: ayseCode, qr: ayseQr } = MyReferral.parse(await response.json()));
});

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  history.replaceState(null, '', '/');
});

/** The requests the widget made, answered by the real server. */
function recordingFetch() {
  const calls: URL[] = [];
  const fetchFn = ((input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(new URL(String(input)));
    return suite.backend.fetch(input, init);
  }) as typeof fetch;
  return { fetch: fetchFn, calls, to: (prefix: string) => calls.filter((url) => url.pathname.startsWith(prefix)) };
}

async function openReferral(widget: Mounted) {
  widget.api.open('referral');
  return waitFor(
    () => {
      const dialog = widget.root().querySelector<HTMLDialogElement>('dialog[part~="panel"]');
      if (!dialog?.open) throw new Error('panel not open');
      return within(dialog as unknown as HTMLElement);
    },
    { timeout: 5000 },
  );
}

async function funnel() {
  const response = await suite.backend.fetch(`${suite.backend.api}/v1/merchant/referrals/funnel`, {
    headers: { authorization: `Bearer ${suite.backend.shop.secretKey}` },
  });
  return ReferralFunnel.parse(await response.json());
}

describe('the advocate’s referral view', () => {
  it('shows the personal link and code, share links that carry the link, a QR code, the offers and stats', async () => {
    const widget = suite.start(suite.options({ customerToken: await suite.backend.tokenFor('ayse') }));
    const panel = await openReferral(widget);
    const input = await panel.findByLabelText<HTMLInputElement>('Davet bağlantın', {}, { timeout: 5000 });
    const link = `${location.origin}/?ref=${ayseCode}`;
    expect(input.value).toBe(link);
    expect(input.getAttribute('part')).toBe('referral-link');
    expect(panel.getByText(`Davet kodun: ${ayseCode}`)).toBeInTheDocument();
    expect(panel.getByText(/Arkadaşın ilk siparişinde %10 indirim kazanır, sen de 500 puan kazanırsın\./)).toBeInTheDocument();

    const share = (name: RegExp) => panel.getByRole('link', { name }).getAttribute('href') ?? '';
    expect(share(/WhatsApp ile paylaş/)).toBe(`https://wa.me/?text=${encodeURIComponent(`Kervan Kahve & Seramik için sana %10 indirim hediye ediyorum! İlk siparişinde geçerli: ${link}`)}`);
    expect(new URL(share(/X ile paylaş/)).searchParams.get('url')).toBe(link);
    expect(new URL(share(/Facebook ile paylaş/)).searchParams.get('u')).toBe(link);
    expect(share(/E-posta ile paylaş/)).toMatch(/^mailto:\?subject=/);
    expect(decodeURIComponent(share(/E-posta ile paylaş/))).toContain(link);
    expect(decodeURIComponent(share(/SMS ile paylaş/))).toContain(link);
    for (const anchor of panel.getAllByRole('link', { name: /ile paylaş/ })) expect(anchor.getAttribute('rel')).toBe('noopener noreferrer');

    // No Web Share API here (happy-dom): no share-sheet button, the links do the work.
    expect(panel.queryByRole('button', { name: 'Paylaş' })).toBeNull();
    // The QR code is the server's (the widget has no encoder): its modules as sent, a 2-module quiet zone around them.
    const qr = panel.getByRole('img', { name: 'QR kod: telefonla okutunca davet bağlantın açılır' });
    expect(qr.querySelector('path')?.getAttribute('d')).toBe(ayseQr.path);
    expect(ayseQr.path).toMatch(/^M0 0h7v1h-7z/);
    expect(qr.getAttribute('viewBox')).toBe(`-2 -2 ${ayseQr.size + 4} ${ayseQr.size + 4}`);
    expect(panel.getByText('Bağlantını açan')).toBeInTheDocument();
    expect(panel.getByText('Kazandığın')).toBeInTheDocument();
  });

  it('copies the link to the clipboard and tells listeners it was shared', async () => {
    const writeText = vi.spyOn(window.navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    const widget = suite.start(suite.options({ customerToken: await suite.backend.tokenFor('ayse') }));
    const shared = vi.fn();
    widget.api.on('referral-share', shared);
    const panel = await openReferral(widget);
    fireEvent.click(await panel.findByRole('button', { name: 'Bağlantıyı kopyala' }, { timeout: 5000 }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(`${location.origin}/?ref=${ayseCode}`));
    await panel.findAllByText('Kopyalandı');
    expect(shared).toHaveBeenCalledWith({ channel: 'copy' });
  });

  it('offers the device’s share sheet where the Web Share API exists, with the link', async () => {
    const share = vi.fn((_data: ShareData) => Promise.resolve());
    Object.defineProperty(window.navigator, 'share', { value: share, configurable: true });
    try {
      const widget = suite.start(suite.options({ customerToken: await suite.backend.tokenFor('ayse') }));
      const shared = vi.fn();
      widget.api.on('referral-share', shared);
      const panel = await openReferral(widget);
      const button = await panel.findByRole('button', { name: 'Paylaş' }, { timeout: 5000 });
      expect(button.getAttribute('part')).toContain('share-button');
      fireEvent.click(button);
      await waitFor(() => expect(shared).toHaveBeenCalledWith({ channel: 'native' }));
      expect(share.mock.calls[0]?.[0]).toMatchObject({ url: `${location.origin}/?ref=${ayseCode}` });
    } finally {
      delete (window.navigator as { share?: unknown }).share;
    }
  });

  it('asks the server for the QR code of its own link (origin and parameter), and never draws a QR path outside the contract’s grammar', async () => {
    const recorder = recordingFetch();
    const widget = suite.start(suite.options({ customerToken: await suite.backend.tokenFor('ayse'), fetch: recorder.fetch, referral: { param: 'davet' } }));
    const panel = await openReferral(widget);
    await panel.findByRole('img', { name: /QR kod/ }, { timeout: 5000 });
    const [asked] = recorder.to('/v1/referral');
    expect(asked?.searchParams.get('origin')).toBe(location.origin);
    expect(asked?.searchParams.get('param')).toBe('davet');
    widget.api.destroy();

    // A backend (deliberately broken here) that sends markup or script where the modules go: the
    // payload fails the contract, the view shows its error state, and nothing of it is drawn.
    for (const path of ['M0 0h7v1h-7z"/><script>alert(1)</script>', 'url(javascript:alert(1))', 'M0 0h7v1h-6z', 'M0 0 h7v1h-7z']) {
      const hostile = (async (input: RequestInfo | URL, init?: RequestInit) => {
        const response = await suite.backend.fetch(input, init);
        if (new URL(String(input)).pathname !== '/v1/referral') return response;
        const body = (await response.json()) as MyReferral;
        return new Response(JSON.stringify({ ...body, qr: { ...body.qr, path } }), { status: 200, headers: { 'content-type': 'application/json' } });
      }) as typeof fetch;
      const broken = suite.start(suite.options({ customerToken: await suite.backend.tokenFor('ayse'), fetch: hostile }));
      const view = await openReferral(broken);
      expect(await view.findByText('Davet bilgilerin yüklenemedi.', {}, { timeout: 5000 })).toBeInTheDocument();
      expect(view.queryByRole('img', { name: /QR kod/ }), path).toBeNull();
      expect(broken.root().querySelector('script'), path).toBeNull();
      broken.api.destroy();
    }
  });

  it('speaks the shown language: its referral strings are loaded with the view, the others are not needed', async () => {
    for (const [locale, strings] of [
      ['en', en],
      ['ar', ar],
    ] as const) {
      const widget = suite.start(suite.options({ customerToken: await suite.backend.tokenFor('ayse'), locale }));
      const panel = await openReferral(widget);
      const input = await panel.findByLabelText<HTMLInputElement>(strings['ref.linkLabel'], {}, { timeout: 5000 });
      expect(input.value).toBe(`${location.origin}/?ref=${ayseCode}`);
      expect(panel.getByRole('img', { name: strings['ref.qr'] })).toBeInTheDocument();
      expect(panel.getByRole('button', { name: strings['ref.copy'] })).toBeInTheDocument();
      expect(referralCatalogs.loaded.value[locale]).toBe(strings);
      widget.api.destroy();
    }
  });

  it('opens from #sadakat-referral, and asks a guest to sign in for a link', async () => {
    location.hash = '#sadakat-referral';
    const widget = suite.start(suite.options());
    await waitFor(() => expect(widget.root().querySelector('dialog[part~="panel"]')).toHaveProperty('open', true), { timeout: 5000 });
    expect(await waitFor(() => within(widget.root() as unknown as HTMLElement).getByText('Davet et, birlikte kazanın'), { timeout: 5000 })).toBeInTheDocument();
  });
});

describe('the friend’s landing', () => {
  // The landing is read by the panel module, which loads when the page is idle: a browser calls
  // requestIdleCallback almost at once on a quiet page; happy-dom has none (the fallback waits 3 s).
  beforeEach(() => {
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => setTimeout(callback, 0));
    vi.stubGlobal('cancelIdleCallback', (id: number) => clearTimeout(id));
  });
  it('checks the code, remembers it, counts the visit, greets with the advocate’s first name and offer, and claims a code', async () => {
    history.replaceState(null, '', `/urunler?ref=${ayseCode.toLowerCase()}`);
    const before = await funnel();
    const captured = vi.fn();
    document.addEventListener('sadakat:referral-capture', captured);
    const widget = suite.start(suite.options());
    const ui = within(widget.root() as unknown as HTMLElement);
    // findBy* cannot observe a shadow root: poll with waitFor instead.
    const greeting = await waitFor(() => ui.getByRole('heading', { name: 'Ayşe sana ilk siparişinde %10 indirim hediye etti!' }), { timeout: 5000 });
    document.removeEventListener('sadakat:referral-capture', captured);
    expect((captured.mock.calls[0]?.[0] as CustomEvent).detail).toEqual({ code: ayseCode });
    expect(widget.api.referral.code()).toBe(ayseCode);
    await waitFor(async () => expect((await funnel()).visits).toBe(before.visits + 1));
    // A guest has no affordable reward: the badge is the friend's offer.
    expect(widget.root().querySelector<HTMLElement>('[part~="launcher-badge"]')?.hidden).toBe(false);

    fireEvent.click(within(greeting.closest('section')!).getByRole('button', { name: 'Hediyeni al' }));
    const panel = await openReferralPanel(widget);
    const email = panel.getByLabelText('E-posta adresin');
    fireEvent.input(email, { target: { value: 'not-an-address' } });
    fireEvent.click(panel.getByRole('button', { name: 'İndirim kodumu al' }));
    expect(await panel.findByText('Geçerli bir e-posta adresi yaz.')).toBeInTheDocument();
    fireEvent.input(email, { target: { value: 'Zeynep.Kaya+kahve@gmail.com' } });
    fireEvent.click(panel.getByRole('button', { name: 'İndirim kodumu al' }));
    const code = await panel.findByLabelText<HTMLInputElement>('İndirim kodun', {}, { timeout: 5000 });
    expect(code.value).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect((await funnel()).claims).toBe(before.claims + 1);
  }, 20_000);

  it('does not greet a signed-in shopper with their own code', async () => {
    history.replaceState(null, '', `/?ref=${ayseCode}`);
    const captured = new Promise<void>((resolve) => document.addEventListener('sadakat:referral-capture', () => resolve(), { once: true }));
    const widget = suite.start(suite.options({ customerToken: await suite.backend.tokenFor('ayse') }));
    await captured;
    const panel = await openReferral(widget);
    await panel.findByLabelText('Davet bağlantın', {}, { timeout: 5000 });
    expect(within(widget.root() as unknown as HTMLElement).queryByText(/hediye etti/)).toBeNull();
  });

  it('drops hostile ref values before anything is stored, asked or rendered', async () => {
    for (const hostile of ['<img src=x onerror=alert(1)>', 'A'.repeat(2048), '__proto__', 'АВСDЕFGН', 'ABCD2345"><b>']) {
      history.replaceState(null, '', `/?ref=${encodeURIComponent(hostile)}`);
      const recorder = recordingFetch();
      const widget = suite.start(suite.options({ fetch: recorder.fetch }));
      await waitFor(() => expect(recorder.to('/v1/boot').length).toBeGreaterThan(0));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(recorder.to('/v1/referral'), hostile).toEqual([]);
      expect(widget.api.referral.code()).toBeNull();
      expect(localStorage.length).toBe(0);
      expect(widget.root().innerHTML.includes('onerror')).toBe(false);
      widget.api.destroy();
    }
  });

  it('an unknown code changes nothing', async () => {
    history.replaceState(null, '', '/?ref=ZZZZ2222');
    const recorder = recordingFetch();
    const widget = suite.start(suite.options({ fetch: recorder.fetch }));
    await waitFor(() => expect(recorder.to('/v1/referral-codes/ZZZZ2222').length).toBe(1), { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(widget.api.referral.code()).toBeNull();
    expect(recorder.to('/v1/referral-visits')).toEqual([]);
    expect(within(widget.root() as unknown as HTMLElement).queryByText(/hediye etti/)).toBeNull();
  });

  it('keeps the first code by default, the latest with touch: "last", and honours a renamed parameter', async () => {
    const other = MyReferral.parse(
      await (
        await suite.backend.fetch(`${suite.backend.api}/v1/referral?shop=${suite.backend.shop.publishableKey}&origin=${encodeURIComponent(location.origin)}`, {
          headers: { authorization: `Bearer ${await suite.backend.tokenFor('mehmet')}` },
        })
      ).json(),
    ).code;
    const land = async (search: string, extra: Parameters<typeof suite.options>[0] = {}) => {
      history.replaceState(null, '', `/${search}`);
      const captured = new Promise<string>((resolve) =>
        document.addEventListener('sadakat:referral-capture', (event) => resolve((event as CustomEvent<{ code: string }>).detail.code), { once: true }),
      );
      const widget = suite.start(suite.options(extra));
      const code = await captured;
      widget.api.destroy();
      return code;
    };
    expect(await land(`?ref=${ayseCode}`)).toBe(ayseCode);
    expect(await land(`?ref=${other}`)).toBe(ayseCode);
    expect(await land(`?ref=${other}`, { referral: { touch: 'last' } })).toBe(other);
    localStorage.clear();
    expect(await land(`?davet=${ayseCode}&ref=${other}`, { referral: { param: 'davet' } })).toBe(ayseCode);
    const [code, expires] = (localStorage.getItem(`sadakat.${suite.backend.shop.publishableKey}.ref`) ?? '').split('|');
    expect(code).toBe(ayseCode);
    expect(Number(expires) - Date.now()).toBeGreaterThan(29.9 * 24 * 3600 * 1000);
    expect(Number(expires) - Date.now()).toBeLessThanOrEqual(30 * 24 * 3600 * 1000);
  });

  it('greets in English and Arabic too', async () => {
    history.replaceState(null, '', `/?ref=${ayseCode}`);
    const english = suite.start(suite.options({ locale: 'en' }));
    expect(await waitFor(() => within(english.root() as unknown as HTMLElement).getByRole('heading', { name: 'Ayşe gave you 10% off on your first order!' }), { timeout: 5000 })).toBeInTheDocument();
    english.api.destroy();
    sessionStorage.clear();
    const arabic = suite.start(suite.options({ locale: 'ar' }));
    expect(await waitFor(() => within(arabic.root() as unknown as HTMLElement).getByRole('heading', { name: /أهداك .*Ayşe.* على طلبك الأول!/ }), { timeout: 5000 })).toBeInTheDocument();
  });
});

async function openReferralPanel(widget: Mounted) {
  return waitFor(
    () => {
      const dialog = widget.root().querySelector<HTMLDialogElement>('dialog[part~="panel"]');
      if (!dialog?.open) throw new Error('panel not open');
      return within(dialog as unknown as HTMLElement);
    },
    { timeout: 5000 },
  );
}
