import { waitFor } from '@testing-library/dom';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useBackend } from './support/backend';
import { settle, storedEvents, surveyCard, surveyClient, testSurvey, user, waitForCard } from './support/surveys';
import { startWidget, type Mounted } from './support/widget';

// When the widget asks: page views, a delay, exit intent, data-sadakat-survey, and (for guests)
// the frequency rules and the shared budget applied from this browser's own memory.

const suite = useBackend();
const DAY = 24 * 60 * 60 * 1000;

const pageViews = testSurvey({ id: 'third-page', title: { tr: 'Üçüncü sayfa', en: 'Third page' }, trigger: { kind: 'page-views', count: 3 } });
const delayed = testSurvey({ id: 'delayed', title: { tr: 'Biraz sonra', en: 'A bit later' }, trigger: { kind: 'delay', seconds: 20 } });
const elsewhere = testSurvey({ id: 'elsewhere', trigger: { kind: 'delay', seconds: 1, pathPrefixes: ['/urun'] } });

beforeAll(async () => {
  const api = surveyClient(suite.backend);
  for (const survey of [pageViews, delayed, elsewhere]) await api.save(survey);
});
beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
  document.querySelectorAll('[data-sadakat-survey]').forEach((element) => element.remove());
});

const title = (widget: Mounted) => surveyCard(widget)?.querySelector('h2')?.textContent;

/** A desktop with a mouse (or a phone): what `(hover: hover) and (pointer: fine)` says. */
function pointer(fine: boolean) {
  vi.spyOn(window, 'matchMedia').mockImplementation(
    (query: string) => ({ matches: fine && query.includes('pointer: fine'), media: query, addEventListener() {}, removeEventListener() {} }) as unknown as MediaQueryList,
  );
}

async function ready(widget: Mounted) {
  await waitFor(() => expect(widget.launcher()).toBeTruthy());
  await new Promise<void>((resolve) => {
    widget.api.on('ready', () => resolve());
    setTimeout(resolve, 300);
  });
}

describe('triggers', () => {
  it('asks on the N-th page view of the session; SPA page() calls count', async () => {
    const first = suite.start(suite.options());
    await ready(first);
    await settle(100);
    expect(title(first)).toBeUndefined();
    first.api.destroy();

    // The next page load, then an SPA route change: the third page view.
    const second = suite.start(suite.options());
    await ready(second);
    await settle(100);
    expect(title(second)).toBeUndefined();
    second.api.page();
    await waitForCard(second);
    expect(title(second)).toBe('Üçüncü sayfa');
  });

  it('asks after the delay on one page, and only on the paths it names', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    const widget = suite.start(suite.options());
    await ready(widget);
    await vi.advanceTimersByTimeAsync(19_000);
    expect(surveyCard(widget)).toBeNull();
    await vi.advanceTimersByTimeAsync(1_000);
    await waitForCard(widget);
    // Not the one limited to /urun pages (this page is /).
    expect(title(widget)).toBe('Biraz sonra');
  });

  it('asks on exit intent with a mouse (pointer leaving through the top), never on touch', async () => {
    pointer(true);
    const widget = suite.start(suite.options());
    await ready(widget);
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 300, bubbles: true }));
    await settle(100);
    expect(surveyCard(widget)).toBeNull();
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -2, relatedTarget: null, bubbles: true }));
    await waitForCard(widget);
    expect(title(widget)).toBe('Kısa bir soru');
    widget.api.destroy();

    localStorage.clear();
    pointer(false);
    const phone = suite.start(suite.options());
    await ready(phone);
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -2, relatedTarget: null, bubbles: true }));
    await settle(300);
    expect(surveyCard(phone)).toBeNull();
  });

  it('an element marked data-sadakat-survey asks that survey, about its order', async () => {
    const marker = document.createElement('section');
    marker.dataset.sadakatSurvey = 'post-purchase';
    marker.dataset.sadakatOrderId = `D-${Date.now()}`;
    document.body.append(marker);
    const widget = suite.start(suite.options());
    await waitForCard(widget);
    expect(title(widget)).toBe('Siparişin nasıldı?');
    await waitFor(async () =>
      expect(await storedEvents(suite.backend, 'post-purchase-nps')).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'impression', order_id: marker.dataset.sadakatOrderId })])),
    );
  });
});

