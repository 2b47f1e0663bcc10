import type { Transaction } from 'kysely';
import type { ProgrammeConfig } from '../../contract';
import type { Database } from '../db/database';
import type { CustomerRow, LedgerEntryRow, ShopRow, Tables } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { ApiError } from '../http/errors';
import { birthdaysOn, localDay } from './calendar';
import { dedupeKeys, earnRule } from './earning';
import { appendLedgerEntryOnce } from './ledger';
import { programmeOf } from './shops';

// Policy: the shopper enters their birthday once. The bonus is paid once per calendar year (in
// the programme's time zone) on the birthday itself: by the daily `sadakat birthdays` job, or right
// away when the shopper enters a birthday that is today. A birthday entered after this year's has
// passed is first celebrated next year, so entering "today" is the only shortcut, and it works once.

export function timeZoneOf(programme: ProgrammeConfig): string {
  return programme.timeZone ?? 'UTC';
}

/**
 * `MM-DD` from what the shopper typed (`MM-DD` or `YYYY-MM-DD`, already format-checked by the
 * contract). A full date must be a real past date from 1900 on; only month and day are kept.
 */
export function normalizeBirthday(input: string, now: Date, timeZone: string): string {
  if (input.length === 5) return input;
  const today = localDay(now, timeZone);
  const year = Number(input.slice(0, 4));
  const monthDay = input.slice(5);
  if (year < 1900 || year > today.year || (year === today.year && monthDay > today.monthDay)) {
    throw new ApiError('validation_failed', 'Invalid request: check birthday.', [{ path: 'birthday', message: 'must be a date in the past' }]);
  }
  return monthDay;
}

async function awardBirthday(trx: Transaction<Tables>, customer: CustomerRow, points: number, year: number, now: Date): Promise<LedgerEntryRow | null> {
  return appendLedgerEntryOnce(trx, {
    shopId: customer.shop_id,
    customerId: customer.id,
    delta: points,
    kind: 'birthday',
    dedupeKey: dedupeKeys.birthday(customer.id, year),
    at: now,
  });
}

/**
 * Stores the shopper's birthday, once (a conditional write, so two tabs cannot both set one), and
 * pays this year's bonus when the birthday is today. Entering the same birthday again is 409
 * `already_claimed`; a different one is 409 `birthday_already_set`.
 */
export async function claimBirthday(
  trx: Transaction<Tables>,
  input: { programme: ProgrammeConfig; customer: CustomerRow; birthday: string; now: Date },
): Promise<LedgerEntryRow | null> {
  const rule = earnRule(input.programme, 'birthday');
  if (!rule) throw new ApiError('earn_rule_not_found', 'The programme has no birthday bonus.');
  const zone = timeZoneOf(input.programme);
  const birthday = normalizeBirthday(input.birthday, input.now, zone);
  const { numUpdatedRows } = await trx
    .updateTable('customers')
    .set({ birthday })
    .where('shop_id', '=', input.customer.shop_id)
    .where('id', '=', input.customer.id)
    .where('birthday', 'is', null)
    .executeTakeFirst();
  if (numUpdatedRows !== 1n) {
    const stored = await trx
      .selectFrom('customers')
      .select('birthday')
      .where('shop_id', '=', input.customer.shop_id)
      .where('id', '=', input.customer.id)
      .executeTakeFirstOrThrow();
    if (stored.birthday === birthday) throw new ApiError('already_claimed', 'This birthday is already saved.');
    throw new ApiError('birthday_already_set', 'A birthday is already saved and cannot be changed.');
  }
  const today = localDay(input.now, zone);
  return birthdaysOn(today).includes(birthday) ? awardBirthday(trx, input.customer, rule.points, today.year, input.now) : null;
}

/**
 * Pays the birthday bonus to every customer of the shop whose birthday is today (in the
 * programme's time zone) and who has not had this year's. Run it daily; running it again the same
 * day, or on several instances, pays nobody twice. Returns how many were paid now.
 */
export async function awardDueBirthdays(db: Database, shop: ShopRow, now: Date): Promise<number> {
  const programme = programmeOf(shop);
  const rule = earnRule(programme, 'birthday');
  if (!rule) return 0;
  const today = localDay(now, timeZoneOf(programme));
  const customers = await db.kysely
    .selectFrom('customers')
    .selectAll()
    .where('shop_id', '=', shop.id)
    .where('birthday', 'in', birthdaysOn(today))
    .execute();
  let paid = 0;
  for (const customer of customers) {
    const entry = await inTransaction(db, (trx) => awardBirthday(trx, customer, rule.points, today.year, now));
    if (entry) paid++;
  }
  return paid;
}

/** `awardDueBirthdays` for every shop (the `sadakat birthdays` command). */
export async function awardDueBirthdaysForAllShops(db: Database, now: Date): Promise<number> {
  const shops = await db.kysely.selectFrom('shops').selectAll().execute();
  let paid = 0;
  for (const shop of shops) paid += await awardDueBirthdays(db, shop, now);
  return paid;
}
