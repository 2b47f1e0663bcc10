import { fireEvent, waitFor, within } from '@testing-library/dom';
import { describe, expect, it, vi } from 'vitest';
import { newIdempotencyKey } from '../../src/widget/app/api/storefront';
import { useBackend } from './support/backend';
import { launcherText, type Mounted } from './support/widget';

// The Earn, Rewards and Activity views against the real in-process server (through the injected
// fetch), plus the toast, the badge and inline placements.

const suite = useBackend();

async function openPanel(w: Mounted, view?: Parameters<Mounted['api']['open']>[0]): Promise<HTMLDialogElement> {
  w.api.open(view);
  return waitFor(() => {
    const dialog = w.root().querySelector<HTMLDialogElement>('dialog[part~="panel"]');
    if (!dialog?.open) throw new Error('panel not open');
    return dialog;
  }, { timeout: 5000 });
}

/** The server's fetch, recording every request and letting a test answer some itself. */
function recordingFetch(intercept?: (url: URL, init: RequestInit | undefined, attempt: number) => Response | Promise<Response> | 'pass' | 'fail' | 'lost') {
  const calls: Array<{ url: URL; init: RequestInit | undefined }> = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    calls.push({ url, init });
    const attempt = calls.filter((call) => call.url.pathname === url.pathname).length;
    const answer = intercept?.(url, init, attempt) ?? 'pass';
    if (answer === 'fail') throw new TypeError('Failed to fetch');
    if (answer === 'lost') {
      // The server did the work, but the answer never reached the shopper.
      await suite.backend.fetch(input, init);
      throw new TypeError('Failed to fetch');
    }
    if (answer !== 'pass') return answer;
    return suite.backend.fetch(input, init);
  }) as typeof fetch;
  return { fetch: fetchFn, calls, to: (path: string) => calls.filter((call) => call.url.pathname === path) };
}

const header = (init: RequestInit | undefined, name: string) => new Headers(init?.headers).get(name);

