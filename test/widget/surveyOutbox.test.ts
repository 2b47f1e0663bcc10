import { waitFor } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createOutbox, type Delivery, type OutboxItem } from '../../src/widget/app/survey/outbox';
import { stringify } from '../../src/widget/app/survey/safeJson';
import { createSurveyStorage } from '../../src/widget/app/survey/storage';
import { useBackend } from './support/backend';
import { network, outboxKeys, settle, storedResponses, surveyCard, surveyClient, testSurvey, user, waitForCard } from './support/surveys';
import { launcherText, type Mounted } from './support/widget';

// "Nothing is lost": answers given offline wait in the outbox and reach the real server exactly
// once; the outbox is capped, expires, is cleared on logout; without storage the shopper is told.
// The only fakes are the injected faults: a fetch that rejects (offline), storage that throws.

const suite = useBackend();

const multi = testSurvey({
  id: 'multi',
  bypassInterruptionBudget: true,
  frequency: { mode: 'once-per-customer', recontactDays: 0 },
  questions: [
    {
      id: 'beans',
      type: 'multiple-choice',
      required: true,
      prompt: { tr: 'Hangi çekirdekler?', en: 'Which beans?' },
      options: [
        { id: 'huila', label: { tr: 'Huila', en: 'Huila' } },
        { id: 'dibek', label: { tr: 'Dibek', en: 'Dibek' } },
      ],
    },
    { id: 'note', type: 'text', required: false, maxLength: 100, prompt: { tr: 'Not', en: 'Note' } },
  ],
});

beforeEach(async () => {
  localStorage.clear();
  sessionStorage.clear();
  if (!(await surveyExists('multi'))) await surveyClient(suite.backend).save(multi);
});
afterEach(() => {
  vi.useRealTimers();
});

async function surveyExists(id: string) {
  const rows = await suite.backend.db.kysely.selectFrom('surveys').select('id').where('shop_id', '=', suite.backend.shop.id).where('id', '=', id).execute();
  return rows.length > 0;
}

const order = () => `O-${Math.random().toString(36).slice(2, 10)}`;
const rowsFor = async (orderId: string) => (await storedResponses(suite.backend, 'post-purchase-nps')).filter((row) => row.order_id === orderId);

/** Answers the demo NPS as a detractor with a comment, up to the thank-you step or the error. */
async function answerDetractor(widget: Mounted, comment: string) {
  const { ui } = await waitForCard(widget);
  await user.click(ui.getByRole('radio', { name: '4' }));
  await user.click(ui.getByRole('button', { name: 'İleri' }));
  await user.type(await ui.findByRole('textbox'), comment);
  await user.click(ui.getByRole('button', { name: 'Gönder' }));
  return ui;
}

