import { computed, createModel, effect, signal, untracked, type ReadonlySignal } from '@preact/signals';
import type { BootResponse } from '../../../contract/boot';
import { OrderRef, type SurveyPrompt } from '../../../contract/survey';
import type { AppContext, CoreState } from '../../core/appContext';
import { draftError, type Draft } from '../survey/drafts';
import { uuid } from '../survey/identity';
import type { OutboxLimits } from '../survey/outbox';
import { watchPageEvents } from '../survey/pageEvents';
import { dueSurvey } from '../survey/rules';
import { createResponses } from '../survey/responses';
import { ctaOf, endsAfter, nextFrom, progressOf, questionOf, sessionPatcher, startSession, type SurveySession } from '../survey/session';
import { createShopperStore } from '../survey/shopperStore';
import { createSurveyStorage } from '../survey/storage';

export type { Draft } from '../survey/drafts';
export type { SaveState, SurveySession } from '../survey/session';

export interface SurveyModelDeps {
  context: AppContext;
  /** The boot payload, validated against the full contract (the loyalty model's). */
  boot: ReadonlySignal<BootResponse | null>;
  state: ReadonlySignal<CoreState>;
  window: Window & typeof globalThis;
  now?: () => number;
  random?: () => number;
  limits?: Partial<OutboxLimits>;
}

/**
 * The survey feature's one model: which survey is asked (and whether it may be), the step the
 * shopper is on, their answers, and getting every answer to the server exactly once through the
 * outbox. Components read it; they hold no survey logic. The steps themselves are plain functions
 * of the session (survey/session.ts); what this browser keeps per shopper is survey/shopperStore.ts.
 */
