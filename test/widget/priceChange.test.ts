import { fireEvent, waitFor, within } from '@testing-library/dom';
import { describe, expect, it } from 'vitest';
import { ProgrammeConfig } from '../../src/contract';
import { ar } from '../../src/widget/i18n/ar';
import { en } from '../../src/widget/i18n/en';
import { resolveLocale } from '../../src/widget/i18n/locale';
import { tr } from '../../src/widget/i18n/tr';
import { createTranslator } from '../../src/widget/i18n/translate';
import { useBackend } from './support/backend';
import { launcherText } from './support/widget';

// T29: the merchant changes a reward's cost between the shopper seeing it and confirming. Against
// the real in-process server: the cost is changed through the merchant API, not faked.

const suite = useBackend();
const catalogs = { tr, en, ar };

async function merchant(method: 'GET' | 'PUT', path: string, body?: unknown): Promise<unknown> {
  const response = await suite.backend.fetch(`${suite.backend.api}${path}`, {
    method,
    headers: { authorization: `Bearer ${suite.backend.shop.secretKey}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status, `${method} ${path}`).toBe(200);
  return response.json();
}

async function setCost(rewardId: string, cost: number) {
  const programme = ProgrammeConfig.parse(await merchant('GET', '/v1/merchant/programme'));
  await merchant('PUT', '/v1/merchant/programme', { ...programme, rewards: programme.rewards.map((r) => (r.id === rewardId ? { ...r, cost } : r)) });
}

async function balanceOf(customerId: string): Promise<number> {
  const response = await suite.backend.fetch(`${suite.backend.api}/v1/merchant/customers/${customerId}`, {
    headers: { authorization: `Bearer ${suite.backend.shop.secretKey}` },
  });
  return ((await response.json()) as { balance: number }).balance;
}

describe('the price of a reward changes between display and click (T29)', () => {
  it.each([
    ['tr', 450],
    ['en', 475],
    ['ar', 500],
  ] as const)('%s: says the new price, debits nothing, and redeems at the new price on the next confirm', async (language, newCost) => {
    const { t, points } = createTranslator(resolveLocale(language, document, { languages: [] }), catalogs[language]);
    const redeemBodies: unknown[] = [];
    const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (new URL(String(input)).pathname === '/v1/redemptions') redeemBodies.push(JSON.parse(String(init?.body)));
      return suite.backend.fetch(input, init);
    }) as typeof fetch;
    await setCost('free-shipping', 400);
    const widget = suite.start(suite.options({ locale: language, customerToken: await suite.backend.tokenFor('ayse'), fetch: fetchFn }));
    await launcherText(widget, /\d/);
    const before = await balanceOf('ayse');
    widget.api.open('rewards');
    const dialog = await waitFor(() => widget.root().querySelector<HTMLDialogElement>('dialog[part~="panel"][open]') ?? Promise.reject(new Error('closed')), { timeout: 5000 });
    const ui = within(dialog);
    // Free shipping (the cheapest, listed first) is shown at 400; the merchant raises it before the shopper confirms.
    const cheapest = await waitFor(() => dialog.querySelector<HTMLButtonElement>('li[part~="reward"] button') ?? Promise.reject(new Error('no rewards yet')), { timeout: 5000 });
    fireEvent.click(cheapest);
    await ui.findByRole('heading', { name: t('rewards.confirmTitle') });
    await setCost('free-shipping', newCost);
    fireEvent.click(ui.getByRole('button', { name: t('rewards.confirm') }));

    const alert = await ui.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent(t('rewards.priceChangedTo', { cost: points(newCost) })), { timeout: 5000 });
    expect(await balanceOf('ayse')).toBe(before);
    expect(redeemBodies).toEqual([{ rewardId: 'free-shipping', expectedCost: 400 }]);
    // The confirmation now states the new cost and what is left after it.
    expect(dialog).toHaveTextContent(points(before - newCost));

    fireEvent.click(ui.getByRole('button', { name: t('rewards.confirm') }));
    await ui.findByRole('heading', { name: new RegExp(t('rewards.issuedTitle')) });
    expect(redeemBodies).toEqual([
      { rewardId: 'free-shipping', expectedCost: 400 },
      { rewardId: 'free-shipping', expectedCost: newCost },
    ]);
    expect(await balanceOf('ayse')).toBe(before - newCost);
  });
});
