import { waitFor, within } from '@testing-library/dom';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useBackend } from './support/backend';
import { describeElement, focused, settle, user, storedEvents, storedResponses, surveyCard, surveyClient, tabbable, testSurvey, waitForCard } from './support/surveys';
import { launcherText } from './support/widget';

// The survey UI through the public API, against the real reference server in process: the demo
// shop's post-purchase NPS (0–6 → "what went wrong", 7–8 → "what could be better", 9–10 → thanks
// with a referral button) and exit-intent CSAT (faces), plus a few surveys saved here.

const suite = useBackend();
const options = suite.options;

const choices = testSurvey({
  id: 'choices',
  title: { tr: 'Tercihler', en: 'Preferences' },
  trigger: { kind: 'manual' },
  frequency: { mode: 'once-per-customer', recontactDays: 0 },
  bypassInterruptionBudget: true,
  questions: [
    {
      id: 'drink',
      type: 'single-choice',
      required: true,
      prompt: { tr: 'Ne içersin?', en: 'What do you drink?' },
      options: [
        { id: 'coffee', label: { tr: 'Kahve', en: 'Coffee' } },
        { id: 'tea', label: { tr: 'Çay', en: 'Tea' } },
      ],
      logic: [{ when: { questionId: 'drink', op: 'eq', value: 'tea' }, goTo: 'thanks' }],
    },
    {
      id: 'beans',
      type: 'multiple-choice',
      required: true,
      minSelected: 2,
      maxSelected: 2,
      prompt: { tr: 'Hangi çekirdekler?', en: 'Which beans?' },
      options: [
        { id: 'huila', label: { tr: 'Huila', en: 'Huila' } },
        { id: 'yirga', label: { tr: 'Yirgacheffe', en: 'Yirgacheffe' } },
        { id: 'dibek', label: { tr: 'Dibek', en: 'Dibek' } },
      ],
    },
    { id: 'note', type: 'text', required: false, maxLength: 10, prompt: { tr: 'Not', en: 'Note' } },
  ],
  thankYou: { title: { tr: 'Sağ ol', en: 'Thanks' } },
});

const hostile = testSurvey({
  id: 'hostile',
  title: { tr: '<img src=x onerror=alert(1)>', en: '<img src=x onerror=alert(1)>' },
  bypassInterruptionBudget: true,
  frequency: { mode: 'once-per-customer', recontactDays: 0 },
  questions: [{ id: 'q', type: 'text', required: false, maxLength: 100, prompt: { tr: '<b>kalın</b> mı?', en: '<b>bold</b>?' } }],
});

beforeAll(async () => {
  const api = surveyClient(suite.backend);
  await api.save(choices);
  await api.save(hostile);
});

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

const order = () => `T-${Math.random().toString(36).slice(2, 10)}`;

async function responsesFor(orderId: string) {
  return (await storedResponses(suite.backend, 'post-purchase-nps')).filter((row) => row.order_id === orderId);
}

