import { SurveyTextValue, type SurveyAnswerValue, type SurveyQuestion } from '../../../contract/survey';
import type { SurveyAnswerMap } from '../../../contract/surveyLogic';
import type { MessageKey, Params } from '../../i18n/tr';

/** What the shopper has entered for a question: a score, an option, options, or text as typed. */
export type Draft = number | string | string[];

/** A message under the question, as a catalog key. */
export type DraftError = { key: MessageKey; params?: Params };

const blank = (draft: Draft | undefined) => draft === undefined || (typeof draft === 'string' ? draft.trim() === '' : Array.isArray(draft) && draft.length === 0);

/** The answers branching and the server see: blank drafts are no answer at all. */
export function answerMap(drafts: ReadonlyMap<string, Draft>): SurveyAnswerMap {
  const map = new Map<string, Exclude<SurveyAnswerValue, null>>();
  for (const [id, draft] of drafts) if (!blank(draft)) map.set(id, draft);
  return map;
}

/**
 * Checks one question's draft before Next; returns the message to show, or `null`. The same rules
 * as the server's (text in code points, no invisible characters, the number of options), so a
 * shopper learns what to fix here instead of the whole response being refused later.
 */
export function draftError(question: SurveyQuestion, draft: Draft | undefined): DraftError | null {
  if (blank(draft)) return question.required ? { key: 'survey.required' } : null;
  if (question.type === 'text' && typeof draft === 'string') {
    if ([...draft].length > question.maxLength) return { key: 'survey.tooLong', params: { count: question.maxLength } };
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
