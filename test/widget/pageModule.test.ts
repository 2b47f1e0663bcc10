import { fireEvent, waitFor } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pointsFor, rewardAffordable } from '../../src/widget/app/pageExtras';
import { useBackend } from './support/backend';
import { launcherText, loadApp, type Mounted } from './support/widget';

// A page view runs the page-view script and the small page module (`sadakat-page.mjs`): inline
// placements and the badge, without the panel. The panel (Preact, signals, the full contract) loads
// on intent or when the page needs it, never just because the browser is idle.

const suite = useBackend();

/** The panel loader, counting its calls. */
function countingLoader() {
  const load = vi.fn(loadApp);
  return { load, env: { loadApp: load } };
}

const badge = (w: Mounted) => w.root().querySelector('[part~="launcher-badge"]') as HTMLElement;

afterEach(() => {
  for (const id of ['pf', 'bal', 'op']) document.getElementById(id)?.remove();
  history.replaceState(null, '', '/');
  localStorage.clear();
});

describe('a page view without intent', () => {
  it('fills placements and shows the badge without loading the panel; an opener hovered loads it', async () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<p id="bal" data-sadakat="balance">…</p><p id="pf" data-sadakat="points-for" data-sadakat-amount="129.90">x</p><span id="op" data-sadakat-open="earn" tabindex="0">Kazan</span>',
    );
    const { load, env } = countingLoader();
    const widget = suite.start(suite.options({ customerToken: await suite.backend.tokenFor('ayse') }), env);
    await waitFor(() => expect(document.getElementById('pf')!.textContent).toBe('324 puan kazan'));
    expect(document.getElementById('bal')!.textContent).toMatch(/^[\d.]+ puan$/);
    // Idle time passes; still no panel.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(load).not.toHaveBeenCalled();
    expect(widget.root().querySelector('dialog')).toBeNull();

    fireEvent.pointerOver(document.getElementById('op')!);
    expect(load).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(widget.root().querySelector('dialog')).not.toBeNull());
    // The panel does not take the placements over: they keep their text.
    expect(document.getElementById('pf')!.textContent).toBe('324 puan kazan');
  });

  it('focus on the launcher loads the panel (keyboard intent), once', async () => {
    const { load, env } = countingLoader();
    const widget = suite.start(suite.options(), env);
    await waitFor(() => expect(widget.launcher()).toBeTruthy());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(load).not.toHaveBeenCalled();
    widget.launcher().focus();
    fireEvent.pointerEnter(widget.launcher());
    await waitFor(() => expect(widget.root().querySelector('dialog')).not.toBeNull());
    expect(load).toHaveBeenCalledTimes(1);
  });

  it.each(['ayse', 'mehmet', 'elif'])('shows the same badge for %s as the panel does once it loads', async (customer) => {
    const { load, env } = countingLoader();
    const widget = suite.start(suite.options({ customerToken: await suite.backend.tokenFor(customer) }), env);
    await launcherText(widget, /\d/);
    // The page module is in when a placement would have been filled; give it the same moment.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = badge(widget).hidden;
    // Ayşe's balance covers several rewards (a case with the badge on).
    if (customer === 'ayse') expect(before).toBe(false);
    expect(load).not.toHaveBeenCalled();
    widget.api.open();
    await waitFor(() => expect(widget.root().querySelector('dialog')?.open).toBe(true));
    expect(badge(widget).hidden).toBe(before);
  });

  it('loads the panel by itself when points arrived since the last page view, for its toast', async () => {
    const token = await suite.backend.tokenFor('mehmet');
    let counted = countingLoader();
    let widget = suite.start(suite.options({ customerToken: token }), counted.env);
    const balance = Number((await launcherText(widget, /\d/)).replace(/\D/g, ''));
    // The page module remembered the balance for the next page view, without the panel.
    await waitFor(() => expect(sessionStorage.getItem(`sadakat:balance:${suite.backend.shop.publishableKey}:mehmet`)).toBe(String(balance)));
    expect(counted.load).not.toHaveBeenCalled();
    widget.api.destroy();

    sessionStorage.setItem(`sadakat:balance:${suite.backend.shop.publishableKey}:mehmet`, String(balance - 25));
    counted = countingLoader();
    widget = suite.start(suite.options({ customerToken: token }), counted.env);
    await waitFor(() => expect(widget.root().querySelector('.toast-region')).toHaveTextContent('+25 puan'));
    expect(counted.load).toHaveBeenCalledTimes(1);
  });

  it("loads the panel by itself for a friend's ?ref= code and for survey answers waiting to be sent", async () => {
    history.replaceState(null, '', '/?ref=ABCD2345');
    let counted = countingLoader();
    const widget = suite.start(suite.options(), counted.env);
    await waitFor(() => expect(counted.load).toHaveBeenCalledTimes(1));
    widget.api.destroy();

    history.replaceState(null, '', '/');
    localStorage.setItem(`sadakat.${suite.backend.shop.publishableKey}.g.outbox`, '[]');
    counted = countingLoader();
    suite.start(suite.options(), counted.env);
    await waitFor(() => expect(counted.load).toHaveBeenCalledTimes(1));
  });
});