describe('for guests, this browser applies the frequency rules and the budget', () => {
  it('once per order, recontact after 14 days, a dismissed order stays closed', async () => {
    const start = new Date('2026-11-23T10:00:00Z').getTime();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    let widget = startWidget(suite.options());
    widget.api.showSurvey('post-purchase', { orderId: 'A-1' });
    const { ui } = await waitForCard(widget);
    await user.click(ui.getByRole('button', { name: 'Anketi kapat' }));
    expect(surveyCard(widget)).toBeNull();

    const asks = async (orderId: string) => {
      widget.api.showSurvey('post-purchase', { orderId });
      await settle(80);
      const shown = surveyCard(widget) !== null;
      if (shown) await user.click(widget.ui().getByRole('button', { name: 'Anketi kapat' }));
      return shown;
    };
    expect(await asks('A-1')).toBe(false); // dismissed: closed for good
    expect(await asks('A-2')).toBe(false); // another order, but within 14 days
    vi.setSystemTime(start + 15 * DAY);
    widget.api.destroy();
    widget = startWidget(suite.options());
    expect(await asks('A-1')).toBe(false);
    expect(await asks('A-2')).toBe(true);
    widget.api.destroy();
  });

  it('one prompt per budget period: a survey that does not bypass the budget waits its turn', async () => {
    const start = new Date('2026-11-23T10:00:00Z').getTime();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    let widget = startWidget(suite.options());
    // The post-purchase survey bypasses the budget, and spends it.
    widget.api.showSurvey('post-purchase', { orderId: 'B-1' });
    const { ui } = await waitForCard(widget);
    await user.click(ui.getByRole('button', { name: 'Anketi kapat' }));

    widget.api.showSurvey('site-csat');
    await settle(80);
    expect(surveyCard(widget)).toBeNull();
    widget.api.destroy();

    vi.setSystemTime(start + 3 * DAY + 60_000);
    sessionStorage.clear();
    widget = startWidget(suite.options());
    widget.api.showSurvey('site-csat');
    const csat = await waitForCard(widget);
    await user.click(csat.ui.getByRole('radio', { name: 'Çok memnunum' }));
    await user.click(csat.ui.getByRole('button', { name: 'İleri' }));
    await user.click(await csat.ui.findByRole('button', { name: 'Gönder' }));
    await csat.ui.findByRole('heading', { name: 'Teşekkürler!' });
    await user.click(csat.ui.getByRole('button', { name: 'Kapat' }));
    widget.api.destroy();

    // Completed once per customer: never again, even after its 60-day recontact period.
    vi.setSystemTime(start + 100 * DAY);
    sessionStorage.clear(); // a new visit (the page-views survey would otherwise be due)
    widget = startWidget(suite.options());
    widget.api.showSurvey('site-csat');
    await settle(300);
    expect(surveyCard(widget)).toBeNull();
    widget.api.destroy();
  });
});

describe('destroy()', () => {
  it('with the card on screen and triggers armed, leaves no listener, observer callback or timer behind', async () => {
    pointer(true);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'], shouldAdvanceTime: true });
    const live = new Map<string, number>();
    for (const target of [window, document] as EventTarget[]) {
      const add = target.addEventListener.bind(target);
      const remove = target.removeEventListener.bind(target);
      const name = target === window ? 'window' : 'document';
      vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, options) => {
        live.set(`${name} ${type}`, (live.get(`${name} ${type}`) ?? 0) + 1);
        add(type, listener, options);
      });
      vi.spyOn(target, 'removeEventListener').mockImplementation((type, listener, options) => {
        live.set(`${name} ${type}`, (live.get(`${name} ${type}`) ?? 0) - 1);
        remove(type, listener, options);
      });
    }
    const widget = startWidget(suite.options());
    widget.api.showSurvey('post-purchase', { orderId: `X-${Date.now()}` });
    await waitForCard(widget);
    // The triggers listen to mouseout; the outbox to online, pagehide and visibilitychange (the card
    // is placed by CSS and listens to nothing).
    expect([...live.keys()]).toEqual(expect.arrayContaining(['window online', 'window pagehide', 'document visibilitychange', 'document mouseout']));

    widget.api.destroy();
    expect([...live].filter(([, count]) => count !== 0)).toEqual([]);
    expect(document.querySelector('sadakat-widget')).toBeNull();
    await vi.advanceTimersByTimeAsync(100);
    expect(vi.getTimerCount()).toBe(0);
  });
});
