import { waitFor } from '@testing-library/dom';
import { describe, expect, it } from 'vitest';
import { useBackend } from './support/backend';
import { launcherText, loadApp, type Mounted } from './support/widget';

const suite = useBackend();

/** The backend's fetch, adding `bonus` points to the balance of every answer after the first. */
function growingBalance(bonus: number): typeof fetch {
  let calls = 0;
  return async (input, init) => {
    const response = await suite.backend.fetch(input, init);
    if (calls++ === 0) return response;
    const body = (await response.json()) as { customer: { balance: number } | null };
    if (body.customer) body.customer.balance += bonus * (calls - 1);
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  };
}

const statuses = (widget: Mounted) => [...widget.root().querySelectorAll('[role="status"]')].map((region) => region.textContent ?? '');
const inDialog = (widget: Mounted) => widget.root().querySelector('dialog [role="status"]:not([aria-busy] *)');

describe('points changes are announced politely', () => {
  it('reads out a new balance with its change, outside the dialog while it is closed and inside once open', async () => {
    const widget = suite.start(suite.options({ customerToken: await suite.backend.tokenFor('ayse'), fetch: growingBalance(50) }));
    await launcherText(widget, /2\.450/);
    // The panel module loads when the browser is idle; here it is asked for directly.
    await loadApp();
    widget.api.open();
    await waitFor(() => expect(widget.root().querySelector('dialog')?.open).toBe(true));
    widget.api.close();
    // The first balance a shopper gets is not news; nothing is said.
    expect(statuses(widget).join('')).toBe('');

    widget.api.refresh();
    await launcherText(widget, /2\.500/);
    const outside = [...widget.root().querySelectorAll('[role="status"]')].find((region) => !region.closest('dialog'));
    await waitFor(() => expect(outside).toHaveTextContent('Bakiyen güncellendi: 2.500 puan (+50 puan).'));
    expect(outside).not.toHaveAttribute('aria-hidden');

    // Open: the page outside the modal dialog is inert, so the region inside it speaks instead.
    widget.api.open();
    await waitFor(() => expect(inDialog(widget)).toHaveTextContent('Bakiyen güncellendi: 2.500 puan (+50 puan).'));
    expect(outside).toHaveTextContent('');

    widget.api.refresh();
    await waitFor(() => expect(inDialog(widget)).toHaveTextContent('Bakiyen güncellendi: 2.550 puan (+50 puan).'));
  });

  it('a different shopper’s balance is not a change', async () => {
    const widget = suite.start(suite.options({ customerToken: await suite.backend.tokenFor('ayse') }));
    await launcherText(widget, /2\.450/);
    await loadApp();
    widget.api.open();
    await waitFor(() => expect(widget.root().querySelector('dialog')?.open).toBe(true));
    widget.api.identify(await suite.backend.tokenFor('mehmet'));
    await launcherText(widget, /380/);
    expect(statuses(widget).join('')).toBe('');
  });
});