describe('reading the boot payload loosely', () => {
  const programme = {
    earnRules: [{ kind: 'order', pointsPerUnit: 2 }],
    tiers: [
      { id: 'bronz', threshold: 0, multiplier: 1 },
      { id: 'altin', threshold: 1000, multiplier: 1.5 },
    ],
    campaigns: [{ startsAt: '2026-01-01T00:00:00Z', endsAt: '2026-02-01T00:00:00Z', multiplier: 2 }],
    rewards: [
      { id: 'a', cost: 500, tierId: null },
      { id: 'b', cost: 100, tierId: 'altin' },
    ],
  };
  const customer = (tier: string, balance = 0) => ({ balance, tier: { current: { id: tier } } });

  it('computes points-for with the tier and the running campaign, as the server pays', () => {
    const boot = { programme, customer: customer('altin') };
    expect(pointsFor(boot, 10, new Date('2026-01-15T00:00:00Z'))).toBe(60);
    expect(pointsFor(boot, 10, new Date('2026-03-01T00:00:00Z'))).toBe(30);
    expect(pointsFor({ programme, customer: null }, 10, new Date('2026-03-01T00:00:00Z'))).toBe(20);
  });

  it('answers 0 for anything it cannot trust, never NaN', () => {
    const at = new Date('2026-01-15T00:00:00Z');
    for (const boot of [null, 42, 'x', {}, { programme: null }, { programme: { earnRules: 'x' } }, { programme: { earnRules: [{ kind: 'order', pointsPerUnit: '2' }] } }, { programme: { earnRules: [{ kind: 'order', pointsPerUnit: -1 }] } }]) {
      expect(pointsFor(boot, 10, at)).toBe(0);
    }
    expect(pointsFor({ programme, customer: null }, Number.NaN, at)).toBe(0);
    expect(pointsFor({ programme, customer: null }, 1e12, at)).toBe(0);
    const hostile = { programme: { ...programme, tiers: [{ id: 'x', multiplier: 'NaN' }], campaigns: [{ startsAt: 1, endsAt: {}, multiplier: 1e308 }] }, customer: customer('x') };
    expect(pointsFor(hostile, 10, at)).toBe(20);
  });

  it('a reward is affordable when the balance covers one of the tier or below', () => {
    expect(rewardAffordable({ programme, customer: customer('bronz') }, 499)).toBe(false);
    expect(rewardAffordable({ programme, customer: customer('bronz') }, 500)).toBe(true);
    // The 100-point reward needs Altın.
    expect(rewardAffordable({ programme, customer: customer('bronz') }, 150)).toBe(false);
    expect(rewardAffordable({ programme, customer: customer('altin') }, 150)).toBe(true);
    expect(rewardAffordable({ programme, customer: null }, 10_000)).toBe(false);
    expect(rewardAffordable({ programme: { rewards: [{ cost: 'free' }] }, customer: customer('x') }, 10)).toBe(false);
  });
});