describe('offline', () => {
  it('queues the answers, says so, and delivers them once when the connection returns', async () => {
    const net = network(suite.backend);
    const orderId = order();
    const submitted = vi.fn();
    const widget = suite.start(suite.options({ fetch: net.fetch }));
    widget.api.on('survey-submit', submitted);
    widget.api.showSurvey('post-purchase', { orderId });
    await waitForCard(widget);
    net.offline(true);

    const ui = await answerDetractor(widget, 'Paket ezik geldi.');
    await ui.findByRole('heading', { name: 'Teşekkürler!' }, { timeout: 4000 });
    expect(ui.getByRole('status')).toHaveTextContent('Yanıtların bu cihazda saklandı; bağlantı gelince gönderilecek.');
    expect(submitted).toHaveBeenCalledTimes(1);
    expect(net.refused).toBeGreaterThan(0);
    expect(await rowsFor(orderId)).toEqual([]);
    // On the device: one item for the response (the partial save was replaced by the completion).
    const [key] = outboxKeys();
    const stored = JSON.parse(localStorage.getItem(key!)!) as OutboxItem[];
    expect(stored.filter((item) => item.kind === 'response')).toEqual([
      expect.objectContaining({ body: expect.objectContaining({ completed: true, orderId, answers: [{ questionId: 'nps', value: 4 }, { questionId: 'what-went-wrong', value: 'Paket ezik geldi.' }] }) }),
    ]);

    net.offline(false);
    window.dispatchEvent(new Event('online'));
    await waitFor(async () => expect(await rowsFor(orderId)).toHaveLength(1));
    await waitFor(() => expect(outboxKeys()).toEqual([]));
    expect((await rowsFor(orderId))[0]).toMatchObject({ status: 'completed', answers: { nps: 4, 'what-went-wrong': 'Paket ezik geldi.' } });
    await waitFor(() => expect(ui.queryByText(/bu cihazda saklandı/)).toBeNull());

    // Another "online" finds nothing left to send.
    const before = net.delivered.length;
    window.dispatchEvent(new Event('online'));
    await settle(50);
    expect(net.delivered.length).toBe(before);
    expect(await rowsFor(orderId)).toHaveLength(1);
  });

  it('answers given offline reach the server from the next page load', async () => {
    const net = network(suite.backend);
    const orderId = order();
    const first = suite.start(suite.options({ fetch: net.fetch }));
    first.api.showSurvey('post-purchase', { orderId });
    await waitForCard(first);
    net.offline(true);
    const ui = await answerDetractor(first, 'Kahve bayattı.');
    await ui.findByRole('heading', { name: 'Teşekkürler!' }, { timeout: 4000 });
    first.api.destroy();
    expect(outboxKeys()).toHaveLength(1);

    // The next page, online: the outbox goes as soon as the widget's panel code loads.
    net.offline(false);
    const next = suite.start(suite.options({ fetch: net.fetch }));
    await waitFor(() => expect(next.host()).toBeTruthy());
    next.launcher().dispatchEvent(new Event('pointerenter'));
    await waitFor(async () => expect(await rowsFor(orderId)).toHaveLength(1), { timeout: 4000 });
    expect((await rowsFor(orderId))[0]).toMatchObject({ status: 'completed', answers: { nps: 4, 'what-went-wrong': 'Kahve bayattı.' } });
    await waitFor(() => expect(outboxKeys()).toEqual([]));
    // It is not asked again on the new page: this order's survey is done.
    next.api.showSurvey('post-purchase', { orderId });
    await settle(50);
    expect(surveyCard(next)).toBeNull();
  });

  it('without storage, says it could not save instead of pretending; Try again sends it', async () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const net = network(suite.backend);
    const orderId = order();
    const submitted = vi.fn();
    const widget = suite.start(suite.options({ fetch: net.fetch }));
    widget.api.on('survey-submit', submitted);
    widget.api.showSurvey('post-purchase', { orderId });
    await waitForCard(widget);
    net.offline(true);

    const ui = await answerDetractor(widget, 'Geç geldi.');
    const alert = await ui.findByRole('alert');
    expect(alert).toHaveTextContent('Yanıtlarını kaydedemedik');
    expect(ui.queryByRole('heading', { name: 'Teşekkürler!' })).toBeNull();
    expect(submitted).not.toHaveBeenCalled();

    net.offline(false);
    await user.click(ui.getByRole('button', { name: 'Yeniden dene' }));
    await ui.findByRole('heading', { name: 'Teşekkürler!' });
    expect(submitted).toHaveBeenCalledWith({ surveyId: 'post-purchase-nps' });
    await waitFor(async () => expect(await rowsFor(orderId)).toHaveLength(1));
  });
});

