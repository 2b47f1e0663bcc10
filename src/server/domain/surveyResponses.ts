import type { Transaction } from 'kysely';
import { z } from 'zod/mini';
import {
  CSAT_RANGE,
  NPS_RANGE,
  QuestionId,
  SurveyAnswerValue,
  SurveyConfig,
  surveyPath,
  type FieldIssue,
  type SurveyAnswer,
  type SurveyAnswerMap,
  type SurveyEventRequest,
  type SurveyQuestionConfig,
  type SurveyResponseAck,
  type SurveyResponseRequest,
} from '../../contract';
import type { CustomerClaims } from '../auth/customerToken';
import type { Database } from '../db/database';
import { dialectOf, uniqueViolationOn } from '../db/dialect';
import type { SurveyResponseRow, Tables } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { ApiError } from '../http/errors';
import { ensureCustomer } from './customers';
import { appendLedgerEntry } from './ledger';
import { localize } from './localize';
import type { StoredSurvey } from './surveys';

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

function answersJson(answers: ReadonlyMap<string, AnswerValue>): string {
  return JSON.stringify(Object.fromEntries(answers));
}

/**
 * The one completion a frequency rule allows, as a key the database keeps unique per survey:
 * per customer, or per customer and order. Guests have no identity to hold to a rule, except the
 * order a post-purchase survey is about.
 */
function completionKey(config: SurveyConfig, customerId: string | null, orderId: string | undefined): string | null {
  if (config.frequency.mode === 'once-per-order') {
    if (!orderId) return null;
    return customerId ? `customer:${customerId}:order:${orderId}` : `guest:order:${orderId}`;
  }
  return customerId ? `customer:${customerId}` : null;
}

async function completionTaken(trx: Transaction<Tables>, shopId: string, surveyId: string, key: string, exceptId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('survey_responses')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('survey_id', '=', surveyId)
    .where('completion_key', '=', key)
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  return row !== undefined;
}

async function ledgerKeyUsed(trx: Transaction<Tables>, shopId: string, dedupeKey: string): Promise<boolean> {
  const row = await trx.selectFrom('ledger_entries').select('id').where('shop_id', '=', shopId).where('dedupe_key', '=', dedupeKey).executeTakeFirst();
  return row !== undefined;
}

interface RewardContext {
  shopId: string;
  survey: SurveyConfig;
  customerId: string;
  orderId: string | null;
  points: number;
  description: string;
  now: Date;
}

/** Credits a survey's points once (the ledger's dedupe key guarantees it even across instances). */
async function creditReward(trx: Transaction<Tables>, reward: RewardContext): Promise<boolean> {
  const dedupeKey = `survey:${reward.survey.id}:${reward.customerId}${reward.survey.frequency.mode === 'once-per-order' ? `:${reward.orderId}` : ''}`;
  if (await ledgerKeyUsed(trx, reward.shopId, dedupeKey)) return false;
  await appendLedgerEntry(trx, {
    shopId: reward.shopId,
    customerId: reward.customerId,
    delta: reward.points,
    kind: 'survey',
    reference: reward.orderId ? `#${reward.orderId}` : null,
    description: reward.description,
    dedupeKey,
    at: reward.now,
  });
  return true;
}

/**
 * Decides the reward of a response completing now. Points per order are paid only for an order the
 * shop reported for this very customer, so made-up order ids earn nothing; an order not reported
 * yet leaves the reward `awaiting_order` (see `creditAwaitingSurveyRewards`).
 */
async function rewardOnCompletion(trx: Transaction<Tables>, reward: RewardContext): Promise<SurveyResponseRow['reward_state']> {
  if (reward.survey.frequency.mode === 'once-per-order') {
    const order = await trx
      .selectFrom('orders')
      .select('customer_id')
      .where('shop_id', '=', reward.shopId)
      .where('external_id', '=', reward.orderId ?? '')
      .executeTakeFirst();
    if (!order) return 'awaiting_order';
    if (order.customer_id !== reward.customerId) return 'none';
  }
  return (await creditReward(trx, reward)) ? 'credited' : 'none';
}

export interface CreditAwaitingInput {
  shopId: string;
  /** Internal customer id (`customers.id`). */
  customerId: string;
  /** The shop's order reference, as reported. */
  orderId: string;
  now: Date;
}

/**
 * Pays the survey rewards that waited for this order. The order-reporting path calls it in the
 * same transaction that records the order; it is safe to call more than once.
 */
