import { randomInt } from 'node:crypto';
import { FriendReward, type ProgrammeConfig, type ReferralClaimResponse, type ReferralLookup } from '../../../contract';
import type { CustomerClaims } from '../../auth/customerToken';
import type { Database } from '../../db/database';
import type { ReferralClaimRow } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { ApiError } from '../../http/errors';
import { findCustomer } from '../customers';
import { findAdvocate } from './codes';
import { emailKey } from './emailKey';
import { DAY_MS, friendOffer, referralPolicy } from './policy';

const COUPON_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const DEFAULT_FRIEND_CODE_DAYS = 30;

/** A friend's discount code in the same alphabet and shape as reward coupons (`7QX4-M2PD-KH3A`). */
function randomDiscountCode(): string {
  let symbols = '';
  for (let i = 0; i < 12; i++) symbols += COUPON_ALPHABET[randomInt(COUPON_ALPHABET.length)];
  return symbols.match(/.{4}/g)!.join('-');
}

async function requireAdvocate(db: Database, shopId: string, code: string) {
  const advocate = await findAdvocate(db.kysely, shopId, code);
  if (!advocate) throw new ApiError('not_found', 'This shop has no such referral code.');
  return advocate;
}

/** Only the first word of the name reaches the friend: enough to recognise, not to identify. */
export function firstNameOf(name: string | null): string | null {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first.slice(0, 100) : null;
}

export async function lookupReferralCode(db: Database, input: { shopId: string; programme: ProgrammeConfig; code: string }): Promise<ReferralLookup> {
  const advocate = await requireAdvocate(db, input.shopId, input.code);
  const policy = referralPolicy(input.programme);
  return { code: input.code, advocateFirstName: firstNameOf(advocate.name), friendOffer: friendOffer(policy.friendReward, input.programme) };
}

/** Counts a landing once per (code, visitor); an unknown code is a 404 and stores nothing. */
export async function recordReferralVisit(db: Database, input: { shopId: string; code: string; visitorId: string; now: Date }): Promise<boolean> {
  await requireAdvocate(db, input.shopId, input.code);
  const inserted = await db.kysely
    .insertInto('referral_visits')
    .values({ shop_id: input.shopId, code: input.code, visitor_id: input.visitorId, created_at: input.now.toISOString() })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

function claimResponse(row: ReferralClaimRow, programme: ProgrammeConfig): ReferralClaimResponse {
  const reward = FriendReward.parse(JSON.parse(row.reward));
  return { discountCode: row.discount_code, friendOffer: friendOffer(reward, programme)!, expiresAt: row.expires_at };
}

/**
 * The friend's discount code, one per normalised e-mail (whichever advocate's link they came
 * through): the primary key on (shop, e-mail key) makes a second claim, even a concurrent one,
 * return the first code. The advocate cannot claim their own offer, signed in or by e-mail.
 */
export async function claimFriendDiscount(
  db: Database,
  input: { shopId: string; programme: ProgrammeConfig; code: string; email: string; claims: CustomerClaims | null; now: Date },
): Promise<{ status: 200 | 201; body: ReferralClaimResponse }> {
  const { shopId, programme, now } = input;
  const advocate = await requireAdvocate(db, shopId, input.code);
  const reward = referralPolicy(programme).friendReward;
  if (!reward) throw new ApiError('earn_rule_not_found', 'The referral programme has no friend reward.');
  const key = emailKey(input.email);
  if (!key) throw new ApiError('validation_failed', 'Invalid request: check email.', [{ path: 'email', message: 'an email address' }]);
  const claimant = input.claims ? await findCustomer(db.kysely, shopId, input.claims.externalId) : undefined;
  if (claimant?.id === advocate.id || (advocate.email && emailKey(advocate.email) === key)) {
    throw new ApiError('conflict', 'An advocate cannot claim the offer of their own referral link.');
  }
  return inTransaction(db, async (trx) => {
    const row: ReferralClaimRow = {
      shop_id: shopId,
      email_key: key,
      code: input.code,
      discount_code: randomDiscountCode(),
      reward: JSON.stringify(reward),
      status: 'issued',
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + (reward.validDays ?? DEFAULT_FRIEND_CODE_DAYS) * DAY_MS).toISOString(),
      used_at: null,
      used_order: null,
    };
    const inserted = await trx
      .insertInto('referral_claims')
      .values(row)
      .onConflict((oc) => oc.columns(['shop_id', 'email_key']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { status: 201 as const, body: claimResponse(row, programme) };
    const existing = await trx.selectFrom('referral_claims').selectAll().where('shop_id', '=', shopId).where('email_key', '=', key).executeTakeFirstOrThrow();
    return { status: 200 as const, body: claimResponse(existing, programme) };
  });
}