describe('the host page', () => {
  it('a page that patched Array.prototype.toJSON (Prototype.js) does not corrupt the answers', async () => {
    // What Prototype.js 1.6 does: arrays serialise themselves as a JSON *string*.
    const patch = () => {
      (Array.prototype as unknown as { toJSON(): string }).toJSON = function (this: unknown[]) {
        return `[${this.map((value) => JSON.stringify(value)).join(', ')}]`;
      };
    };
    const unpatch = () => void delete (Array.prototype as unknown as { toJSON?: unknown }).toJSON;
    patch();
    onTestFinished(unpatch);
    expect(JSON.stringify({ a: ['x'] })).toBe('{"a":"[\\"x\\"]"}'); // the damage, for the record
    expect(stringify({ a: ['x', { b: ['y'] }], s: 'z' })).toBe('{"a":["x",{"b":["y"]}],"s":"z"}');

    // The server is another machine: it runs without the page's patch (it shares this test's realm).
    const net = network(suite.backend, { around: (call) => (unpatch(), call().finally(patch)) });
    const widget = suite.start(suite.options({ fetch: net.fetch }));
    widget.api.showSurvey('multi');
    const { ui } = await waitForCard(widget);
    await user.click(ui.getByRole('checkbox', { name: 'Huila' }));
    await user.click(ui.getByRole('checkbox', { name: 'Dibek' }));
    await user.click(ui.getByRole('button', { name: 'İleri' }));
    await user.type(await ui.findByRole('textbox'), 'Prototype sayfası');
    await user.click(ui.getByRole('button', { name: 'Gönder' }));
    await ui.findByRole('heading', { name: 'Teşekkürler' });
    expect(Array.prototype).toHaveProperty('toJSON');

    const body = net.delivered.filter((request) => request.path === '/v1/survey-responses').at(-1)!.body;
    expect(body).toContain('"answers":[{"questionId":"beans","value":["huila","dibek"]}');
    const [row] = await storedResponses(suite.backend, 'multi');
    expect(row).toMatchObject({ status: 'completed', answers: { beans: ['huila', 'dibek'], note: 'Prototype sayfası' } });
  });

  it('on pagehide, an answer not yet saved goes by beacon (text/plain, token in the body), stored once', async () => {
    const token = await suite.backend.tokenFor('elif');
    const beacons: string[] = [];
    // The browser's beacon queue, routed to the in-process server.
    Object.defineProperty(window.navigator, 'sendBeacon', {
      configurable: true,
      value(url: string, data: string) {
        beacons.push(data);
        void suite.backend.fetch(url, { method: 'POST', body: data, headers: { 'content-type': 'text/plain;charset=UTF-8' } });
        return true;
      },
    });
    onTestFinished(() => void delete (window.navigator as { sendBeacon?: unknown }).sendBeacon);
    const orderId = order();
    const widget = suite.start(suite.options({ customerToken: token }));
    await launcherText(widget, /\d/);
    widget.api.showSurvey('post-purchase', { orderId });
    const { ui } = await waitForCard(widget);
    await user.click(ui.getByRole('radio', { name: '8' }));
    // No Next: the shopper leaves the page right after choosing.
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await waitFor(async () => expect(await rowsFor(orderId)).toHaveLength(1));
    const response = beacons.map((text) => JSON.parse(text) as Record<string, unknown>).find((body) => 'responseId' in body);
    expect(response).toMatchObject({ orderId, completed: false, customerToken: token, answers: [{ questionId: 'nps', value: 8 }] });
    expect((await rowsFor(orderId))[0]).toMatchObject({ status: 'partial', answers: { nps: 8 } });

    // The page did not go after all (bfcache, tab switch): the item is still in the outbox, and
    // sending it again changes nothing on the server.
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(outboxKeys()).toEqual([]));
    expect(await rowsFor(orderId)).toHaveLength(1);
  });
});

describe('logout', () => {
  it("clears the signed-in shopper's outbox, and keeps a guest's", async () => {
    const net = network(suite.backend);
    localStorage.setItem(`sadakat.${suite.backend.shop.publishableKey}.g.outbox`, '[]');
    const widget = suite.start(suite.options({ fetch: net.fetch, customerToken: await suite.backend.tokenFor('ayse') }));
    await launcherText(widget, /\d/);
    widget.api.showSurvey('post-purchase', { orderId: order() });
    await waitForCard(widget);
    net.offline(true);
    const ui = await answerDetractor(widget, 'Özel bir şikâyet');
    await ui.findByRole('heading', { name: 'Teşekkürler!' }, { timeout: 4000 });
    const customerKeys = Object.keys(localStorage).filter((key) => key.includes('.c'));
    expect(customerKeys.some((key) => key.endsWith('.outbox'))).toBe(true);
    expect(Object.values(localStorage).join('')).toContain('Özel bir şikâyet');

    widget.api.logout();
    expect(Object.keys(localStorage).filter((key) => key.includes('.c'))).toEqual([]);
    expect(Object.values(localStorage).join('')).not.toContain('Özel bir şikâyet');
    expect(localStorage.getItem(`sadakat.${suite.backend.shop.publishableKey}.g.outbox`)).toBe('[]');
    // Nor does the card of the previous shopper stay on screen.
    await waitFor(() => expect(surveyCard(widget)).toBeNull());
  });
});

