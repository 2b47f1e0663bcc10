import { sql, type Kysely } from 'kysely';
import { Timestamp, type QuestionResult, type SurveyQuestionConfig, type SurveyResults } from '../../contract';
import type { Database } from '../db/database';
import type { SurveyResponseRow, Tables } from '../db/schema';
import { ApiError } from '../http/errors';
import { CSV_BOM, csvRow } from './csv';
import { localize } from './localize';
import { answerProblem, parseStoredAnswers, type AnswerValue } from './surveyResponseAnswers';
import type { StoredSurvey } from './surveys';

const BATCH = 500;
const DAY = 24 * 60 * 60 * 1000;

export interface ResultsFilter {
  /** Inclusive, ISO. */
  from: string | null;
  /** Exclusive, ISO. */
  to: string | null;
  completedOnly: boolean;
}

/** `from`/`to` as given (a date or a timestamp) → a half-open UTC interval; a `to` date includes that day. */
export function resultsFilter(query: { from?: string | undefined; to?: string | undefined; status?: 'all' | 'completed' | undefined }): ResultsFilter {
  const instant = (value: string | undefined, endOfDay: boolean) => {
    if (!value) return null;
    const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(Date.parse(`${value}T00:00:00Z`) + (endOfDay ? DAY : 0)) : new Date(value);
    return date.toISOString();
  };
  const filter = { from: instant(query.from, false), to: instant(query.to, true), completedOnly: query.status === 'completed' };
  if (filter.from && filter.to && filter.from >= filter.to) {
    throw new ApiError('validation_failed', 'Invalid request: check to.', [{ path: 'to', message: 'must be after from' }]);
  }
  return filter;
}

type ResponseSlice = Pick<SurveyResponseRow, 'id' | 'status' | 'answers' | 'locale' | 'created_at' | 'completed_at' | 'order_id' | 'survey_version' | 'reward_points'> & {
  external_id: string | null;
};

function responsesQuery(db: Kysely<Tables>, shopId: string, surveyId: string, filter: ResultsFilter) {
  let query = db
    .selectFrom('survey_responses as r')
    .leftJoin('customers as c', (join) => join.onRef('c.shop_id', '=', 'r.shop_id').onRef('c.id', '=', 'r.customer_id'))
    .select(['r.id', 'r.status', 'r.answers', 'r.locale', 'r.created_at', 'r.completed_at', 'r.order_id', 'r.survey_version', 'r.reward_points', 'c.external_id'])
    .where('r.shop_id', '=', shopId)
    .where('r.survey_id', '=', surveyId);
  if (filter.from) query = query.where('r.created_at', '>=', filter.from);
  if (filter.to) query = query.where('r.created_at', '<', filter.to);
  if (filter.completedOnly) query = query.where('r.status', '=', 'completed');
  return query;
}

/** Every matching response, oldest first, a batch at a time (keyset paging, so memory stays flat). */
async function* responseBatches(db: Kysely<Tables>, shopId: string, surveyId: string, filter: ResultsFilter): AsyncGenerator<ResponseSlice[]> {
  let after: { createdAt: string; id: string } | null = null;
  for (;;) {
    let query = responsesQuery(db, shopId, surveyId, filter);
    if (after) {
      const { createdAt, id } = after;
      query = query.where((eb) => eb.or([eb('r.created_at', '>', createdAt), eb.and([eb('r.created_at', '=', createdAt), eb('r.id', '>', id)])]));
    }
    const rows: ResponseSlice[] = await query.orderBy('r.created_at').orderBy('r.id').limit(BATCH).execute();
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.created_at, id: last.id };
    if (rows.length < BATCH) return;
  }
}

