import { waitFor } from '@testing-library/dom';
import { beforeEach, describe, expect, it } from 'vitest';
import { useBackend } from './support/backend';
import { launcherText, loadApp, type Mounted } from './support/widget';

const suite = useBackend();

// The points toast remembers the last balance per tab (sessionStorage); each test starts afresh.
beforeEach(() => sessionStorage.clear());

/** The backend's fetch, moving the balance by `steps[n]` in total on the n-th answer after the first. */
function changingBalance(steps: number[]): typeof fetch {
  let calls = 0;
  return async (input, init) => {
    const step = calls++ === 0 ? 0 : (steps[calls - 2] ?? steps[steps.length - 1] ?? 0);
    // A moved balance is a new payload: the server would not answer 304 to the widget's cached copy.
    const headers = new Headers(init?.headers);
    if (step !== 0) headers.delete('if-none-match');
    const response = await suite.backend.fetch(input, { ...init, headers });
    if (step === 0) return response;
    const body = (await response.json()) as { customer: { balance: number } | null };
    if (body.customer) body.customer.balance += step;
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  };
}

/** The text of every live region outside and inside the dialog (the loading one aside). */
function spoken(widget: Mounted) {
  const regions = [...widget.root().querySelectorAll('[role="status"]')].filter((region) => !region.closest('[aria-busy]'));
  const text = (inside: boolean) =>
    regions
      .filter((region) => Boolean(region.closest('dialog')) === inside)
      .map((region) => region.textContent ?? '')
      .join('')
      .trim();
  return { outside: text(false), inside: text(true) };
}

async function openedOnce(widget: Mounted) {
  // The panel module loads when the browser is idle; here it is asked for directly.
  await loadApp();
  widget.api.open();
  await waitFor(() => expect(widget.root().querySelector('dialog')?.open).toBe(true));
}

describe('points changes are announced politely, once', () => {
  it('inside the dialog while it is open (outside it the page is inert), outside it while closed', async () => {
    const widget = suite.start(suite.options({ customerToken: await suite.backend.tokenFor('ayse'), fetch: changingBalance([50, 100, -900]) }));
    await launcherText(widget, /2\.450/);
    await openedOnce(widget);
    // The first balance a shopper gets is not news; nothing is said.
    expect(spoken(widget)).toEqual({ outside: '', inside: '' });

    // Open: the region inside the dialog speaks.
    widget.api.refresh();
    await waitFor(() => expect(spoken(widget).inside).toBe('Bakiyen güncellendi: 2.500 puan (+50 puan).'));

    // Closed, a gain: the points toast by the launcher says it, and nothing else does.
    widget.api.close();
    widget.api.refresh();
    await launcherText(widget, /2\.550/);
    await waitFor(() => expect(spoken(widget).outside).toBe('Hesabına +50 puan eklendi!'));

    // Closed, points spent (no toast for that): our region outside the dialog says it.
    widget.api.refresh();
    await launcherText(widget, /1\.550/);
    await waitFor(() => expect(spoken(widget).outside).toContain('Bakiyen güncellendi: 1.550 puan (-1.000 puan).'));
  });

  it('a different shopper’s balance is not a change', async () => {
    const widget = suite.start(suite.options({ customerToken: await suite.backend.tokenFor('ayse') }));
    await launcherText(widget, /2\.450/);
    await openedOnce(widget);
    widget.api.identify(await suite.backend.tokenFor('mehmet'));
    await launcherText(widget, /380/);
    expect(spoken(widget)).toEqual({ outside: '', inside: '' });
  });
});
