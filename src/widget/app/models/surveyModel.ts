import { computed, createModel, effect, signal, untracked, type ReadonlySignal } from '@preact/signals';
import type { BootResponse } from '../../../contract/boot';
import { ErrorCode } from '../../../contract/errors';
import {
  OrderRef,
  SurveyResponseAck,
  SurveyTextValue,
  type SurveyAnswerValue,
  type SurveyPrompt,
  type SurveyQuestion,
} from '../../../contract/survey';
import { conditionHolds, nextStep, surveyPath, type SurveyAnswerMap } from '../../../contract/surveyLogic';
import type { AppContext, CoreState } from '../../core/appContext';
import { storageKey } from '../../core/surveyTriggers';
import type { MessageKey, Params } from '../../i18n/tr';
import { surveyRoutes } from '../survey/endpoints';
import { identityOf, uuid } from '../survey/identity';
import { stringify } from '../survey/safeJson';
import { createOutbox, type Delivery, type Outbox, type OutboxItem, type OutboxLimits } from '../survey/outbox';
import { emptyHistory, mayAsk, remember, toHistory, type SurveyHistory } from '../survey/rules';
import { createSurveyStorage, type SurveyStorage } from '../survey/storage';
import { createTransport, type Send } from '../survey/transport';

/** What the shopper has entered for a question: a score, an option, options, or text as typed. */
export type Draft = number | string | string[];

/**
 * Where the answers stand:
 * - `none`: nothing saved yet; `sending`: the completion is on its way;
 * - `sent`: the server has it; `queued`: kept on this device, sent when the connection returns;
 * - `unsaved`: neither the server nor this device has it (no storage and no connection): say so;
 * - `rejected`: the server refused it for good (e.g. already answered).
 */
export type SaveState = 'none' | 'sending' | 'sent' | 'queued' | 'unsaved' | 'rejected';

export interface SurveySession {
  prompt: SurveyPrompt;
  orderId: string | null;
  /** The client UUID that makes every delivery of this response one stored response. */
  responseId: string;
  /** The question shown, or `thanks` once the response is complete. */
  step: string;
  /** Questions answered before this one (for Back). */
  trail: string[];
  drafts: ReadonlyMap<string, Draft>;
  /** The answers body last handed to the outbox, to save only when something changed. */
  savedAnswers: string;
  /** Question ids last sent with a value (a cleared one is sent as `null`). */
  sentIds: string[];
  sequence: number;
  error: { key: MessageKey; params?: Params } | null;
  save: SaveState;
  /** The server's error code when `save` is `rejected`. */
  problem: string | null;
  reward: { points: number; status: 'credited' | 'pending' } | null;
  /** Where the shopper answers it: the card by the launcher, or the panel's survey view. */
  where: 'card' | 'panel';
}

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

/** How long a completion waits for the server before showing "thanks, saved on this device". */
const COMPLETION_WAIT = 2500;

const blank = (draft: Draft | undefined) =>
  draft === undefined || (typeof draft === 'string' && draft.trim() === '') || (Array.isArray(draft) && draft.length === 0);

const codePoints = (text: string) => [...text].length;

/** The answers branching and the server see: blank drafts are no answer at all. */
export function answerMap(drafts: ReadonlyMap<string, Draft>): SurveyAnswerMap {
  const map = new Map<string, Exclude<SurveyAnswerValue, null>>();
  for (const [id, draft] of drafts) if (!blank(draft)) map.set(id, draft);
  return map;
}

/** Checks one question's draft; returns the message to show, or `null`. */
function check(question: SurveyQuestion, draft: Draft | undefined): SurveySession['error'] {
  if (blank(draft)) return question.required ? { key: 'survey.required' } : null;
  if (question.type === 'text' && typeof draft === 'string') {
    if (codePoints(draft) > question.maxLength) return { key: 'survey.tooLong', params: { count: question.maxLength } };
    if (!SurveyTextValue.safeParse(draft).success) return { key: 'survey.invalidText' };
  }
  if (question.type === 'multiple-choice' && Array.isArray(draft)) {
    const min = question.minSelected ?? 1;
    const max = question.maxSelected ?? question.options.length;
    if (draft.length < min) return { key: 'survey.minSelected', params: { count: min } };
    if (draft.length > max) return { key: 'survey.maxSelected', params: { count: max } };
  }
  return null;
}

