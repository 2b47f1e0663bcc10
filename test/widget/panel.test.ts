import { fireEvent, waitFor } from '@testing-library/dom';
import { describe, expect, it, vi } from 'vitest';
import { useBackend } from './support/backend';
import { launcherText, type Mounted } from './support/widget';

const suite = useBackend();
let widget: Mounted | undefined;

const options = suite.options;

/** Opens the panel and waits for the dialog (the panel module loads on demand). */
async function openPanel(w: Mounted, view?: Parameters<Mounted['api']['open']>[0]): Promise<HTMLDialogElement> {
  w.api.open(view);
  return waitFor(() => {
    const dialog = w.root().querySelector<HTMLDialogElement>('dialog[part~="panel"]');
    if (!dialog?.open) throw new Error('panel not open');
    return dialog;
    // The first open transforms the whole panel module under Vitest: allow more than 1 s.
  }, { timeout: 5000 });
}

const part = (root: ParentNode, name: string) => root.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('panel for a signed-in shopper', () => {
  it('opens on Home: greeting, balance, tier and the progress to the next tier', async () => {
    widget = suite.start(options({ customerToken: await suite.backend.tokenFor('ayse') }));
    await launcherText(widget, /2\.450/);
    const dialog = await openPanel(widget);
    const ui = widget.ui();

    await waitFor(() => expect(part(dialog, 'balance')).toHaveTextContent('2.450 puan'));
    expect(ui.getByRole('dialog')).toBe(dialog);
    expect(dialog).toHaveAccessibleName('Kervan Kulübü');
    expect(part(dialog, 'header')).toHaveTextContent('Merhaba Ayşe');
    expect(dialog.querySelector('[part~="header"] [part~="tier"]')).toHaveTextContent('Gümüş');

    const progress = ui.getByRole('progressbar', { name: 'Altın seviyesine ilerleme' }) as HTMLProgressElement;
    expect(progress.value).toBeCloseTo(0.78);
    expect(dialog).toHaveTextContent("Altın'a 550 puan kaldı");

    // Gümüş cannot redeem the Altın-only cup; the best reward she can afford is 10% off.
    expect(part(dialog, 'reward')).toHaveTextContent('%10 indirim');
    expect(dialog).toHaveTextContent('%10 indirim için puanın yetiyor.');
    const campaign = ui.getByText('Kahve Haftası: çift puan').closest('li');
    expect(campaign).toHaveTextContent('2× puan');

    const activity = ui.getByRole('region', { name: 'Son hareketler' });
    const items = activity.querySelectorAll('li');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('Sipariş');
    expect(items[0]).toHaveTextContent('+725 puan');
    expect(items[1]).toHaveTextContent('50 ₺ indirim');
    expect(items[1]).toHaveTextContent('-1.000 puan');

    const launcher = widget.launcher();
    expect(launcher).toHaveAttribute('aria-expanded', 'true');
    expect(launcher).toHaveAttribute('aria-controls', dialog.id);
    // An affordable reward puts the badge on the launcher, and says so in its name.
    expect(part(widget.root(), 'launcher-badge')).toBeVisible();
    expect(launcher).toHaveAccessibleName('Ödül programı: 2.450 puan, kullanabileceğin bir ödül var');
  });

  it('shows how far the next reward is when none is affordable yet', async () => {
    widget = suite.start(options({ customerToken: await suite.backend.tokenFor('mehmet') }));
    const dialog = await openPanel(widget);
    await waitFor(() => expect(part(dialog, 'reward')).toHaveTextContent('Ücretsiz kargo'));
    expect(dialog).toHaveTextContent('Ücretsiz kargo için 20 puan daha.');
    expect(widget.ui().getByRole('progressbar', { name: 'Ücretsiz kargo ödülüne ilerleme' })).toHaveProperty('value', 0.95);
    expect(part(widget.root(), 'launcher-badge')).not.toBeVisible();
  });

  it('speaks English when asked', async () => {
    widget = suite.start(options({ customerToken: await suite.backend.tokenFor('ayse'), locale: 'en' }));
    const dialog = await openPanel(widget);
    await waitFor(() => expect(part(dialog, 'balance')).toHaveTextContent('2,450 points'));
    expect(part(dialog, 'header')).toHaveTextContent('Hi Ayşe');
    expect(dialog).toHaveTextContent('550 points to Gold');
    expect(widget.ui().getByRole('button', { name: 'Close' })).toHaveAttribute('part', 'close-button');
    expect(dialog.closest('[lang]')).toHaveAttribute('lang', 'en');
  });
});