export async function creditAwaitingSurveyRewards(trx: Transaction<Tables>, input: CreditAwaitingInput): Promise<number> {
  const waiting = await trx
    .selectFrom('survey_responses')
    .innerJoin('surveys', (join) => join.onRef('surveys.shop_id', '=', 'survey_responses.shop_id').onRef('surveys.id', '=', 'survey_responses.survey_id'))
    .select(['survey_responses.id', 'survey_responses.reward_points', 'survey_responses.locale', 'surveys.definition'])
    .where('survey_responses.shop_id', '=', input.shopId)
    .where('survey_responses.customer_id', '=', input.customerId)
    .where('survey_responses.order_id', '=', input.orderId)
    .where('survey_responses.reward_state', '=', 'awaiting_order')
    .execute();
  let credited = 0;
  for (const row of waiting) {
    const survey = SurveyConfig.parse(JSON.parse(row.definition));
    const points = row.reward_points ?? 0;
    const paid =
      points > 0 &&
      (await creditReward(trx, {
        shopId: input.shopId,
        survey,
        customerId: input.customerId,
        orderId: input.orderId,
        points,
        description: localize(survey.title, row.locale, row.locale),
        now: input.now,
      }));
    await trx
      .updateTable('survey_responses')
      .set({ reward_state: paid ? 'credited' : 'none' })
      .where('shop_id', '=', input.shopId)
      .where('id', '=', row.id)
      .execute();
    if (paid) credited += points;
  }
  return credited;
}

export interface RecordResponseInput {
  shopId: string;
  defaultLocale: string;
  survey: StoredSurvey;
  request: SurveyResponseRequest;
  claims: CustomerClaims | null;
  now: Date;
}

async function ack(trx: Transaction<Tables>, row: SurveyResponseRow): Promise<SurveyResponseAck> {
  let balance: number | null = null;
  if (row.customer_id) {
    const customer = await trx.selectFrom('customers').select('balance').where('shop_id', '=', row.shop_id).where('id', '=', row.customer_id).executeTakeFirst();
    balance = customer?.balance ?? null;
  }
  const rewarded = row.reward_points !== null && (row.reward_state === 'credited' || row.reward_state === 'awaiting_order');
  return {
    responseId: row.id,
    surveyId: row.survey_id,
    status: row.status,
    reward: rewarded ? { points: row.reward_points!, status: row.reward_state === 'credited' ? 'credited' : 'pending' } : null,
    balance,
  };
}

/**
 * Saves one delivery of a response, exactly once whatever the number of deliveries and whichever
 * API instance gets them: the row is keyed by (shop, client UUID), created with
 * `INSERT … ON CONFLICT DO NOTHING` and then locked, so concurrent deliveries take turns. Once
 * completed a response is final: later deliveries are acknowledged and change nothing. Everything,
 * reward included, happens in one transaction; any error leaves nothing behind.
 */