describe('the outbox itself', () => {
  const DAY = 24 * 60 * 60 * 1000;
  function setup(options: { now?: () => number; send?: (item: OutboxItem) => Promise<Delivery> } = {}) {
    const storage = createSurveyStorage(window);
    const sent: OutboxItem[] = [];
    const outbox = createOutbox({
      storage,
      key: 'sadakat.pk_test.g.outbox',
      // The injected fault: no connection.
      send: options.send ?? (async (item) => (sent.push(item), { status: 'retry', code: 'network' })),
      onDelivery: () => {},
      now: options.now ?? (() => Date.now()),
      random: () => 0.5,
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (id) => window.clearTimeout(id),
    });
    return { outbox, sent, stored: () => JSON.parse(localStorage.getItem('sadakat.pk_test.g.outbox') ?? '[]') as OutboxItem[] };
  }
  const response = (id: string, seq: number, text = '') => ({ kind: 'response' as const, id, seq, at: Date.now(), body: { responseId: id, text } });
  const impression = (id: string) => ({ kind: 'impression' as const, id, seq: 0, at: Date.now(), body: { eventId: id } });

  it('keeps one item per response (the latest save), at most 20 items, dropping events before answers', () => {
    const { outbox, stored } = setup();
    outbox.put(response('r1', 1));
    outbox.put(response('r1', 2));
    expect(stored().map((item) => [item.id, item.seq])).toEqual([['r1', 2]]);
    for (let i = 0; i < 10; i++) outbox.put(impression(`e${i}`));
    for (let i = 2; i <= 19; i++) outbox.put(response(`r${i}`, 1));
    expect(stored()).toHaveLength(20);
    expect(stored().filter((item) => item.kind === 'impression')).toHaveLength(1);
    expect(outbox.put(response('r20', 1)).persisted).toBe(true);
    expect(stored().filter((item) => item.kind === 'impression')).toHaveLength(0);
    // Full of answers: a new one is not stored (and says so) rather than evicting an older answer.
    expect(outbox.put(response('r21', 1)).persisted).toBe(false);
    expect(stored().map((item) => item.id)).toContain('r1');
    expect(outbox.items().map((item) => item.id)).toContain('r21');
    outbox.dispose();
  });

  it('keeps under 32 KB', () => {
    const { outbox, stored } = setup();
    expect(outbox.put(response('big1', 1, 'x'.repeat(20_000))).persisted).toBe(true);
    expect(outbox.put(response('big2', 1, 'y'.repeat(20_000))).persisted).toBe(false);
    expect(stored().map((item) => item.id)).toEqual(['big1']);
    expect(localStorage.getItem('sadakat.pk_test.g.outbox')!.length).toBeLessThan(32 * 1024);
    outbox.dispose();
  });

  it('forgets items after 7 days', () => {
    let now = Date.now();
    const { outbox, stored } = setup({ now: () => now });
    outbox.put({ ...response('old', 1), at: now });
    now += 6 * DAY;
    expect(outbox.items().map((item) => item.id)).toEqual(['old']);
    now += 1 * DAY + 1;
    expect(outbox.items()).toEqual([]);
    expect(stored()).toEqual([]);
    outbox.dispose();
  });

  it('retries with capped, jittered backoff, and stops when disposed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { outbox, sent } = setup();
    outbox.put(response('r', 1));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    // Failure n waits random() × min(60 s, 1 s × 2^n): with random() = 0.5, 1 s, 2 s, 4 s …
    await vi.advanceTimersByTimeAsync(999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toHaveLength(3);
    for (let i = 0; i < 12; i++) await vi.advanceTimersByTimeAsync(30_000);
    const afterMinutes = sent.length;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sent.length - afterMinutes).toBeLessThanOrEqual(1); // capped: at most one try per 30 s
    outbox.dispose();
    const atDispose = sent.length;
    await vi.advanceTimersByTimeAsync(600_000);
    expect(sent.length).toBe(atDispose);
    expect(vi.getTimerCount()).toBe(0);
  });
});