describe('dialog behaviour', () => {
  it('moves focus in, keeps Tab inside, closes on Escape and returns focus to the launcher', async () => {
    widget = suite.start(options({ customerToken: await suite.backend.tokenFor('ayse') }));
    await launcherText(widget, /2\.450/);
    const closed = vi.fn();
    widget.api.on('close', closed);
    widget.launcher().focus();
    widget.launcher().click();
    const dialog = await waitFor(() => {
      const element = widget?.root().querySelector('dialog');
      if (!element?.open) throw new Error('not open');
      return element;
    });
    await waitFor(() => expect(part(dialog, 'balance')).not.toBeNull());
    const root = widget.root();
    expect(dialog.contains(root.activeElement)).toBe(true);

    const focusables = [...dialog.querySelectorAll<HTMLElement>('a[href], button')];
    const first = focusables[0] as HTMLElement;
    const last = focusables[focusables.length - 1] as HTMLElement;
    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(root.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(root.activeElement).toBe(last);

    fireEvent.keyDown(last, { key: 'Escape' });
    expect(dialog.open).toBe(false);
    expect(root.activeElement).toBe(widget.launcher());
    expect(widget.launcher()).toHaveAttribute('aria-expanded', 'false');
    expect(closed).toHaveBeenCalledWith({ view: 'home' });
  });

  it('closes with the close button', async () => {
    widget = suite.start(options());
    const dialog = await openPanel(widget);
    widget.ui().getByRole('button', { name: 'Kapat' }).click();
    expect(dialog.open).toBe(false);
  });

  it('open(view) opens that view, with a back control to Home; unknown views open Home', async () => {
    widget = suite.start(options({ customerToken: await suite.backend.tokenFor('ayse') }));
    const dialog = await openPanel(widget, 'referral');
    await waitFor(() => expect(dialog).toHaveTextContent('Davet bağlantın'), { timeout: 5000 });
    expect(widget.ui().getByRole('heading', { level: 2 })).toHaveTextContent('Arkadaşını davet et');
    widget.ui().getByRole('button', { name: 'Geri' }).click();
    await waitFor(() => expect(part(dialog, 'balance')).toHaveTextContent('2.450 puan'));
    expect(widget.ui().queryByRole('button', { name: 'Geri' })).toBeNull();

    widget.api.close();
    widget.api.open('no-such-view' as never);
    await waitFor(() => expect(dialog.open).toBe(true));
    expect(widget.ui().getByRole('heading', { level: 2 })).toHaveTextContent('Kervan Kulübü');
  });

  it('each link on Home opens its view, and focus moves to the new view’s title (and back)', async () => {
    widget = suite.start(options({ customerToken: await suite.backend.tokenFor('ayse') }));
    const dialog = await openPanel(widget);
    await waitFor(() => expect(part(dialog, 'balance')).not.toBeNull());
    widget.ui().getByRole('button', { name: /Puan kazan/ }).click();
    const heading = () => widget?.ui().getByRole('heading', { level: 2 });
    await waitFor(() => expect(heading()).toHaveTextContent('Puan kazan'));
    await waitFor(() => expect(widget?.root().activeElement).toBe(heading()));
    widget.ui().getByRole('button', { name: 'Geri' }).click();
    await waitFor(() => expect(heading()).toHaveTextContent('Kervan Kulübü'));
    await waitFor(() => expect(widget?.root().activeElement).toBe(heading()));
  });

  it('opens on the view a #sadakat-<view> hash names, at start and on hashchange', async () => {
    location.hash = '#sadakat-rewards';
    const opened = vi.fn();
    document.addEventListener('sadakat:open', opened);
    widget = suite.start(options());
    const dialog = await waitFor(() => {
      const element = widget?.root().querySelector('dialog');
      if (!element?.open) throw new Error('not open');
      return element;
    });
    expect(widget.ui().getByRole('heading', { level: 2 })).toHaveTextContent('Ödüller');
    expect((opened.mock.calls[0]?.[0] as CustomEvent).detail).toEqual({ view: 'rewards' });
    widget.api.close();
    expect(dialog.open).toBe(false);

    location.hash = '#sadakat-activity';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => expect(dialog.open).toBe(true));
    expect(widget.ui().getByRole('heading', { level: 2 })).toHaveTextContent('Tüm hareketler');
    document.removeEventListener('sadakat:open', opened);
  });
});

