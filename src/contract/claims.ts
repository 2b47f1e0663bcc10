import { z } from 'zod/mini';
import { ActivityEntry } from './customer';
import { Id, MonthDay, Points } from './primitives';

/** A birthday as the shopper enters it: `MM-DD`, or a full `YYYY-MM-DD` (only month and day are kept). */
export const BirthdayInput = z.union([MonthDay, z.iso.date()]);

/**
 * `POST /v1/claims`: what a signed-in shopper claims from the widget, once each. The birthday is
 * entered once (a different one later is 409 `birthday_already_set`); an action is claimed once
 * (again is 409 `already_claimed`).
 */
export const ClaimRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('birthday'), birthday: BirthdayInput }),
  z.strictObject({ kind: z.literal('action'), actionId: Id }),
]);
export type ClaimRequest = z.infer<typeof ClaimRequest>;

export const ClaimResponse = z.object({
  /** The points entry written now; `null` for a birthday that is not today (it is awarded on the day). */
  entry: z.nullable(ActivityEntry),
  balance: Points,
  birthday: z.nullable(MonthDay),
  claimedActions: z.array(Id),
});
export type ClaimResponse = z.infer<typeof ClaimResponse>;
