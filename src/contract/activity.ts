import { z } from 'zod/mini';
import { ActivityEntry } from './customer';
import { LocaleTag, PublishableKey } from './primitives';

/** An opaque position in the activity history, as returned in `nextCursor`. */
export const ActivityCursor = z.string().check(z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+$/));

/** `GET /v1/activity`: the signed-in shopper's ledger, newest first. */
export const ActivityQuery = z.strictObject({
  shop: PublishableKey,
  locale: z.optional(LocaleTag),
  cursor: z.optional(ActivityCursor),
  /** Entries per page, 1–50. @default 20 */
  limit: z.optional(z.pipe(z.string().check(z.regex(/^([1-9]|[1-4][0-9]|50)$/, 'a whole number from 1 to 50')), z.transform(Number))),
});
export type ActivityQuery = z.infer<typeof ActivityQuery>;

export const ActivityPage = z.object({
  entries: z.array(ActivityEntry).check(z.maxLength(50)),
  /** Pass as `cursor` for the next (older) page; `null` on the last page. */
  nextCursor: z.nullable(ActivityCursor),
});
export type ActivityPage = z.infer<typeof ActivityPage>;