describe('the post-purchase NPS on the thank-you page', () => {
  it('a detractor is asked what went wrong; every step is saved, and the response is stored once', async () => {
    const orderId = order();
    const submitted = vi.fn();
    const widget = suite.start(options());
    widget.api.on('survey-submit', submitted);
    // The thank-you page calls it straight away, before the boot call has answered.
    widget.api.showSurvey('post-purchase', { orderId });

    const { card, ui } = await waitForCard(widget);
    expect(card).toHaveAccessibleName('Siparişin nasıldı?');
    const group = ui.getByRole('radiogroup', { name: "Kervan'ı bir arkadaşına tavsiye etme olasılığın nedir?" });
    expect(group.tagName).toBe('FIELDSET');
    expect(group).toHaveAccessibleDescription('Hiç olası değil Çok olası');
    expect(within(group).getAllByRole('radio')).toHaveLength(11);
    expect(card).toHaveTextContent('1 / 2');
    expect(ui.getByText('Soru 1 / 2')).toHaveClass('visually-hidden');
    // It sits by the launcher; nothing moved to the page, nothing took focus.
    expect(card.getAttribute('data-placement')).toMatch(/^(top|bottom)/);
    expect(focused(widget)).toBeNull();
    await waitFor(async () => expect(await storedEvents(suite.backend, 'post-purchase-nps')).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'impression', order_id: orderId })])));

    await user.click(within(group).getByRole('radio', { name: '3' }));
    expect(within(group).getByRole('radio', { name: '3' })).toHaveAttribute('aria-checked', 'true');
    await user.click(ui.getByRole('button', { name: 'İleri' }));

    const text = await ui.findByRole('textbox', { name: 'Ne ters gitti? İsteğe bağlı' });
    expect(text).toHaveAccessibleDescription(expect.stringContaining('Her yanıtı okuyoruz.'));
    expect(card).toHaveTextContent('2 / 2');
    // The first answer is on the server already, as a partial response.
    await waitFor(async () => expect((await responsesFor(orderId)).map((r) => [r.status, r.answers])).toEqual([['partial', { nps: 3 }]]));

    await user.type(text, 'Kargo 6 gün sürdü.');
    expect(card).toHaveTextContent('18 / 1.000');
    await user.click(ui.getByRole('button', { name: 'Gönder' }));

    await ui.findByRole('heading', { name: 'Teşekkürler!' });
    expect(card).toHaveTextContent('Yanıtın bize ulaştı.');
    expect(ui.queryByRole('button', { name: 'Arkadaşını davet et' })).toBeNull();
    expect(submitted).toHaveBeenCalledWith({ surveyId: 'post-purchase-nps' });
    const rows = await responsesFor(orderId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'completed', answers: { nps: 3, 'what-went-wrong': 'Kargo 6 gün sürdü.' } });

    await user.click(ui.getByRole('button', { name: 'Kapat' }));
    expect(surveyCard(widget)).toBeNull();
    // Answered: the same order is not asked again.
    widget.api.showSurvey('post-purchase', { orderId });
    await settle(50);
    expect(surveyCard(widget)).toBeNull();
  });

  it('a promoter goes straight to thanks, and its referral button opens the referral view', async () => {
    const widget = suite.start(options());
    widget.api.showSurvey('post-purchase', { orderId: order() });
    const { ui } = await waitForCard(widget);
    await user.click(ui.getByRole('radio', { name: '10' }));
    // Leaving 10 ends the survey, so the button says Send.
    await user.click(ui.getByRole('button', { name: 'Gönder' }));
    await ui.findByRole('heading', { name: 'Teşekkürler!' });
    expect(surveyCard(widget)).toHaveTextContent('Bizi bir arkadaşına önerir misin? İkiniz de kazanırsınız.');
    await user.click(ui.getByRole('button', { name: 'Arkadaşını davet et' }));
    await waitFor(() => expect(widget.root().querySelector('dialog')?.open).toBe(true));
    expect(widget.root().querySelector('[part~="header"]')).toHaveTextContent('Arkadaşını davet et');
    expect(surveyCard(widget)).toBeNull();
  });

  it('Back keeps the answers; changing the score changes the branch; the server keeps only the path taken', async () => {
    const orderId = order();
    const widget = suite.start(options());
    widget.api.showSurvey('post-purchase', { orderId });
    const { card, ui } = await waitForCard(widget);
    await user.click(ui.getByRole('radio', { name: '7' }));
    await user.click(ui.getByRole('button', { name: 'İleri' }));
    const improve = await ui.findByRole('textbox', { name: /Neyi daha iyi yapabiliriz\?/ });
    await user.type(improve, 'Daha hızlı kargo');
    await user.click(ui.getByRole('button', { name: 'Geri' }));
    expect(ui.getByRole('radio', { name: '7' })).toHaveAttribute('aria-checked', 'true');
    await user.click(ui.getByRole('radio', { name: '9' }));
    expect(card).toHaveTextContent('1 / 1');
    await user.click(ui.getByRole('button', { name: 'Gönder' }));
    await ui.findByRole('heading', { name: 'Teşekkürler!' });
    const rows = await responsesFor(orderId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'completed', answers: { nps: 9 } });
  });

  it('asks before moving on when a required question is unanswered, and sends nothing', async () => {
    const orderId = order();
    const widget = suite.start(options());
    widget.api.showSurvey('post-purchase', { orderId });
    const { ui } = await waitForCard(widget);
    await user.click(ui.getByRole('button', { name: 'İleri' }));
    const alert = ui.getByRole('alert');
    expect(alert).toHaveTextContent('Devam etmek için bu soruyu yanıtla.');
    const group = ui.getByRole('radiogroup');
    expect(group).toHaveAttribute('aria-invalid', 'true');
    expect(group).toHaveAccessibleDescription(expect.stringContaining('Devam etmek için bu soruyu yanıtla.'));
    expect(await responsesFor(orderId)).toEqual([]);
    await user.click(ui.getByRole('radio', { name: '5' }));
    expect(ui.queryByRole('alert')).toBeNull();
  });
});