export const SurveyModel = createModel((deps: SurveyModelDeps) => {
  const { context, boot, state, window: win } = deps;
  const now = deps.now ?? (() => Date.now());
  const session = signal<SurveySession | null>(null);
  const patch = sessionPatcher(session);
  const store = createShopperStore({ context, storage: createSurveyStorage(win), win, now, random: deps.random ?? Math.random, limits: deps.limits, onDelivery: (item, delivery) => responses.onDelivery(item, delivery) });
  const responses = createResponses({ session, boot, context, win, now, store });
  const { save } = responses;
  /** Asks that arrived before the boot payload (the thank-you page calls early). */
  let waiting: Array<[string, string | null]> = [];

  function start(prompt: SurveyPrompt, orderId: string | null, where: SurveySession['where']) {
    const first = prompt.questions[0];
    if (!first) return;
    session.value = startSession(prompt, first.id, orderId, uuid(win.crypto), where);
    store.note(prompt.id, 'shown', orderId);
    store.event('impression', prompt.id, orderId);
  }

  function ask(target: string, orderInput?: unknown) {
    const orderId = orderInput === undefined || orderInput === null ? null : String(orderInput);
    if (orderId !== null && !OrderRef.safeParse(orderId).success) {
      console.warn('[sadakat] showSurvey(): orderId must be 1–100 printable characters; survey not shown');
      return;
    }
    if (!boot.peek()) {
      if (waiting.length < 10) waiting.push([target, orderId]);
      return;
    }
    if (session.peek()) return;
    const prompt = dueSurvey(boot.peek(), (p) => p.id === target || p.trigger.kind === target, { orderId, history: store.history(), now: now() });
    const { open, view } = state.peek();
    if (prompt) start(prompt, orderId, open && view === 'survey' ? 'panel' : 'card');
  }

  /** The shopper opened the survey view: continue the survey at hand, or offer one that is due. */
  function showInPanel() {
    const current = session.peek();
    if (current) {
      if (current.where !== 'panel') patch(current, { where: 'panel' });
      return;
    }
    const prompt = dueSurvey(boot.peek(), (p) => p.frequency.mode !== 'once-per-order', { orderId: null, history: store.history(), now: now(), requested: true });
    if (prompt) start(prompt, null, 'panel');
  }

  const question = computed(() => (session.value ? questionOf(session.value) : null));

  function next() {
    const s = session.peek();
    const q = question.peek();
    if (!s || !q || s.save === 'sending') return;
    const error = draftError(q, s.drafts.get(q.id));
    if (error) return void patch(s, { error });
    const target = nextFrom(s);
    if (target === 'thanks' || target === 'end') return void responses.complete(target);
    save(false);
    const current = session.peek()!;
    patch(current, { step: target, trail: [...current.trail, q.id], error: null, save: current.save === 'unsaved' ? 'none' : current.save });
  }

  /** ✕, Escape, or closing the panel on it: finished surveys just close, others are dismissed. */
  function close() {
    const s = session.peek();
    if (s && s.step !== 'thanks' && s.save !== 'rejected') {
      // The answers given so far still count: they reach the server as a partial response.
      save(false);
      store.event('dismissal', s.prompt.id, s.orderId);
      store.note(s.prompt.id, 'dismissed', s.orderId);
    }
    session.value = null;
  }

  const unwatch = watchPageEvents(win, {
    /** The page is going away: keep what was typed but not yet saved, and send everything pending. */
    leaving() {
      if (session.peek()?.step !== 'thanks') save(false, false);
      for (const box of store.outboxes()) box.flushOnExit();
    },
    online: () => store.flushAll(),
  });

  // The identity can change under us: a survey begun by one shopper is never shown to the next.
  effect(() => {
    void state.value;
    const token = context.connection().token;
    untracked(() => {
      if (!store.follow(token)) return;
      session.value = null;
      waiting = [];
      store.flushAll();
    });
  });

  // Asks that came before the boot payload are answered once it is there.
  effect(() => {
    if (!boot.value || waiting.length === 0) return;
    const queued = waiting;
    waiting = [];
    untracked(() => queued.forEach(([target, orderId]) => ask(target, orderId)));
  });

  // The panel: opening the survey view shows the survey there; leaving the view hands it back to
  // the card; closing the panel on the survey view closes the survey (a dismissal if unfinished).
  let wasOnSurvey = false;
  effect(() => {
    const { open, view } = state.value;
    const onSurvey = open && view === 'survey';
    const ready = boot.value !== null;
    untracked(() => {
      const s = session.value;
      if (onSurvey && ready) showInPanel();
      else if (wasOnSurvey && s?.where === 'panel') {
        if (open) patch(s, { where: 'card' });
        else close();
      }
    });
    wasOnSurvey = onSurvey;
  });

  effect(() => () => {
    responses.dispose();
    unwatch();
    for (const box of store.outboxes()) box.dispose();
  });

  // Whatever an earlier page left behind goes now.
  store.flushAll();

  return {
    session,
    question,
    progress: computed(() => (session.value && question.value ? progressOf(session.value) : null)),
    /** Leaving this question ends the survey: its button says "Send". */
    last: computed(() => session.value !== null && question.value !== null && endsAfter(session.value)),
    cta: computed(() => (session.value ? ctaOf(session.value) : null)),
    /** The card shows while a survey is at hand and the panel is closed. */
    cardVisible: computed(() => session.value !== null && session.value.where === 'card' && !state.value.open),
    ask,
    answer(questionId: string, draft: Draft) {
      const s = session.peek();
      if (s) patch(s, { drafts: new Map(s.drafts).set(questionId, draft), error: null });
    },
    next,
    back() {
      const s = session.peek();
      const previous = s?.trail[s.trail.length - 1];
      if (s && previous && s.save !== 'sending') patch(s, { step: previous, trail: s.trail.slice(0, -1), error: null });
    },
    close,
    /** The thank-you button: closes the survey and opens the panel on `view` (the referral CTA). */
    openView(view: Parameters<AppContext['open']>[0]) {
      session.value = null;
      context.open(view);
    },
    /** Neither the server nor this device took the completion: try again. */
    retry() {
      if (session.peek()?.save === 'unsaved') next();
    },
  };
});
export type SurveyModel = InstanceType<typeof SurveyModel>;
