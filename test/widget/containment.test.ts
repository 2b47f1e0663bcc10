import { fireEvent, waitFor, within } from '@testing-library/dom';
import { options as preactOptions } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useBackend } from './support/backend';
import { launcherText, type Mounted } from './support/widget';

// T11: the widget's own failures stay in the widget. A render that throws and an event handler that
// throws (or rejects) reach none of the host page's `error` / `unhandledrejection` listeners; the
// panel shows its error state with Retry, and Retry recovers. The faults are injected the way a
// hostile host page would cause them: a broken `Intl` polyfill, a `crypto.randomUUID` that throws.

const suite = useBackend();

const hostHeard: unknown[] = [];
const listen = (event: Event) => hostHeard.push(event);
beforeEach(() => {
  hostHeard.length = 0;
  window.addEventListener('error', listen);
  window.addEventListener('unhandledrejection', listen);
});
afterEach(() => {
  window.removeEventListener('error', listen);
  window.removeEventListener('unhandledrejection', listen);
  vi.restoreAllMocks();
});

async function openPanel(w: Mounted, view: Parameters<Mounted['api']['open']>[0]): Promise<HTMLDialogElement> {
  w.api.open(view);
  return waitFor(
    () => {
      const dialog = w.root().querySelector<HTMLDialogElement>('dialog[part~="panel"]');
      if (!dialog?.open) throw new Error('panel not open');
      return dialog;
    },
    { timeout: 5000 },
  );
}

/** Lets queued renders, microtasks and timers run, so that anything thrown would have surfaced. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('a render that throws (T11)', () => {
  it('shows the error state with Retry in the view, tells the host nothing, and Retry recovers', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const widget = suite.start(suite.options({ customerToken: await suite.backend.tokenFor('ayse') }));
    await launcherText(widget, /\d/);

    // The host page's Intl polyfill breaks date formatting: the history view cannot render.
    const format = vi.spyOn(Intl.DateTimeFormat.prototype as unknown as { format: unknown }, 'format', 'get').mockImplementation(() => () => {
      throw new RangeError('broken Intl polyfill');
    });
    const dialog = await openPanel(widget, 'activity');
    const ui = within(dialog);
    const alert = await ui.findByRole('alert');
    expect(alert).toHaveTextContent('Puanlarını şu an gösteremiyoruz');
    expect(ui.queryByRole('region', { name: 'Puan geçmişin' })).toBeNull();
    await settle();
    expect(hostHeard).toEqual([]);
    expect(warn.mock.calls.filter(([message]) => String(message).startsWith('[sadakat]'))).toHaveLength(1);

    format.mockRestore();
    fireEvent.click(ui.getByRole('button', { name: 'Yeniden dene' }));
    await ui.findByRole('region', { name: 'Puan geçmişin' }, { timeout: 5000 });
    expect(ui.queryByRole('alert')).toBeNull();
    await settle();
    expect(hostHeard).toEqual([]);
  });
});

describe('an event handler that fails (T11)', () => {
  it('a redemption whose key cannot be made: error state, nothing sent, nothing debited, nothing thrown to the page', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const sent: string[] = [];
    const fetchFn: typeof fetch = (input, init) => {
      sent.push(new URL(String(input)).pathname);
      return suite.backend.fetch(input, init);
    };
    const widget = suite.start(suite.options({ customerToken: await suite.backend.tokenFor('ayse'), fetch: fetchFn }));
    const before = await launcherText(widget, /\d/);
    const dialog = await openPanel(widget, 'rewards');
    const ui = within(dialog);
    await ui.findByRole('heading', { name: 'Ödül kataloğu' });

    vi.spyOn(crypto, 'randomUUID').mockImplementation(() => {
      throw new Error('broken crypto polyfill');
    });
    fireEvent.click(ui.getAllByRole('button', { name: /^Puanla al:/ })[0] as HTMLElement);
    fireEvent.click(await ui.findByRole('button', { name: 'Evet, puanla al' }));
    expect(await ui.findByRole('alert')).toHaveTextContent('Puanlarını şu an gösteremiyoruz');
    await settle();
    expect(hostHeard).toEqual([]);
    expect(sent).not.toContain('/v1/redemptions');
    expect(widget.launcher().textContent).toBe(before);
  });

  it('the handler guard is on the widget’s own Preact only while a panel is mounted', async () => {
    const hook = preactOptions.vnode;
    const widget = suite.start(suite.options({}));
    await openPanel(widget, 'home');
    expect(preactOptions.vnode).not.toBe(hook);
    widget.api.destroy();
    expect(preactOptions.vnode).toBe(hook);
  });
});