describe('keyboard', () => {
  it('NPS is one radio group: one Tab stop, arrows move and choose (wrapping), Home and End jump', async () => {
    const widget = suite.start(options());
    widget.api.showSurvey('post-purchase', { orderId: order() });
    const { card, ui } = await waitForCard(widget);
    const radios = ui.getAllByRole('radio');
    expect(tabbable(card).map(describeElement)).toEqual(['Anketi kapat', 'radio 0', 'İleri']);

    radios[0]!.focus();
    await user.key(focused(widget)!, 'ArrowRight');
    expect(focused(widget)).toBe(radios[1]);
    expect(radios[1]).toHaveAttribute('aria-checked', 'true');
    expect(radios.filter((radio) => radio.tabIndex === 0)).toEqual([radios[1]]);
    await user.key(focused(widget)!, 'ArrowLeft');
    await user.key(focused(widget)!, 'ArrowLeft');
    expect(focused(widget)).toBe(radios[10]);
    expect(radios[10]).toHaveAttribute('aria-checked', 'true');
    await user.key(focused(widget)!, 'Home');
    expect(focused(widget)).toBe(radios[0]);
    await user.key(focused(widget)!, 'End');
    await user.key(focused(widget)!, 'ArrowUp');
    expect(focused(widget)).toBe(radios[9]);
    expect(ui.getAllByRole('radio', { checked: true })).toEqual([radios[9]]);

    // Send (9 ends the survey): focus moves to the thank-you heading, then Escape closes.
    ui.getByRole('button', { name: 'Gönder' }).focus();
    await user.submit(ui.getByRole('button', { name: 'Gönder' }).closest('form')!);
    await waitFor(() => expect(focused(widget)).toHaveTextContent('Teşekkürler!'));
    await user.key(focused(widget)!, 'Escape');
    expect(surveyCard(widget)).toBeNull();
    expect(widget.root().activeElement).toBe(widget.launcher());
  });

  it('arrow keys follow the reading direction in right-to-left pages', async () => {
    const widget = suite.start(options());
    widget.api.showSurvey('post-purchase', { orderId: order() });
    const { ui } = await waitForCard(widget);
    widget.root().querySelector('.root')!.setAttribute('dir', 'rtl');
    const radios = ui.getAllByRole('radio');
    radios[5]!.focus();
    await user.key(radios[5]!, 'ArrowLeft');
    expect(focused(widget)).toBe(radios[6]);
    await user.key(radios[6]!, 'ArrowRight');
    expect(focused(widget)).toBe(radios[5]);
  });

  it('CSAT faces are a radio group with named faces; Escape dismisses, and the dismissal is recorded', async () => {
    const widget = suite.start(options());
    widget.api.showSurvey('site-csat');
    const { card, ui } = await waitForCard(widget);
    const group = ui.getByRole('radiogroup', { name: 'Aradığını kolayca bulabildin mi?' });
    const faces = within(group).getAllByRole('radio');
    expect(faces.map((face) => face.getAttribute('aria-label'))).toEqual([
      'Hiç memnun değilim',
      'Memnun değilim',
      'Ne memnunum ne değilim',
      'Memnunum',
      'Çok memnunum',
    ]);
    faces[0]!.focus();
    await user.key(faces[0]!, 'ArrowRight');
    expect(faces[1]).toHaveAttribute('aria-checked', 'true');
    await user.key(card, 'Escape');
    expect(surveyCard(widget)).toBeNull();
    expect(widget.root().activeElement).toBe(widget.launcher());
    await waitFor(async () => expect((await storedEvents(suite.backend, 'site-csat')).map((e) => e.kind)).toEqual(expect.arrayContaining(['impression', 'dismissal'])));
    // A dismissal counts: the survey is not offered again on this device.
    widget.api.showSurvey('site-csat');
    await settle(50);
    expect(surveyCard(widget)).toBeNull();
  });

  it('Tab order on a text step: close, the field, Back, Send', async () => {
    const widget = suite.start(options());
    widget.api.showSurvey('post-purchase', { orderId: order() });
    const { card, ui } = await waitForCard(widget);
    await user.click(ui.getByRole('radio', { name: '2' }));
    const next = ui.getByRole('button', { name: 'İleri' });
    next.focus();
    await user.click(next);
    // Focus follows to the new question, so the keyboard user carries on from there.
    await waitFor(() => expect(focused(widget)?.tagName).toBe('TEXTAREA'));
    expect(tabbable(card).map(describeElement)).toEqual(['Anketi kapat', 'textarea', 'Geri', 'Gönder']);
  });
});

