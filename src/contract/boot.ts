import { z } from 'zod/mini';
import { CustomerSnapshot } from './customer';
import { Id, LocaleTag, PublishableKey } from './primitives';
import { PublicProgramme } from './programme';

export const BootQuery = z.strictObject({
  shop: PublishableKey,
  locale: z.optional(LocaleTag),
});
export type BootQuery = z.infer<typeof BootQuery>;

/** Everything a page view needs: the programme and, for a signed-in shopper, their snapshot. */
export const BootResponse = z.object({
  shop: z.object({ id: Id, name: z.string().check(z.maxLength(200)) }),
  /** The locale the texts were resolved for. */
  locale: LocaleTag,
  programme: PublicProgramme,
  customer: z.nullable(CustomerSnapshot),
});
export type BootResponse = z.infer<typeof BootResponse>;
