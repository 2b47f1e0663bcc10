import type { Signal } from '@preact/signals';
import type { SurveyAnswerValue, SurveyPrompt } from '../../../contract/survey';
import { conditionHolds, nextStep, surveyPath } from '../../../contract/surveyLogic';
import { answerMap, type Draft, type DraftError } from './drafts';
import { stringify } from './safeJson';

/**
 * Where the answers stand:
 * - `none`: nothing saved yet; `sending`: the completion is on its way;
 * - `sent`: the server has it; `queued`: kept on this device, sent when the connection returns;
 * - `unsaved`: neither the server nor this device has it (no storage and no connection): say so;
 * - `rejected`: the server refused it for good (e.g. already answered).
 */
export type SaveState = 'none' | 'sending' | 'sent' | 'queued' | 'unsaved' | 'rejected';

/** One survey being answered: plain data, replaced (never mutated) on every change. */
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
  error: DraftError | null;
  save: SaveState;
  /** The server's error code when `save` is `rejected`. */
  problem: string | null;
  reward: { points: number; status: 'credited' | 'pending' } | null;
  /** Where the shopper answers it: the card by the launcher, or the panel's survey view. */
  where: 'card' | 'panel';
}

/** A survey on its first question, nothing answered or saved. */
export const startSession = (prompt: SurveyPrompt, first: string, orderId: string | null, responseId: string, where: SurveySession['where']): SurveySession => ({
  prompt,
  orderId,
  responseId,
  step: first,
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
});

/** A changer for the session signal: `patch(s, { step })` stores a copy of `s` with the change. */
export const sessionPatcher = (session: Signal<SurveySession | null>) => (s: SurveySession, change: Partial<SurveySession>) => (session.value = { ...s, ...change });

/** `{ orderId }` when there is one: the request bodies leave the field out otherwise. */
export const orderField = (orderId: string | null) => (orderId !== null ? { orderId } : {});

/**
 * The `answers` of the next save: every answered question, and `null` for one sent before and
 * cleared since. `snapshot` compares saves (nothing changed, nothing to send).
 */
export function answersToSave(s: SurveySession) {
  const map = answerMap(s.drafts);
  const answers = s.prompt.questions.flatMap((q): Array<{ questionId: string; value: SurveyAnswerValue }> => {
    const value = map.get(q.id);
    if (value !== undefined) return [{ questionId: q.id, value }];
    return s.sentIds.includes(q.id) ? [{ questionId: q.id, value: null }] : [];
  });
  return { answers, snapshot: stringify(answers.map((a) => [a.questionId, a.value])), sentIds: [...map.keys()] };
}

/** The question shown (none on the thank-you step). */
export const questionOf = (s: SurveySession) => s.prompt.questions.find((q) => q.id === s.step) ?? null;

/** "Question 2 of 4" along the path the answers so far take. */
export function progressOf(s: SurveySession) {
  const path = surveyPath(s.prompt.questions, answerMap(s.drafts)).questionIds;
  const index = path.indexOf(s.step);
  return { current: index + 1, total: Math.max(path.length, index + 1) };
}

/** Where Next leads from the question shown: another question, `thanks` or `end`. */
export const nextFrom = (s: SurveySession) => nextStep(s.prompt.questions, s.step, answerMap(s.drafts));

/** Leaving the question shown ends the survey (its button says "Send"). */
export function endsAfter(s: SurveySession) {
  const target = nextFrom(s);
  return target === 'thanks' || target === 'end';
}

/** The thank-you step's button, when the survey has one and its condition holds. */
export function ctaOf(s: SurveySession) {
  const button = s.prompt.thankYou.cta;
  if (s.step !== 'thanks' || !button) return null;
  return !button.when || conditionHolds(button.when, answerMap(s.drafts)) ? button : null;
}
