import type { ClaimRequest, ClaimResponse, ProgrammeConfig } from '../../contract';
import type { CustomerClaims } from '../auth/customerToken';
import type { Database } from '../db/database';
import { inTransaction } from '../db/transaction';
import { claimBirthday } from './birthdays';
import { ensureCustomer } from './customers';
import { claimAction, claimedActions } from './earning';
import { balanceOf, toActivityEntry } from './ledger';
import { localize } from './localize';

/** A storefront claim (birthday or action) by the verified shopper, with their state after it. */
export async function claim(
  db: Database,
  input: { shopId: string; programme: ProgrammeConfig; claims: CustomerClaims; request: ClaimRequest; locale: string; now: Date },
): Promise<ClaimResponse> {
  const { shopId, programme, request, now } = input;
  return inTransaction(db, async (trx) => {
    const customer = await ensureCustomer(trx, shopId, input.claims, now);
    const entry =
      request.kind === 'birthday'
        ? await claimBirthday(trx, { programme, customer, birthday: request.birthday, now })
        : await claimAction(trx, {
            programme,
            customer,
            actionId: request.actionId,
            label: (text) => localize(text, input.locale, programme.defaultLocale),
            now,
          });
    const after = await trx.selectFrom('customers').select('birthday').where('shop_id', '=', shopId).where('id', '=', customer.id).executeTakeFirstOrThrow();
    return {
      entry: entry ? toActivityEntry(entry) : null,
      balance: await balanceOf(trx, shopId, customer.id),
      birthday: after.birthday,
      claimedActions: await claimedActions(trx, shopId, customer.id),
    };
  });
}