/**
 * The survey feature's one model: which survey is asked (and whether it may be), the step the
 * shopper is on, their answers, and getting every answer to the server exactly once through the
 * outbox. Components read it; they hold no survey logic.
 */
export const SurveyModel = createModel((deps: SurveyModelDeps) => {
  const { context, boot, state, window: win } = deps;
  const now = deps.now ?? (() => Date.now());
  const random = deps.random ?? Math.random;
  const storage: SurveyStorage = createSurveyStorage(win);
  const transport: Send = createTransport(() => context.connection(), win);
  const shop = context.connection().shop;

  const session = signal<SurveySession | null>(null);
  /** Asks that arrived before the boot payload (the thank-you page calls early). */
  let waiting: Array<[string, string | null]> = [];

  // ---- identity, storage, outboxes -------------------------------------------------------------

  let who = identityOf(context.connection().token);
  const historyKey = (id: string) => storageKey(shop, `${id}.surveys`);
  const outboxKey = (id: string) => storageKey(shop, `${id}.outbox`);
  const readHistory = (): SurveyHistory => toHistory(storage.read(historyKey(who)) ?? emptyHistory());
  const note = (surveyId: string, event: 'shown' | 'dismissed' | 'completed', orderId: string | null) => {
    storage.write(historyKey(who), remember(readHistory(), surveyId, event, now(), orderId));
  };

  const pathOf = (kind: OutboxItem['kind']) =>
    (kind === 'response' ? surveyRoutes.response : kind === 'impression' ? surveyRoutes.impression : surveyRoutes.dismissal).path;

  /** One outbox per identity; a guest's answers are always delivered as a guest (no token). */
  const openOutbox = (identity: string): Outbox =>
    createOutbox({
      storage,
      key: outboxKey(identity),
      send: (item, unloading) =>
        transport(pathOf(item.kind), item.body, { token: identity === 'g' ? null : context.connection().token, unloading }),
      onDelivery,
      now,
      random,
      setTimeout: (fn, ms) => win.setTimeout(fn, ms),
      clearTimeout: (id) => win.clearTimeout(id),
      ...(deps.limits ? { limits: deps.limits } : {}),
    });
  const guestOutbox = openOutbox('g');
  let customerOutbox: Outbox | null = who === 'g' ? null : openOutbox(who);
  const outbox = () => customerOutbox ?? guestOutbox;
  const outboxes = () => (customerOutbox ? [guestOutbox, customerOutbox] : [guestOutbox]);
  const flushAll = () => outboxes().forEach((box) => void box.flush());

  function onDelivery(item: OutboxItem, delivery: Delivery) {
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
      if (delivery.code === 'survey_already_answered') note(String(item.body.surveyId), 'completed', orderId);
      const code = ErrorCode.safeParse(delivery.code);
      context.emit('sadakat:error', { code: code.success ? code.data : 'invalid_response' });
      if (mine) session.value = { ...mine, save: 'rejected', problem: delivery.code };
    }
  }

  // ---- asking ----------------------------------------------------------------------------------

  const prompts = () => (boot.peek()?.surveys ?? []).filter((prompt): prompt is SurveyPrompt => prompt !== null);
  const allowed = (prompt: SurveyPrompt, orderId: string | null, requested = false) =>
    mayAsk(prompt, {
      signedIn: boot.peek()?.customer != null,
      orderId,
      history: readHistory(),
      budget: boot.peek()?.interruptionBudget,
      now: now(),
      requested,
    });

  function start(prompt: SurveyPrompt, orderId: string | null, where: SurveySession['where']) {
    const first = prompt.questions[0];
    if (!first) return;
    session.value = {
      prompt,
      orderId,
      responseId: uuid(win.crypto),
      step: first.id,
      trail: [],
      drafts: new Map(),
      savedAnswers: '[]',
      sentIds: [],
      sequence: 0,
      error: null,
      save: 'none',
      problem: null,
      reward: null,
      where,
    };
    note(prompt.id, 'shown', orderId);
    event('impression', prompt.id, orderId);
  }

  function event(kind: 'impression' | 'dismissal', surveyId: string, orderId: string | null) {
    const eventId = uuid(win.crypto);
    outbox().put({ kind, id: eventId, seq: 0, at: now(), body: { eventId, surveyId, ...(orderId !== null ? { orderId } : {}) } });
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
    const prompt = prompts().find((p) => (p.id === target || p.trigger.kind === target) && allowed(p, orderId));
    const { open, view } = state.peek();
    if (prompt) start(prompt, orderId, open && view === 'survey' ? 'panel' : 'card');
  }

  /** The shopper opened the survey view: continue the survey at hand, or offer one that is due. */
  function showInPanel() {
    const current = session.peek();
    if (current) {
      if (current.where !== 'panel') session.value = { ...current, where: 'panel' };
      return;
    }
    const prompt = prompts().find((p) => p.frequency.mode !== 'once-per-order' && allowed(p, null, true));
    if (prompt) start(prompt, null, 'panel');
  }

  // ---- answering -------------------------------------------------------------------------------

  const question = computed(() => {
    const s = session.value;
    return s?.prompt.questions.find((q) => q.id === s.step) ?? null;
  });
  const answers = computed(() => answerMap(session.value?.drafts ?? new Map()));
  const progress = computed(() => {
    const s = session.value;
    if (!s || !question.value) return null;
    const path = surveyPath(s.prompt.questions, answers.value).questionIds;
    const index = path.indexOf(s.step);
    return { current: index + 1, total: Math.max(path.length, index + 1) };
  });
  /** Leaving this question ends the survey: its button says "Send". */
  const last = computed(() => {
    const s = session.value;
    if (!s || !question.value) return false;
    const next = nextStep(s.prompt.questions, s.step, answers.value);
    return next === 'thanks' || next === 'end';
  });
  const cta = computed(() => {
    const s = session.value;
    const button = s?.prompt.thankYou.cta;
    if (!s || s.step !== 'thanks' || !button) return null;
    return !button.when || conditionHolds(button.when, answers.value) ? button : null;
  });

  /** Hands the answers so far to the outbox (a partial save, or the completion). */
  function save(completed: boolean, send = true): { persisted: boolean; attempt: Promise<Delivery> } | null {
    const s = session.peek();
    const data = boot.peek();
    if (!s || !data) return null;
    const map = answerMap(s.drafts);
    const body = s.prompt.questions.flatMap((q): Array<{ questionId: string; value: SurveyAnswerValue }> => {
      const value = map.get(q.id);
      if (value !== undefined) return [{ questionId: q.id, value }];
      return s.sentIds.includes(q.id) ? [{ questionId: q.id, value: null }] : [];
    });
    const snapshot = stringify(body.map((a) => [a.questionId, a.value]));
    if (!completed && snapshot === s.savedAnswers) return null;
    const sequence = s.sequence + 1;
    session.value = { ...s, sequence, savedAnswers: snapshot, sentIds: [...map.keys()] };
    return outbox().put({
      kind: 'response',
      id: s.responseId,
      seq: sequence,
      at: now(),
      body: {
        responseId: s.responseId,
        surveyId: s.prompt.id,
        ...(s.orderId !== null ? { orderId: s.orderId } : {}),
        answers: body,
        completed,
        locale: data.locale,
        sequence,
      },
    }, send);
  }

  /** The completion is safe (on the server, or on this device): say thanks. */
  function completed(s: SurveySession, ending: 'thanks' | 'end') {
    note(s.prompt.id, 'completed', s.orderId);
    context.emit('sadakat:survey-submit', { surveyId: s.prompt.id });
    session.value = ending === 'end' ? null : { ...s, step: 'thanks', error: null };
  }

  async function complete(ending: 'thanks' | 'end') {
    const saved = save(true);
    const started = session.peek();
    if (!started || !saved) return;
    session.value = { ...started, save: 'sending', error: null };
    let timer = 0;
    const timeout = new Promise<null>((resolve) => (timer = win.setTimeout(() => resolve(null), COMPLETION_WAIT)));
    // On this device already: wait a moment for the server (to show the reward), not longer.
    const outcome = saved.persisted ? await Promise.race([saved.attempt, timeout]) : await saved.attempt;
    win.clearTimeout(timer);
    const s = session.peek();
    if (disposed || !s || s.responseId !== started.responseId || s.step === 'thanks') return;
    if (outcome?.status === 'rejected') {
      session.value = { ...s, save: 'rejected', problem: outcome.code };
    } else if (outcome?.status === 'delivered' || s.save === 'sent') {
      completed({ ...s, save: 'sent' }, ending);
    } else if (saved.persisted) {
      completed({ ...s, save: 'queued' }, ending);
    } else {
      // Neither on the server nor on this device: never pretend it was saved.
      session.value = { ...s, save: 'unsaved' };
    }
  }

  function next() {
    const s = session.peek();
    const q = question.peek();
    if (!s || !q || s.save === 'sending') return;
    const error = check(q, s.drafts.get(q.id));
    if (error) {
      session.value = { ...s, error };
      return;
    }
    const target = nextStep(s.prompt.questions, q.id, answerMap(s.drafts));
    if (target === 'thanks' || target === 'end') {
      void complete(target);
      return;
    }
    save(false);
    const current = session.peek()!;
    session.value = { ...current, step: target, trail: [...current.trail, q.id], error: null, save: current.save === 'unsaved' ? 'none' : current.save };
  }

  // ---- listeners and lifecycle -----------------------------------------------------------------

  let disposed = false;

  /** The page is going away: keep what was typed but not yet saved, and send everything pending. */
  const leaving = () => {
    const s = session.peek();
    if (s && s.step !== 'thanks') save(false, false);
    for (const box of outboxes()) box.flushOnExit();
  };
  const onVisibility = () => {
    if (win.document.visibilityState === 'hidden') leaving();
  };
  const onOnline = () => flushAll();
  win.addEventListener('online', onOnline);
  win.addEventListener('pagehide', leaving);
  win.document.addEventListener('visibilitychange', onVisibility);

  // The identity can change under us (identify(), logout(), a refused token): a survey begun by
  // one shopper is never shown to the next, and a customer's stored data leaves with them.
  effect(() => {
    void state.value;
    const next = identityOf(context.connection().token);
    if (next === who) return;
    untracked(() => {
      if (customerOutbox) {
        customerOutbox.dispose();
        customerOutbox.clear();
        storage.remove(historyKey(who));
      }
      who = next;
      customerOutbox = who === 'g' ? null : openOutbox(who);
      session.value = null;
      waiting = [];
      flushAll();
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
        if (open) session.value = { ...s, where: 'card' };
        else close();
      }
    });
    wasOnSurvey = onSurvey;
  });

  effect(() => () => {
    disposed = true;
    win.removeEventListener('online', onOnline);
    win.removeEventListener('pagehide', leaving);
    win.document.removeEventListener('visibilitychange', onVisibility);
    for (const box of outboxes()) box.dispose();
  });

  // Whatever an earlier page left behind goes now.
  flushAll();

  /** ✕, Escape, or closing the panel on it: finished surveys just close, others are dismissed. */
  function close() {
    const s = session.peek();
    if (s && (s.step === 'thanks' || s.save === 'rejected')) session.value = null;
    else dismiss();
  }

  function dismiss() {
    const s = session.peek();
    if (!s) return;
    if (s.step !== 'thanks') {
      // The answers given so far still count: they reach the server as a partial response.
      save(false);
      event('dismissal', s.prompt.id, s.orderId);
      note(s.prompt.id, 'dismissed', s.orderId);
    }
    session.value = null;
  }

  return {
    session,
    question,
    answers,
    progress,
    last,
    cta,
    /** The card shows while a survey is at hand and the panel is closed. */
    cardVisible: computed(() => session.value !== null && session.value.where === 'card' && !state.value.open),
    /** `true` when answers survive a reload (storage works). */
    persistent: computed(() => storage.persistent),
    ask,
    answer(questionId: string, draft: Draft) {
      const s = session.peek();
      if (!s) return;
      const drafts = new Map(s.drafts);
      drafts.set(questionId, draft);
      session.value = { ...s, drafts, error: null };
    },
    next,
    back() {
      const s = session.peek();
      const previous = s?.trail[s.trail.length - 1];
      if (!s || !previous || s.save === 'sending') return;
      session.value = { ...s, step: previous, trail: s.trail.slice(0, -1), error: null };
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
    /** Sends everything pending now (tests, `online`). */
    flush: () => Promise.all(outboxes().map((box) => box.flush())).then(() => undefined),
    /** What waits in this shopper's outbox (tests, diagnostics). */
    pending: () => outbox().items(),
  };
});
export type SurveyModel = InstanceType<typeof SurveyModel>;
