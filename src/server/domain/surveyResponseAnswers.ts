import { z } from 'zod/mini';
import {
  CSAT_RANGE,
  NPS_RANGE,
  QuestionId,
  SurveyAnswerValue,
  surveyPath,
  type FieldIssue,
  type SurveyAnswer,
  type SurveyAnswerMap,
  type SurveyConfig,
  type SurveyQuestionConfig,
} from '../../contract';
import { ApiError } from '../http/errors';

// The answers of a survey response: checked against the survey, merged across deliveries, and
// trimmed to the path taken on completion. Pure functions; storage is surveyResponses.ts.

/** An answer as stored (a `null` in a request clears an answer and is never stored). */
export type AnswerValue = Exclude<SurveyAnswerValue, null>;

/** Stored answers, parsed with the contract on read. */
const StoredAnswers = z.record(QuestionId, SurveyAnswerValue);

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Why `value` is not a valid answer to `question`, or `null` when it is. */
export function answerProblem(question: SurveyQuestionConfig, value: AnswerValue): string | null {
  switch (question.type) {
    case 'nps':
    case 'csat': {
      const range = question.type === 'nps' ? NPS_RANGE : CSAT_RANGE;
      return typeof value === 'number' && value >= range.min && value <= range.max ? null : `must be a whole number from ${range.min} to ${range.max}`;
    }
    case 'single-choice':
      return typeof value === 'string' && question.options.some((o) => o.id === value) ? null : `must be one of the option ids of "${question.id}"`;
    case 'multiple-choice': {
      if (!Array.isArray(value) || !value.every((id) => question.options.some((o) => o.id === id))) {
        return `must be a list of option ids of "${question.id}"`;
      }
      if (new Set(value).size !== value.length) return 'lists an option twice';
      const min = question.minSelected ?? 1;
      const max = question.maxSelected ?? question.options.length;
      return value.length >= min && value.length <= max ? null : `pick from ${min} to ${max} options`;
    }
    case 'text': {
      if (typeof value !== 'string') return 'must be text';
      if (value.trim().length === 0) return 'is empty; send null to clear an answer';
      return codePoints(value) <= question.maxLength ? null : `longer than ${question.maxLength} characters`;
    }
  }
}

/** Checks every answer against the survey; all problems are reported at once, with field paths. */
export function validateAnswers(survey: SurveyConfig, answers: SurveyAnswer[]): Map<string, AnswerValue | null> {
  const fields: FieldIssue[] = [];
  const result = new Map<string, AnswerValue | null>();
  answers.forEach((answer, i) => {
    const question = survey.questions.find((q) => q.id === answer.questionId);
    if (!question) return fields.push({ path: `answers.${i}.questionId`, message: `unknown question "${answer.questionId}"` });
    if (result.has(answer.questionId)) return fields.push({ path: `answers.${i}.questionId`, message: 'answered twice in one request' });
    const problem = answer.value === null ? null : answerProblem(question, answer.value);
    if (problem) return fields.push({ path: `answers.${i}.value`, message: problem });
    result.set(answer.questionId, answer.value);
  });
  if (fields.length > 0) throw new ApiError('validation_failed', `Invalid request: check ${fields.map((f) => f.path).join(', ')}.`, fields);
  return result;
}

export function parseStoredAnswers(json: string): Map<string, AnswerValue> {
  const parsed = StoredAnswers.parse(JSON.parse(json));
  return new Map(Object.entries(parsed).filter((entry): entry is [string, AnswerValue] => entry[1] !== null));
}

/**
 * The merge rule. A save whose `sequence` is at least the highest applied so far sets (or, with
 * `null`, clears) the answers it carries and keeps the others; a save that arrives late only fills
 * questions that have no answer yet, so a stale retry never undoes a newer answer.
 */
export function mergeAnswers(stored: ReadonlyMap<string, AnswerValue>, incoming: ReadonlyMap<string, AnswerValue | null>, isLatest: boolean) {
  const merged = new Map(stored);
  for (const [questionId, value] of incoming) {
    if (!isLatest && merged.has(questionId)) continue;
    if (value === null) {
      if (isLatest) merged.delete(questionId);
    } else {
      merged.set(questionId, value);
    }
  }
  return merged;
}

/**
 * What a completed response keeps: the answers on the path the shopper actually took, still valid
 * for the current version of the survey. Required questions on that path must be answered.
 */
export function completedAnswers(survey: SurveyConfig, answers: ReadonlyMap<string, AnswerValue>): Map<string, AnswerValue> {
  const valid: SurveyAnswerMap = new Map(
    [...answers].filter(([id, value]) => {
      const question = survey.questions.find((q) => q.id === id);
      return question !== undefined && answerProblem(question, value) === null;
    }),
  );
  const { questionIds } = surveyPath(survey.questions, valid);
  const missing = survey.questions.filter((q) => q.required && questionIds.includes(q.id) && !valid.has(q.id));
  if (missing.length > 0) {
    const fields = missing.map((q) => ({ path: 'answers', message: `question "${q.id}" is required` }));
    throw new ApiError('validation_failed', `Invalid request: required questions are unanswered (${missing.map((q) => q.id).join(', ')}).`, fields);
  }
  return new Map(questionIds.filter((id) => valid.has(id)).map((id) => [id, valid.get(id)!]));
}

export function answersJson(answers: ReadonlyMap<string, AnswerValue>): string {
  return JSON.stringify(Object.fromEntries(answers));
}