describe('panel for a guest', () => {
  it('explains the programme and links to joining and signing in', async () => {
    widget = suite.start(options());
    const dialog = await openPanel(widget);
    const ui = widget.ui();
    await waitFor(() => expect(ui.getByRole('link', { name: 'Hemen üye ol' })).toHaveAttribute('href', 'https://shop.example/hesap?islem=kayit'));
    expect(ui.getByRole('link', { name: 'Giriş yap' })).toHaveAttribute('href', 'https://shop.example/hesap?islem=giris');
    expect(ui.getByRole('link', { name: 'Hemen üye ol' })).toHaveAttribute('part', 'button button-primary');
    expect(ui.getByRole('region', { name: 'Nasıl kazanırsın' })).toHaveTextContent('Her ₺1 alışverişe 1 puan');
    expect(ui.getByRole('region', { name: 'Nasıl kazanırsın' })).toHaveTextContent('Üye olunca 200 puan');
    expect(ui.getByRole('region', { name: 'Öne çıkan ödüller' })).toHaveTextContent('Ücretsiz kargo');
    expect(ui.getByRole('region', { name: 'Seviyeler' })).toHaveTextContent('Altın');
    expect(part(dialog, 'balance')).toBeNull();
  });

  it('uses the join and sign-in URLs from the options over the programme’s', async () => {
    widget = suite.start(options({ joinUrl: 'https://shop.example/uye-ol', signInUrl: 'https://shop.example/giris' }));
    await openPanel(widget);
    const ui = widget.ui();
    await waitFor(() => expect(ui.getByRole('link', { name: 'Hemen üye ol' })).toHaveAttribute('href', 'https://shop.example/uye-ol'));
    expect(ui.getByRole('link', { name: 'Giriş yap' })).toHaveAttribute('href', 'https://shop.example/giris');
  });

  it('a token the server refuses shows the guest view, never that shopper’s points', async () => {
    const ayse = await suite.backend.tokenFor('ayse');
    const [header, payload] = ayse.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    const errors = vi.fn();
    widget = suite.start(options({ customerToken: forged }));
    widget.api.on('error', errors);
    const dialog = await openPanel(widget);
    await waitFor(() => expect(widget?.ui().getByRole('link', { name: 'Giriş yap' })).toBeInTheDocument());
    expect(dialog).toHaveTextContent('Oturumun doğrulanamadı');
    expect(errors).toHaveBeenCalledWith({ code: 'unauthorized' });
    expect(widget.root().textContent).not.toContain('Ayşe');
    expect(widget.root().textContent).not.toContain('2.450');
    expect(part(dialog, 'balance')).toBeNull();
    expect(widget.launcher().textContent).toBe('');
  });
});