async function merchant(path: string, body: unknown, key?: string) {
  const response = await suite.backend.fetch(`${suite.backend.api}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${suite.backend.shop.secretKey}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
  return response.json();
}

describe('Rewards', () => {
  it('shows affordable and locked rewards in words, redeems once on a double click, and updates everywhere', async () => {
    await merchant('/v1/merchant/customers/mehmet/adjustments', { points: 300, reason: 'Test' }, 'adj-mehmet-rewards-1');
    const recorder = recordingFetch();
    const widget = suite.start(suite.options({ customerToken: await suite.backend.tokenFor('mehmet'), fetch: recorder.fetch }));
    await launcherText(widget, /\d/);
    const balance = Number((widget.launcher().textContent ?? '').match(/\d[\d.]*/)?.[0].replace(/\./g, ''));
    const dialog = await openPanel(widget, 'rewards');
    const ui = within(dialog);
    await ui.findByRole('heading', { name: 'Ödül kataloğu' });

    // Mehmet (Bronz) can afford free shipping only; the rest are locked, by points or by tier.
    const items = [...dialog.querySelectorAll('li[part~="reward"]')];
    expect(items.map((item) => item.querySelector('.status')?.textContent)).toEqual([
      'Kullanılabilir',
      `${(1000 - balance).toLocaleString('tr-TR')} puan daha gerekli`,
      `${(1500 - balance).toLocaleString('tr-TR')} puan daha gerekli`,
      'Altın ve üstü seviyelere özel',
    ]);
    expect(ui.queryByRole('button', { name: 'Puanla al: 50 ₺ indirim' })).toBeNull();

    const events: unknown[] = [];
    widget.api.on('redeem', (detail) => events.push(['redeem', detail]));
    widget.api.on('points-change', (detail) => events.push(['points', detail]));

    const ask = ui.getByRole('button', { name: 'Puanla al: Ücretsiz kargo' });
    fireEvent.click(ask);
    const title = await ui.findByRole('heading', { name: 'Ödülü almak istiyor musun?' });
    await waitFor(() => expect(widget.root().activeElement).toBe(title));
    expect(dialog).toHaveTextContent(`Kalan: ${(balance - 400).toLocaleString('tr-TR')} puan.`);
    const confirm = ui.getByRole('button', { name: 'Evet, puanla al' });
    fireEvent.click(confirm);
    fireEvent.click(confirm);

    const code = (await ui.findByLabelText('Kodun hazır', { selector: '#sadakat-issued-code' })) as HTMLInputElement;
    expect(code.value).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(dialog).toHaveTextContent('Ödeme adımında kupon kodu alanına yapıştır.');
    expect(recorder.to('/v1/redemptions')).toHaveLength(1);
    expect(header(recorder.to('/v1/redemptions')[0]?.init, 'idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    await launcherText(widget, new RegExp((balance - 400).toLocaleString('tr-TR').replace('.', '\\.')));
    expect(events).toEqual([
      ['points', { balance: balance - 400, delta: -400 }],
      ['redeem', { rewardId: 'free-shipping', cost: 400, balance: balance - 400 }],
    ]);
    // The new code is listed with the unused ones.
    expect(within(ui.getByRole('region', { name: 'Kullanılmamış kodların' })).getByDisplayValue(code.value)).toBeTruthy();
  });

  it('retries a failed network attempt once, with the same key, and the server debits once', async () => {
    const recorder = recordingFetch((url, _init, attempt) => (url.pathname === '/v1/redemptions' && attempt === 1 ? 'lost' : 'pass'));
    const widget = suite.start(suite.options({ customerToken: await suite.backend.tokenFor('ayse'), fetch: recorder.fetch }));
    await launcherText(widget, /\d/);
    const before = Number((widget.launcher().textContent ?? '').match(/\d[\d.]*/)?.[0].replace(/\./g, ''));
    const dialog = await openPanel(widget, 'rewards');
    const ui = within(dialog);
    fireEvent.click(await ui.findByRole('button', { name: 'Puanla al: Ücretsiz kargo' }));
    fireEvent.click(await ui.findByRole('button', { name: 'Evet, puanla al' }));
    await ui.findByRole('heading', { name: /Kodun hazır/ });
    const attempts = recorder.to('/v1/redemptions');
    expect(attempts).toHaveLength(2);
    expect(header(attempts[0]?.init, 'idempotency-key')).toBe(header(attempts[1]?.init, 'idempotency-key'));
    await launcherText(widget, new RegExp(`^${(before - 400).toLocaleString('tr-TR').replace('.', '\\.')}`));
  });

  it.each([
    ['tr', 'insufficient_points', 409, 'Bu ödül için puanın yetmiyor.'],
    ['tr', 'tier_required', 403, 'Bu ödül daha üst bir seviyeye özel.'],
    ['en', 'insufficient_points', 409, "You don't have enough points for this reward."],
    ['en', 'tier_required', 403, 'This reward is for a higher tier.'],
    ['en', 'internal', 500, 'Something went wrong. Try again in a moment.'],
  ] as const)('shows %s text for %s, never the server message', async (locale, code, status, text) => {
    const recorder = recordingFetch((url) =>
      url.pathname === '/v1/redemptions'
        ? Response.json({ error: { code, message: 'SERVER TEXT', requestId: 'r1' } }, { status })
        : 'pass',
    );
    const widget = suite.start(suite.options({ locale, customerToken: await suite.backend.tokenFor('ayse'), fetch: recorder.fetch }));
    await launcherText(widget, /\d/);
    const dialog = await openPanel(widget, 'rewards');
    const ui = within(dialog);
    fireEvent.click(await ui.findByRole('button', { name: locale === 'tr' ? 'Puanla al: Ücretsiz kargo' : 'Redeem: Free shipping' }));
    fireEvent.click(await ui.findByRole('button', { name: locale === 'tr' ? 'Evet, puanla al' : 'Yes, redeem' }));
    expect(await ui.findByRole('alert')).toHaveTextContent(text);
    expect(dialog).not.toHaveTextContent('SERVER TEXT');
  });

  it('makes a key with getRandomValues where randomUUID is missing', () => {
    const key = newIdempotencyKey({ getRandomValues: (bytes: Uint8Array) => bytes.fill(171) } as unknown as Crypto);
    expect(key).toBe('ab'.repeat(16));
  });
});

describe('Earn', () => {
  it('shows the order rate with tier and campaign, claims an action once, and saves the birthday', async () => {
    const widget = suite.start(suite.options({ customerToken: await suite.backend.tokenFor('mehmet') }));
    await launcherText(widget, /\d/);
    const dialog = await openPanel(widget, 'earn');
    const ui = within(dialog);
    await ui.findByRole('heading', { name: 'Alışverişlerinden' });
    expect(dialog).toHaveTextContent('₺1 = 1 puan');
    expect(dialog).toHaveTextContent('Kahve Haftası: çift puan: 2× puan, şimdi geçerli');

    const newsletter = ui.getByRole('button', { name: '50 puan kazan' });
    fireEvent.click(newsletter);
    await waitFor(() => expect(ui.getAllByText('Kazanıldı')).toHaveLength(1));
    expect(ui.queryByRole('button', { name: '50 puan kazan' })).toBeNull();

    fireEvent.input(ui.getByLabelText('Doğum günün'), { target: { value: '1990-03-14' } });
    fireEvent.submit(ui.getByRole('button', { name: 'Kaydet' }).closest('form')!);
    await waitFor(() => expect(dialog).toHaveTextContent('Doğum günün: 14 Mart.'));
    expect(ui.queryByLabelText('Doğum günün')).toBeNull();
  });
});

describe('Activity', () => {
  it('pages through the history with "load more", newest first, with signed deltas and order references', async () => {
    for (let i = 1; i <= 22; i++) {
      await merchant('/v1/merchant/customers/elif/adjustments', { points: i, reason: `Düzeltme ${i}` }, `adj-elif-${i}-0000`);
      // Entries stamped in the same millisecond have no "newest" between them (ids break the tie
      // at random); a few ms apart, the order the test asserts is the order they were made.
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    const widget = suite.start(suite.options({ customerToken: await suite.backend.tokenFor('elif') }));
    await launcherText(widget, /\d/);
    const dialog = await openPanel(widget, 'activity');
    const ui = within(dialog);
    const list = await ui.findByRole('region', { name: 'Puan geçmişin' });
    expect(list.querySelectorAll('li')).toHaveLength(20);
    expect(list.querySelector('li')).toHaveTextContent('Düzeltme 22');
    expect(list.querySelector('li')).toHaveTextContent('+22 puan');
    fireEvent.click(ui.getByRole('button', { name: 'Daha fazla göster' }));
    await waitFor(() => expect(list.querySelectorAll('li').length).toBeGreaterThan(20));
    expect(list).toHaveTextContent('Sipariş #1270');
    expect(list).toHaveTextContent('-400 puan');
    expect(ui.queryByRole('button', { name: 'Daha fazla göster' })).toBeNull();
    expect(list).toHaveTextContent('Hepsi bu kadar.');
  });
});

describe('launcher badge and toast', () => {
  it('announces points that arrived since the last page view, in a polite live region', async () => {
    const token = await suite.backend.tokenFor('mehmet');
    let widget = suite.start(suite.options({ customerToken: token }));
    await launcherText(widget, /\d/);
    await openPanel(widget);
    widget.api.destroy();

    await merchant('/v1/merchant/customers/mehmet/adjustments', { points: 700, reason: 'Hoş geldin' }, 'adj-mehmet-toast-1');
    widget = suite.start(suite.options({ customerToken: token }));
    await launcherText(widget, /\d/);
    widget.api.open();
    const region = await waitFor(() => {
      const node = widget.root().querySelector('[role="status"][aria-live="polite"].toast-region');
      if (!node) throw new Error('no live region');
      return node;
    });
    await waitFor(() => expect(region).toHaveTextContent('Hesabına +700 puan eklendi!'));
    // Mehmet can now afford ₺50 off: the badge is on.
    await waitFor(() => expect(widget.root().querySelector('[part~="launcher-badge"]')).toBeVisible());
  });
});

describe('inline placements', () => {
  it('fills balance and points-for, opens views from any element, rescans on page(), and restores on destroy()', async () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<p id="bal" data-sadakat="balance">…</p><p id="pf" data-sadakat="points-for" data-sadakat-amount="129.90">x</p><span id="op" data-sadakat-open="rewards" tabindex="0">Ödüller</span>',
    );
    try {
      const widget = suite.start(suite.options({ customerToken: await suite.backend.tokenFor('ayse') }));
      const balance = document.getElementById('bal')!;
      const pointsFor = document.getElementById('pf')!;
      await waitFor(() => expect(balance.textContent).toMatch(/^[\d.]+ puan$/));
      // 129.90 at Gümüş (×1.25) in Coffee Week (×2) → 324.75 → 324, as the server would pay.
      expect(pointsFor.textContent).toBe('324 puan kazan');

      fireEvent.keyDown(document.getElementById('op')!, { key: 'Enter' });
      await waitFor(() => expect(widget.root().querySelector('dialog')?.open).toBe(true));
      await within(widget.root().querySelector('dialog')!).findByRole('heading', { name: 'Ödül kataloğu' });

      document.body.insertAdjacentHTML('beforeend', '<span id="late" data-sadakat="points-for" data-sadakat-amount="19.99"></span>');
      widget.api.page();
      await waitFor(() => expect(document.getElementById('late')?.textContent).toBe('49 puan kazan'));

      widget.api.destroy();
      expect(balance.textContent).toBe('…');
      expect(pointsFor.textContent).toBe('x');
      const listener = vi.fn();
      widget.api.on('open', listener);
      fireEvent.click(document.getElementById('op')!);
      expect(listener).not.toHaveBeenCalled();
    } finally {
      for (const id of ['bal', 'pf', 'op', 'late']) document.getElementById(id)?.remove();
    }
  });
});
