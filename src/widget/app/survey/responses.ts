import type { ReadonlySignal, Signal } from '@preact/signals';
import type { BootResponse } from '../../../contract/boot';
import { ErrorCode } from '../../../contract/errors';
import { SurveyResponseAck } from '../../../contract/survey';
import type { AppContext } from '../../core/appContext';
import type { Delivery, OutboxItem } from './outbox';
import { answersToSave, orderField, sessionPatcher, type SurveySession } from './session';
import type { ShopperStore } from './shopperStore';

/** How long a completion waits for the server before showing "thanks, saved on this device". */
const COMPLETION_WAIT = 2500;

export interface ResponsesDeps {
  session: Signal<SurveySession | null>;
  boot: ReadonlySignal<BootResponse | null>;
  context: AppContext;
  win: Window;
  now(): number;
  store: Pick<ShopperStore, 'outbox' | 'note'>;
}

/**
 * The shopper's response on its way: every save goes through the outbox, and what the server (or
 * the lack of one) answers shows in the session: the reward, "saved on this device", "not saved",
 * or refused for good.
 */
export function createResponses({ session, boot, context, win, now, store }: ResponsesDeps) {
  let disposed = false;
  const patch = sessionPatcher(session);

  /** The completion is safe (on the server, or on this device): say thanks. */
  function completed(s: SurveySession, ending: 'thanks' | 'end') {
    store.note(s.prompt.id, 'completed', s.orderId);
    context.emit('sadakat:survey-submit', { surveyId: s.prompt.id });
    session.value = ending === 'end' ? null : { ...s, step: 'thanks', error: null };
  }

  /** Hands the answers so far to the outbox (a partial save, or the completion). */
  function save(complete: boolean, send = true) {
    const s = session.peek();
    const data = boot.peek();
    if (!s || !data) return null;
    const { answers, snapshot, sentIds } = answersToSave(s);
    if (!complete && snapshot === s.savedAnswers) return null;
    const sequence = s.sequence + 1;
    patch(s, { sequence, savedAnswers: snapshot, sentIds });
    const { responseId, prompt, orderId } = s;
    const body = { responseId, surveyId: prompt.id, ...orderField(orderId), answers, completed: complete, locale: data.locale, sequence };
    return store.outbox().put({ kind: 'response', id: responseId, seq: sequence, at: now(), body }, send);
  }

  return {
    save,
    /** Saves the completion and waits a moment for the server before the thank-you step. */
    async complete(ending: 'thanks' | 'end') {
      const saved = save(true);
      const started = session.peek();
      if (!started || !saved) return;
      patch(started, { save: 'sending', error: null });
      let timer = 0;
      const timeout = new Promise<null>((resolve) => (timer = win.setTimeout(() => resolve(null), COMPLETION_WAIT)));
      // On this device already: wait a moment for the server (to show the reward), not longer.
      const outcome = saved.persisted ? await Promise.race([saved.attempt, timeout]) : await saved.attempt;
      win.clearTimeout(timer);
      const s = session.peek();
      if (disposed || !s || s.responseId !== started.responseId || s.step === 'thanks') return;
      if (outcome?.status === 'rejected') patch(s, { save: 'rejected', problem: outcome.code });
      else if (outcome?.status === 'delivered' || s.save === 'sent') completed({ ...s, save: 'sent' }, ending);
      else if (saved.persisted) completed({ ...s, save: 'queued' }, ending);
      // Neither on the server nor on this device: never pretend it was saved.
      else patch(s, { save: 'unsaved' });
    },
    /** Every attempt's outcome, for this page's response or one an earlier page left behind. */
    onDelivery(item: OutboxItem, delivery: Delivery) {
      if (item.kind !== 'response') return;
      const current = session.peek();
      const mine = current?.responseId === item.id ? current : null;
      if (delivery.status === 'delivered') {
        const ack = SurveyResponseAck.safeParse(delivery.json);
        if (!ack.success || ack.data.status !== 'completed') return;
        if (ack.data.balance !== null) context.setBalance(ack.data.balance);
        if (!mine) return;
        const updated: SurveySession = { ...mine, reward: ack.data.reward, save: 'sent' };
        // A completion that could not be kept anywhere got through on a later try after all.
        if (mine.save === 'unsaved') completed(updated, 'thanks');
        else session.value = updated;
      } else if (delivery.status === 'rejected') {
        const orderId = typeof item.body.orderId === 'string' ? item.body.orderId : null;
        if (delivery.code === 'survey_already_answered') store.note(String(item.body.surveyId), 'completed', orderId);
        const code = ErrorCode.safeParse(delivery.code);
        context.emit('sadakat:error', { code: code.success ? code.data : 'invalid_response' });
        if (mine) patch(mine, { save: 'rejected', problem: delivery.code });
      }
    },
    dispose() {
      disposed = true;
    },
  };
}
