import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { REFERRAL_CODE_PATTERN } from '../../../contract';
import type { Tables } from '../../db/schema';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 8 symbols from 31: about 8.5 × 10¹¹ codes, drawn with a CSPRNG, so codes cannot be guessed in order. */
export function randomReferralCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** A code as reported by a shop (`abcd2345`) in canonical form, or `null` when it cannot be one of ours. */
export function canonicalReferralCode(raw: string | null | undefined): string | null {
  const code = raw?.trim().toUpperCase() ?? '';
  return REFERRAL_CODE_PATTERN.test(code) ? code : null;
}

/**
 * The customer's code, created on first use. Safe under concurrency: the unique index on the
 * customer makes a second creator's insert a no-op, and the winner's code is read back.
 */
export async function ensureReferralCode(db: Kysely<Tables>, shopId: string, customerId: string, now: Date): Promise<string> {
  const existing = await codeOfCustomer(db, shopId, customerId);
  if (existing) return existing;
  for (let attempt = 0; attempt < 5; attempt++) {
    await db
      .insertInto('referral_codes')
      .values({ shop_id: shopId, code: randomReferralCode(), customer_id: customerId, created_at: now.toISOString() })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const code = await codeOfCustomer(db, shopId, customerId);
    if (code) return code;
  }
  throw new Error('could not create a referral code');
}

async function codeOfCustomer(db: Kysely<Tables>, shopId: string, customerId: string): Promise<string | undefined> {
  const row = await db.selectFrom('referral_codes').select('code').where('shop_id', '=', shopId).where('customer_id', '=', customerId).executeTakeFirst();
  return row?.code;
}

/** The advocate behind a code, or `undefined`. */
export async function findAdvocate(db: Kysely<Tables>, shopId: string, code: string) {
  return db
    .selectFrom('referral_codes')
    .innerJoin('customers', (join) => join.onRef('customers.shop_id', '=', 'referral_codes.shop_id').onRef('customers.id', '=', 'referral_codes.customer_id'))
    .selectAll('customers')
    .select('referral_codes.code')
    .where('referral_codes.shop_id', '=', shopId)
    .where('referral_codes.code', '=', code)
    .executeTakeFirst();
}