/** A stored answer, if it is still a valid answer to the question as configured now. */
function answerTo(question: SurveyQuestionConfig, answers: ReadonlyMap<string, AnswerValue>) {
  const value = answers.get(question.id);
  return value !== undefined && answerProblem(question, value) === null ? value : undefined;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const share = (count: number, total: number) => (total > 0 ? count / total : 0);

interface Tally {
  answers: number;
  scores: number[];
  options: Map<string, number>;
}

function questionResult(question: SurveyQuestionConfig, tally: Tally, text: (value: Record<string, string>) => string): QuestionResult {
  const base = { questionId: question.id, prompt: text(question.prompt), answers: tally.answers };
  switch (question.type) {
    case 'nps': {
      const at = (from: number, to: number) => tally.scores.slice(from, to + 1).reduce((a, b) => a + b, 0);
      const promoters = at(9, 10);
      const passives = at(7, 8);
      const detractors = at(0, 6);
      const score = tally.answers > 0 ? round1(((promoters - detractors) / tally.answers) * 100) : null;
      return { ...base, type: 'nps', promoters, passives, detractors, score, distribution: tally.scores };
    }
    case 'csat': {
      const distribution = tally.scores.slice(1, 6);
      const sum = distribution.reduce((total, count, i) => total + count * (i + 1), 0);
      return {
        ...base,
        type: 'csat',
        average: tally.answers > 0 ? Math.round((sum / tally.answers) * 100) / 100 : null,
        satisfied: tally.answers > 0 ? (distribution[3]! + distribution[4]!) / tally.answers : null,
        distribution,
      };
    }
    case 'single-choice':
    case 'multiple-choice':
      return {
        ...base,
        type: question.type,
        options: question.options.map((option) => {
          const count = tally.options.get(option.id) ?? 0;
          return { optionId: option.id, label: text(option.label), count, share: share(count, tally.answers) };
        }),
      };
    case 'text':
      return { ...base, type: 'text' };
  }
}

async function eventCounts(db: Kysely<Tables>, shopId: string, surveyId: string, filter: ResultsFilter) {
  let query = db
    .selectFrom('survey_events')
    .select(['kind', sql<number>`count(*)`.as('n')])
    .where('shop_id', '=', shopId)
    .where('survey_id', '=', surveyId);
  if (filter.from) query = query.where('created_at', '>=', filter.from);
  if (filter.to) query = query.where('created_at', '<', filter.to);
  const rows = await query.groupBy('kind').execute();
  const count = (kind: string) => Number(rows.find((r) => r.kind === kind)?.n ?? 0);
  return { impressions: count('impression'), dismissals: count('dismissal') };
}

function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(`${createdAt}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!createdAt || !id || rest.length > 0 || !Timestamp.safeParse(createdAt).success || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new ApiError('validation_failed', 'Invalid request: check cursor.', [{ path: 'cursor', message: 'not a cursor from a previous page' }]);
  }
  return { createdAt, id };
}

/** One page of free-text answers, newest response first. */
async function textPage(db: Kysely<Tables>, shopId: string, survey: StoredSurvey, filter: ResultsFilter, limit: number, cursor: string | undefined) {
  const textQuestions = survey.config.questions.filter((q) => q.type === 'text');
  const items: SurveyResults['textAnswers']['items'] = [];
  if (textQuestions.length === 0) return { items, nextCursor: null };
  let position = cursor ? decodeCursor(cursor) : null;
  let responsesWithText = 0;
  for (;;) {
    let query = responsesQuery(db, shopId, survey.config.id, filter);
    if (position) {
      const { createdAt, id } = position;
      query = query.where((eb) => eb.or([eb('r.created_at', '<', createdAt), eb.and([eb('r.created_at', '=', createdAt), eb('r.id', '<', id)])]));
    }
    const rows = await query.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(BATCH).execute();
    for (const row of rows) {
      const answers = parseStoredAnswers(row.answers);
      const texts = textQuestions.flatMap((question) => {
        const value = answerTo(question, answers);
        return typeof value === 'string' ? [{ responseId: row.id, questionId: question.id, value, locale: row.locale, status: row.status, createdAt: row.created_at }] : [];
      });
      if (texts.length === 0) continue;
      items.push(...texts);
      responsesWithText++;
      if (responsesWithText === limit) {
        // Only promise a next page when there is one.
        const rest = rows.slice(rows.indexOf(row) + 1);
        const more = rest.length > 0 || rows.length === BATCH;
        return { items, nextCursor: more ? encodeCursor(row.created_at, row.id) : null };
      }
    }
    if (rows.length < BATCH) return { items, nextCursor: null };
    const last = rows[rows.length - 1]!;
    position = { createdAt: last.created_at, id: last.id };
  }
}

/** The figures a merchant reads for one survey over a period. */
export async function surveyResults(
  db: Database,
  shopId: string,
  survey: StoredSurvey,
  defaultLocale: string,
  filter: ResultsFilter,
  page: { limit: number; cursor?: string | undefined },
): Promise<SurveyResults> {
  const { config } = survey;
  const text = (value: Record<string, string>) => localize(value, defaultLocale, defaultLocale);
  const tallies = new Map<string, Tally>(config.questions.map((q) => [q.id, { answers: 0, scores: Array<number>(11).fill(0), options: new Map() }]));
  const responses = { started: 0, partial: 0, completed: 0 };

  for await (const batch of responseBatches(db.kysely, shopId, config.id, filter)) {
    for (const row of batch) {
      responses.started++;
      responses[row.status]++;
      const answers = parseStoredAnswers(row.answers);
      for (const question of config.questions) {
        const value = answerTo(question, answers);
        if (value === undefined) continue;
        const tally = tallies.get(question.id)!;
        tally.answers++;
        if (typeof value === 'number') tally.scores[value]!++;
        else if (Array.isArray(value)) for (const id of value) tally.options.set(id, (tally.options.get(id) ?? 0) + 1);
        else if (question.type === 'single-choice') tally.options.set(value, (tally.options.get(value) ?? 0) + 1);
      }
    }
  }
  const events = await eventCounts(db.kysely, shopId, config.id, filter);
  return {
    surveyId: config.id,
    version: survey.version,
    title: text(config.title),
    from: filter.from,
    to: filter.to,
    ...events,
    responses,
    responseRate: events.impressions > 0 ? responses.completed / events.impressions : null,
    completionRate: responses.started > 0 ? responses.completed / responses.started : null,
    questions: config.questions.map((q) => questionResult(q, tallies.get(q.id)!, text)),
    textAnswers: await textPage(db.kysely, shopId, survey, filter, page.limit, page.cursor),
  };
}

/**
 * The responses as CSV lines, streamed batch by batch: a header, then one row per response with a
 * column per question of the survey as configured now (choices by their label in the shop's
 * default locale, several joined with "; ").
 */
export async function* surveyCsv(db: Database, shopId: string, survey: StoredSurvey, defaultLocale: string, filter: ResultsFilter): AsyncGenerator<string> {
  const { questions } = survey.config;
  const text = (value: Record<string, string>) => localize(value, defaultLocale, defaultLocale);
  yield CSV_BOM + csvRow(['response_id', 'status', 'started_at', 'completed_at', 'locale', 'customer_id', 'order_id', 'survey_version', 'reward_points', ...questions.map((q) => q.id)]);
  for await (const batch of responseBatches(db.kysely, shopId, survey.config.id, filter)) {
    let chunk = '';
    for (const row of batch) {
      const answers = parseStoredAnswers(row.answers);
      const cells = questions.map((question) => {
        const value = answerTo(question, answers);
        if (value === undefined) return null;
        if (question.type !== 'single-choice' && question.type !== 'multiple-choice') return typeof value === 'number' || typeof value === 'string' ? value : null;
        const label = (id: string) => {
          const option = question.options.find((o) => o.id === id);
          return option ? text(option.label) : id;
        };
        return Array.isArray(value) ? value.map(label).join('; ') : label(String(value));
      });
      chunk += csvRow([row.id, row.status, row.created_at, row.completed_at, row.locale, row.external_id, row.order_id, row.survey_version, row.reward_points, ...cells]);
    }
    yield chunk;
  }
}