describe('questions', () => {
  it('single choice branches by option; multiple choice checks its limits; text counts characters', async () => {
    const widget = suite.start(options());
    widget.api.showSurvey('choices');
    const { card, ui } = await waitForCard(widget);
    expect(ui.getByRole('group', { name: 'Ne içersin?' })).toBeInTheDocument();
    await user.click(ui.getByRole('radio', { name: 'Kahve' }));
    await user.click(ui.getByRole('button', { name: 'İleri' }));

    await ui.findByRole('group', { name: 'Hangi çekirdekler?' });
    await user.click(ui.getByRole('checkbox', { name: 'Huila' }));
    await user.click(ui.getByRole('button', { name: 'İleri' }));
    expect(ui.getByRole('alert')).toHaveTextContent('En az 2 seçenek seç.');
    await user.click(ui.getByRole('checkbox', { name: 'Dibek' }));
    await user.click(ui.getByRole('checkbox', { name: 'Yirgacheffe' }));
    await user.click(ui.getByRole('button', { name: 'İleri' }));
    expect(ui.getByRole('alert')).toHaveTextContent('En fazla 2 seçenek seçebilirsin.');
    await user.click(ui.getByRole('checkbox', { name: 'Huila' }));
    await user.click(ui.getByRole('button', { name: 'İleri' }));

    const note = await ui.findByRole('textbox', { name: /Not/ });
    await user.type(note, '☕️☕️ çok güzel');
    expect(card).toHaveTextContent('14 / 10');
    await user.click(ui.getByRole('button', { name: 'Gönder' }));
    expect(ui.getByRole('alert')).toHaveTextContent('En fazla 10 karakter yazabilirsin.');
    expect(note).toHaveAttribute('aria-invalid', 'true');
    await user.type(note, 'a\u0000b');
    await user.click(ui.getByRole('button', { name: 'Gönder' }));
    expect(ui.getByRole('alert')).toHaveTextContent('görünmez karakterler');
    await user.type(note, '☕️ harika');
    await user.click(ui.getByRole('button', { name: 'Gönder' }));
    await ui.findByRole('heading', { name: 'Sağ ol' });

    const [row] = await storedResponses(suite.backend, 'choices');
    expect(row).toMatchObject({ status: 'completed', answers: { drink: 'coffee', beans: ['dibek', 'yirga'], note: '☕️ harika' } });
  });

  it('shows merchant texts as text, never as markup', async () => {
    const widget = suite.start(options());
    widget.api.showSurvey('hostile');
    const { card, ui } = await waitForCard(widget);
    expect(card).toHaveAccessibleName('<img src=x onerror=alert(1)>');
    expect(ui.getByRole('textbox', { name: /<b>kalın<\/b> mı\?/ })).toBeInTheDocument();
    expect(card.querySelector('img, b')).toBeNull();
  });
});

describe('in the panel', () => {
  it("open('survey') shows a due survey in the panel; closing the panel there dismisses it", async () => {
    const widget = suite.start(options());
    await waitFor(() => expect(widget.host()).toBeTruthy());
    widget.api.open('survey');
    const dialog = await waitFor(() => {
      const element = widget.root().querySelector<HTMLDialogElement>('dialog[part~="panel"]');
      if (!element?.open) throw new Error('panel not open');
      return element;
    });
    // The first survey due that needs no order: the demo's CSAT.
    const region = await within(dialog).findByRole('region', { name: 'Kısa bir soru' }, { timeout: 4000 });
    expect(region).toHaveAttribute('part', expect.stringContaining('survey'));
    expect(within(dialog).getByRole('heading', { level: 2 })).toHaveTextContent('Anket');
    await user.click(within(region).getByRole('radio', { name: 'Memnunum' }));
    await user.click(within(region).getByRole('button', { name: 'İleri' }));
    await within(region).findByRole('group', { name: /Ne arıyordun\?/ });
    // The card never shows while the survey is in the panel.
    expect(surveyCard(widget)).toBeNull();

    widget.api.close();
    await waitFor(async () => {
      const events = (await storedEvents(suite.backend, 'site-csat')).map((e) => e.kind);
      expect(events.filter((kind) => kind === 'dismissal').length).toBeGreaterThan(0);
    });
    // The answer given before closing reached the server.
    const rows = (await storedResponses(suite.backend, 'site-csat')).filter((row) => row.status === 'partial' && (row.answers as { ease?: number }).ease === 4);
    expect(rows.length).toBeGreaterThan(0);
    expect(surveyCard(widget)).toBeNull();
  });

  it('a signed-in shopper is rewarded: balance, points-change and the thank-you say so', async () => {
    const api = surveyClient(suite.backend);
    const rewarded = testSurvey({ id: `reward-${Math.random().toString(36).slice(2, 8)}`, bypassInterruptionBudget: true, reward: { points: 25 } });
    await api.save(rewarded);
    const token = await suite.backend.tokenFor('mehmet');
    const widget = suite.start(options({ customerToken: token }));
    const changes: unknown[] = [];
    widget.api.on('points-change', (detail) => changes.push(detail));
    await launcherText(widget, /380 puan/);
    widget.api.showSurvey(rewarded.id);
    const { ui } = await waitForCard(widget);
    await user.click(ui.getByRole('radio', { name: '10' }));
    await user.click(ui.getByRole('button', { name: 'Gönder' }));
    await ui.findByText('25 puan hesabına eklendi.');
    await launcherText(widget, /405 puan/);
    expect(changes).toContainEqual({ balance: 405, delta: 25 });
  });
});