export async function recordSurveyResponse(db: Database, input: RecordResponseInput): Promise<SurveyResponseAck> {
  const { shopId, request, claims, now } = input;
  const config = input.survey.config;
  const incoming = validateAnswers(config, request.answers);
  if (config.audience === 'signed-in' && !claims) throw new ApiError('unauthorized', 'This survey is for signed-in shoppers: send their customer token.');
  if (config.frequency.mode === 'once-per-order' && !request.orderId) {
    throw new ApiError('validation_failed', 'Invalid request: check orderId.', [{ path: 'orderId', message: 'required: this survey is asked once per order' }]);
  }
  const sequence = request.sequence ?? 0;
  const at = now.toISOString();

  try {
    return await inTransaction(db, async (trx) => {
      const customer = claims ? await ensureCustomer(trx, shopId, claims, now) : null;
      const customerId = customer?.id ?? null;
      const inserted = await trx
        .insertInto('survey_responses')
        .values({
          shop_id: shopId,
          id: request.responseId,
          survey_id: config.id,
          survey_version: input.survey.version,
          customer_id: customerId,
          order_id: request.orderId ?? null,
          status: 'partial',
          answers: '{}',
          sequence: -1,
          locale: request.locale,
          completion_key: null,
          reward_points: null,
          reward_state: 'none',
          created_at: at,
          updated_at: at,
          completed_at: null,
        })
        .onConflict((oc) => oc.columns(['shop_id', 'id']).doNothing())
        .executeTakeFirst();
      const created = Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
      const row = await trx
        .selectFrom('survey_responses')
        .selectAll()
        .where('shop_id', '=', shopId)
        .where('id', '=', request.responseId)
        .$if(dialectOf(trx) === 'postgres', (qb) => qb.forUpdate())
        .executeTakeFirstOrThrow();

      // A response belongs to whoever started it; anyone else learns nothing about it.
      if (row.customer_id !== customerId) throw new ApiError('not_found', 'No such survey response for this shopper.');
      if (row.survey_id !== config.id || row.order_id !== (request.orderId ?? null)) {
        throw new ApiError('conflict', 'This responseId already belongs to another survey or order; start a new response.');
      }
      if (row.status === 'completed') return ack(trx, row);

      const key = completionKey(config, customerId, request.orderId);
      if (created && key && (await completionTaken(trx, shopId, config.id, key, row.id))) {
        throw new ApiError('survey_already_answered', 'This shopper has already completed this survey.');
      }
      const isLatest = sequence >= row.sequence;
      const merged = mergeAnswers(parseStoredAnswers(row.answers), incoming, isLatest);
      const nextSequence = Math.max(row.sequence, sequence);

      if (!request.completed) {
        await trx
          .updateTable('survey_responses')
          .set({ answers: answersJson(merged), sequence: nextSequence, updated_at: at })
          .where('shop_id', '=', shopId)
          .where('id', '=', row.id)
          .execute();
        return ack(trx, { ...row, answers: answersJson(merged), sequence: nextSequence, updated_at: at });
      }

      const final = completedAnswers(config, merged);
      if (key && (await completionTaken(trx, shopId, config.id, key, row.id))) {
        throw new ApiError('survey_already_answered', 'This shopper has already completed this survey.');
      }
      let rewardState: SurveyResponseRow['reward_state'] = 'none';
      const points = config.reward && customerId ? config.reward.points : null;
      if (points !== null && customerId) {
        rewardState = await rewardOnCompletion(trx, {
          shopId,
          survey: config,
          customerId,
          orderId: request.orderId ?? null,
          points,
          description: localize(config.title, row.locale, input.defaultLocale),
          now,
        });
      }
      const completed: SurveyResponseRow = {
        ...row,
        status: 'completed',
        answers: answersJson(final),
        sequence: nextSequence,
        completion_key: key,
        reward_points: rewardState === 'none' ? null : points,
        reward_state: rewardState,
        updated_at: at,
        completed_at: at,
      };
      await trx
        .updateTable('survey_responses')
        .set({
          status: completed.status,
          answers: completed.answers,
          sequence: completed.sequence,
          completion_key: completed.completion_key,
          reward_points: completed.reward_points,
          reward_state: completed.reward_state,
          updated_at: at,
          completed_at: at,
        })
        .where('shop_id', '=', shopId)
        .where('id', '=', row.id)
        .execute();
      return ack(trx, completed);
    });
  } catch (error) {
    // Two responses completing the same once-only survey at the same moment: the database let one in.
    if (uniqueViolationOn(error, ['survey_responses_completion_uq', 'ledger_entries_dedupe_uq'])) throw new ApiError('survey_already_answered', 'This shopper has already completed this survey.');
    throw error;
  }
}

export interface RecordEventInput {
  shopId: string;
  survey: StoredSurvey;
  kind: 'impression' | 'dismissal';
  request: SurveyEventRequest;
  claims: CustomerClaims | null;
  now: Date;
}

/** Records an impression or a dismissal once per client event id. */
export async function recordSurveyEvent(db: Database, input: RecordEventInput): Promise<boolean> {
  const { shopId, request, claims, now } = input;
  if (input.survey.config.audience === 'signed-in' && !claims) {
    throw new ApiError('unauthorized', 'This survey is for signed-in shoppers: send their customer token.');
  }
  return inTransaction(db, async (trx) => {
    const customer = claims ? await ensureCustomer(trx, shopId, claims, now) : null;
    const inserted = await trx
      .insertInto('survey_events')
      .values({
        shop_id: shopId,
        id: request.eventId,
        survey_id: input.survey.config.id,
        kind: input.kind,
        customer_id: customer?.id ?? null,
        order_id: request.orderId ?? null,
        created_at: now.toISOString(),
      })
      .onConflict((oc) => oc.columns(['shop_id', 'id']).doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  });
}
