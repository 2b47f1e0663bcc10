import { waitFor } from '@testing-library/dom';
import { describe, expect, it, vi } from 'vitest';
import { useBackend } from './support/backend';
import { launcherText, type Mounted } from './support/widget';

const suite = useBackend();
let widget: Mounted | undefined;

const options = suite.options;

/** Spends points through the real storefront API, as the panel will once redemption lands. */
async function redeem(token: string, rewardId: string) {
  const response = await suite.backend.fetch(`${suite.backend.api}/v1/redemptions?shop=${suite.backend.shop.publishableKey}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ rewardId }),
  });
  expect(response.status).toBe(201);
}

describe('events', () => {
  it('ready, points-change, open and close reach on() listeners and document', async () => {
    const token = await suite.backend.tokenFor('elif');
    const seen: Array<[string, unknown]> = [];
    const onDocument = (event: Event) => seen.push([`document ${event.type}`, (event as CustomEvent).detail]);
    const names = ['sadakat:ready', 'sadakat:points-change', 'sadakat:open', 'sadakat:close'];
    for (const name of names) document.addEventListener(name, onDocument);

    widget = suite.start(options({ customerToken: token }));
    widget.api.on('ready', (detail) => seen.push(['on ready', detail]));
    widget.api.on('sadakat:points-change', (detail) => seen.push(['on points-change', detail]));
    const balance = Number((await launcherText(widget, /\d/)).replace(/\D/g, ''));
    expect(seen).toEqual([
      ['on ready', { customer: true }],
      ['document sadakat:ready', { customer: true }],
      ['on points-change', { balance, delta: null }],
      ['document sadakat:points-change', { balance, delta: null }],
    ]);

    seen.length = 0;
    await redeem(token, 'free-shipping');
    widget.api.refresh();
    await waitFor(() => expect(seen).toContainEqual(['on points-change', { balance: balance - 400, delta: -400 }]));

    seen.length = 0;
    widget.api.open('earn');
    widget.api.close();
    expect(seen).toEqual([
      ['document sadakat:open', { view: 'earn' }],
      ['document sadakat:close', { view: 'earn' }],
    ]);
    for (const name of names) document.removeEventListener(name, onDocument);
  });

  it('a listener that throws breaks neither the widget nor the other listeners', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const after = vi.fn();
    widget = suite.start(options({ customerToken: await suite.backend.tokenFor('ayse') }));
    widget.api.on('ready', () => {
      throw new Error('the shop’s bug');
    });
    widget.api.on('ready', after);
    expect(await launcherText(widget, /\d/)).toBe('2.450 puan');
    expect(after).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('[sadakat]'), expect.any(Error));
  });

  it('off() removes a listener', async () => {
    const listener = vi.fn();
    widget = suite.start(options());
    widget.api.on('open', listener);
    widget.api.off('open', listener);
    widget.api.open();
    expect(listener).not.toHaveBeenCalled();
  });
});
