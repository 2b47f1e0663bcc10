import type { Kysely } from 'kysely';
import type { SurveyAnswerRow, SurveyAnswersPage, SurveyAnswersQuery, SurveyQuestionConfig } from '../../contract';
import type { Tables } from '../db/schema';
import { ApiError } from '../http/errors';
import { localize } from './localize';
import { answerProblem, parseStoredAnswers, type AnswerValue } from './surveyResponseAnswers';
import type { StoredSurvey } from './surveys';

const BATCH = 200;
const DAY = 24 * 60 * 60 * 1000;

const encodeCursor = (createdAt: string, id: string) => Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'string')) return [value[0] as string, value[1] as string];
  } catch {
    // Falls through to the field error.
  }
  throw new ApiError('validation_failed', 'Invalid request: check cursor.', [{ path: 'cursor', message: 'not a cursor from a previous page' }]);
}

const isScored = (question: SurveyQuestionConfig) => question.type === 'nps' || question.type === 'csat';

function display(question: SurveyQuestionConfig, value: AnswerValue, text: (t: Record<string, string>) => string): string {
  if (question.type === 'single-choice' || question.type === 'multiple-choice') {
    const chosen = Array.isArray(value) ? value : [String(value)];
    return chosen.map((id) => question.options.find((option) => option.id === id)?.label).map((label, i) => (label ? text(label) : chosen[i]!)).join(', ');
  }
  return String(value);
}

/**
 * One page of a survey's answers, newest response first: a row per answered question (answers
 * still valid for the question as configured now), a response's rows kept on one page.
 */
export async function surveyAnswersPage(
  db: Kysely<Tables>,
  shopId: string,
  survey: StoredSurvey,
  defaultLocale: string,
  query: SurveyAnswersQuery,
): Promise<SurveyAnswersPage> {
  const { questions } = survey.config;
  const text = (value: Record<string, string>) => localize(value, defaultLocale, defaultLocale);
  const chosen = query.questionId ? questions.find((q) => q.id === query.questionId) : undefined;
  if (query.questionId && !chosen) {
    throw new ApiError('validation_failed', 'Invalid request: check questionId.', [{ path: 'questionId', message: 'not a question of this survey' }]);
  }
  const scoreQuestion = chosen && isScored(chosen) ? chosen : questions.find(isScored);
  const min = query.minScore === undefined ? null : Number(query.minScore);
  const max = query.maxScore === undefined ? null : Number(query.maxScore);
  const limit = query.limit ? Number(query.limit) : 50;
  const shown = chosen ? [chosen] : questions;

  const rows: SurveyAnswerRow[] = [];
  let after = query.cursor ? decodeCursor(query.cursor) : null;
  let nextCursor: string | null = null;
  scan: for (;;) {
    let select = db
      .selectFrom('survey_responses as r')
      .leftJoin('customers as c', (join) => join.onRef('c.shop_id', '=', 'r.shop_id').onRef('c.id', '=', 'r.customer_id'))
      .select(['r.id', 'r.status', 'r.answers', 'r.created_at', 'c.external_id'])
      .where('r.shop_id', '=', shopId)
      .where('r.survey_id', '=', survey.config.id);
    if (query.from) select = select.where('r.created_at', '>=', `${query.from}T00:00:00.000Z`);
    if (query.to) select = select.where('r.created_at', '<', new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY).toISOString());
    if (after) {
      const [createdAt, id] = after;
      select = select.where((eb) => eb.or([eb('r.created_at', '<', createdAt), eb.and([eb('r.created_at', '=', createdAt), eb('r.id', '<', id)])]));
    }
    const batch = await select.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(BATCH).execute();
    for (const [index, response] of batch.entries()) {
      const answers = parseStoredAnswers(response.answers);
      const valid = (question: SurveyQuestionConfig) => {
        const value = answers.get(question.id);
        return value !== undefined && answerProblem(question, value) === null ? value : undefined;
      };
      if (min !== null || max !== null) {
        const score = scoreQuestion ? valid(scoreQuestion) : undefined;
        if (typeof score !== 'number' || (min !== null && score < min) || (max !== null && score > max)) continue;
      }
      for (const question of shown) {
        const value = valid(question);
        if (value === undefined) continue;
        rows.push({
          responseId: response.id,
          questionId: question.id,
          questionType: question.type,
          prompt: text(question.prompt),
          value,
          display: display(question, value, text),
          customerId: response.external_id,
          status: response.status,
          startedAt: response.created_at,
        });
      }
      if (rows.length >= limit) {
        const more = index < batch.length - 1 || batch.length === BATCH;
        nextCursor = more ? encodeCursor(response.created_at, response.id) : null;
        break scan;
      }
    }
    if (batch.length < BATCH) break;
    const last = batch[batch.length - 1]!;
    after = [last.created_at, last.id];
  }
  return {
    surveyId: survey.config.id,
    questions: questions.map((q) => ({ id: q.id, type: q.type, prompt: text(q.prompt) })),
    rows,
    nextCursor,
  };
}
