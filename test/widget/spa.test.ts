import { waitFor } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSadakat } from '../../src/widget/index';
import { useBackend } from './support/backend';
import { launcherText, mounted } from './support/widget';

// Single-page apps: route changes noticed without patching history, placements rendered later by
// the app filled in, and createSadakat() safe under a StrictMode-style double mount. The real
// server in process; happy-dom has no Navigation API, so this is the popstate path (the e2e suite
// covers the Navigation API in Chromium).

const suite = useBackend();
const startPath = location.pathname;

afterEach(() => {
  history.replaceState(null, '', startPath);
  document.querySelectorAll('[data-test-spa]').forEach((element) => element.remove());
});

const addToPage = (html: string) => {
  const wrapper = document.createElement('div');
  wrapper.setAttribute('data-test-spa', '');
  // Test fixture markup of our own, never from a server.
  wrapper.innerHTML = html;
  document.body.append(wrapper);
  return wrapper;
};

describe('route changes', () => {
  it('back/forward to another route is a page view; the same URL again, or only a new hash, is not', async () => {
    suite.start(suite.options());
    // Every page view is counted for the surveys' "after N pages" trigger: the visible effect of page().
    const views = () => Object.keys(sessionStorage).filter((key) => key.endsWith('pv')).map((key) => sessionStorage.getItem(key)).join();
    const before = views();
    expect(before).not.toBe('');
    history.replaceState(null, '', location.href);
    window.dispatchEvent(new PopStateEvent('popstate'));
    history.pushState(null, '', '#elsewhere');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(views()).toBe(before);
    history.pushState(null, '', '/sepet');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await waitFor(() => expect(views()).not.toBe(before));
  });
});

describe('a router that still calls page() itself', () => {
  it('counts one page view per route change, whichever of page() and the detection comes first', async () => {
    const widget = suite.start(suite.options());
    const views = () => Number(Object.entries(sessionStorage).find(([key]) => key.endsWith('.pv'))?.[1] ?? 0);
    await waitFor(() => expect(views()).toBeGreaterThan(0));
    const start = views();

    history.pushState(null, '', '/urun/a');
    widget.api.page(); // the router's own call, before the browser's event is handled
    window.dispatchEvent(new PopStateEvent('popstate'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(views()).toBe(start + 1);

    history.pushState(null, '', '/urun/b');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await waitFor(() => expect(views()).toBe(start + 2));
    widget.api.page(); // the router's call after the detection
    expect(views()).toBe(start + 2);
    widget.api.page(); // a deliberate second call still counts, as before
    expect(views()).toBe(start + 3);
  });
});

describe('placements the app renders later', () => {
  it('are filled without page(), follow attribute changes, and are left alone after destroy()', async () => {
    const widget = suite.start(suite.options({ customerToken: await suite.backend.tokenFor('ayse') }));
    await launcherText(widget, /2\.450/);
    // The panel module fills placements; it loads on idle, or at once when the page has some.
    addToPage('<p id="first" data-sadakat="balance">…</p>');
    widget.api.page();
    await waitFor(() => expect(document.getElementById('first')?.textContent).toBe('2.450 puan'));

    // A route renders a product card: no page() call, the observer sees it.
    const card = addToPage('<section><h2>Filtre kahve</h2><span id="earn" data-sadakat="points-for" data-sadakat-amount="19.99"></span></section>');
    await waitFor(() => expect(document.getElementById('earn')?.textContent).toBe('49 puan kazan'));
    document.getElementById('earn')?.setAttribute('data-sadakat-amount', '129.90');
    await waitFor(() => expect(document.getElementById('earn')?.textContent).toBe('324 puan kazan'));
    card.remove();

    widget.api.destroy();
    expect(document.getElementById('first')?.textContent).toBe('…');
    addToPage('<p id="after" data-sadakat="balance">…</p>');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(document.getElementById('after')?.textContent).toBe('…');
  });
});

describe('createSadakat() under a StrictMode-style double mount', () => {
  it('mount, unmount, mount again: one launcher that works, and the first handle is inert', async () => {
    const token = await suite.backend.tokenFor('mehmet');
    const options = suite.options({ customerToken: token });
    const first = createSadakat(options);
    const stale = vi.fn();
    first.on('open', stale);
    first.destroy();
    const second = createSadakat(options);
    expect(document.querySelectorAll('sadakat-widget')).toHaveLength(1);
    expect(await launcherText(mounted(second), /\d/)).toBe('380 puan');
    const live = vi.fn();
    second.on('open', live);
    first.open(); // a stale handle from the first mount does nothing
    expect(live).not.toHaveBeenCalled();
    second.open('rewards');
    expect(live).toHaveBeenCalledWith({ view: 'rewards' });
    expect(stale).not.toHaveBeenCalled();
    second.destroy();
    expect(document.querySelector('sadakat-widget')).toBeNull();
  });

  it('two mounts without an unmount share one widget until both are destroyed', async () => {
    const options = suite.options({ customerToken: await suite.backend.tokenFor('mehmet') });
    const a = createSadakat(options);
    const b = createSadakat({ ...options, position: 'bottom-start' });
    expect(document.querySelectorAll('sadakat-widget')).toHaveLength(1);
    // The later options apply to the shared widget.
    expect(document.querySelector('sadakat-widget')?.getAttribute('data-position')).toBe('bottom-start');
    const heardByA = vi.fn();
    a.on('open', heardByA);
    a.destroy();
    expect(document.querySelectorAll('sadakat-widget')).toHaveLength(1);
    b.open();
    expect(heardByA).not.toHaveBeenCalled();
    await launcherText(mounted(b), /380/);
    b.destroy();
    expect(document.querySelector('sadakat-widget')).toBeNull();
    // And init() on a destroyed handle starts again.
    b.init(options);
    expect(document.querySelectorAll('sadakat-widget')).toHaveLength(1);
    b.destroy();
    expect(document.querySelector('sadakat-widget')).toBeNull();
  });
});
