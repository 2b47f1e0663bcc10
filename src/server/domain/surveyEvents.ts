import type { SurveyEventRequest } from '../../contract';
import type { CustomerClaims } from '../auth/customerToken';
import type { Database } from '../db/database';
import { inTransaction } from '../db/transaction';
import { ApiError } from '../http/errors';
import { ensureCustomer } from './customers';
import type { StoredSurvey } from './surveys';

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
