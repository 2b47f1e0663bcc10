import type { Transaction } from 'kysely';
import type { SurveyConfig, SurveyResponseAck, SurveyResponseRequest } from '../../contract';
import type { CustomerClaims } from '../auth/customerToken';
import type { Database } from '../db/database';
import { dialectOf, uniqueViolationOn } from '../db/dialect';
import type { SurveyResponseRow, Tables } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { ApiError } from '../http/errors';
import { ensureCustomer } from './customers';
import { localize } from './localize';
import { answersJson, completedAnswers, mergeAnswers, parseStoredAnswers, validateAnswers } from './surveyResponseAnswers';
import { rewardOnCompletion } from './surveyRewards';
import type { StoredSurvey } from './surveys';

// Storing survey responses (the answers themselves: surveyResponseAnswers.ts; their points:
// surveyRewards.ts; impressions and dismissals: surveyEvents.ts).

const alreadyAnswered = () => new ApiError('survey_already_answered', 'This shopper has already completed this survey.');

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
        throw alreadyAnswered();
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
        throw alreadyAnswered();
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
    if (uniqueViolationOn(error, ['survey_responses_completion_uq', 'ledger_entries_dedupe_uq'])) throw alreadyAnswered();
    throw error;
  }
}

