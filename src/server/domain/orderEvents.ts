import type { Transaction } from 'kysely';
import type { OrderContext, ProgrammeConfig, ReferralOutcome } from '../../contract';
import type { CustomerRow, OrderRow, RefundRow, Tables } from '../db/schema';
import { attributeReferral } from './referrals/attribution';
import { referralPolicy } from './referrals/policy';
import { referralAfterRefund } from './referrals/settlement';
import { creditAwaitingSurveyRewards } from './surveyRewards';

// Extension points for whatever reacts to orders (survey rewards now, referrals next). Both run
// inside the order's own transaction, after its points are booked: whatever they write commits or
// rolls back with the order, and a replayed report never calls them again.

export interface OrderRecorded {
  shopId: string;
  programme: ProgrammeConfig;
  order: OrderRow;
  customer: CustomerRow;
  /** The `?ref=` code the shop reported with the order, if any (also stored on `orders.referral_code`). */
  referralCode: string | null;
  /** Checkout signals for fraud checks (also stored as JSON on `orders.context`). */
  context: OrderContext | null;
  now: Date;
}

export interface OrderRefunded {
  shopId: string;
  programme: ProgrammeConfig;
  /** The order after this refund (its `refunded_minor` includes it). */
  order: OrderRow;
  refund: RefundRow;
  now: Date;
}

/**
 * Called once per order, when it is first recorded. Pays the post-purchase survey rewards that were
 * waiting for this order (the thank-you page often beats the order report). Referral attribution
 * hooks in here too: its outcome goes back to the shop in the order report's response.
 */
export async function afterOrderRecorded(trx: Transaction<Tables>, event: OrderRecorded): Promise<{ referral: ReferralOutcome | null }> {
  await creditAwaitingSurveyRewards(trx, { shopId: event.shopId, customerId: event.customer.id, orderId: event.order.external_id, now: event.now });
  return { referral: await attributeReferral(trx, event) };
}

/** Called once per refund, when it is first recorded: voids a referral in its hold, or reverses a paid one per policy. */
export async function afterOrderRefunded(trx: Transaction<Tables>, event: OrderRefunded): Promise<void> {
  await referralAfterRefund(trx, {
    shopId: event.shopId,
    orderId: event.order.id,
    afterPayoutRefund: referralPolicy(event.programme).afterPayoutRefund,
    now: event.now,
  });
}
