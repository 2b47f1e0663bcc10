import type { Transaction } from 'kysely';
import { SurveyConfig } from '../../contract';
import type { SurveyResponseRow, Tables } from '../db/schema';
import { appendLedgerEntry } from './ledger';
import { localize } from './localize';

// A survey's points: credited once per completion (per order for post-purchase surveys), at once
// or when the shop reports the order the response is about.

async function ledgerKeyUsed(trx: Transaction<Tables>, shopId: string, dedupeKey: string): Promise<boolean> {
  const row = await trx.selectFrom('ledger_entries').select('id').where('shop_id', '=', shopId).where('dedupe_key', '=', dedupeKey).executeTakeFirst();
  return row !== undefined;
}

export interface RewardContext {
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
export async function rewardOnCompletion(trx: Transaction<Tables>, reward: RewardContext): Promise<SurveyResponseRow['reward_state']> {
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

