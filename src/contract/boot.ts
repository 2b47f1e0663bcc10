import { z } from 'zod/mini';
import { CustomerSnapshot } from './customer';
import { Id, LocaleTag, PublishableKey } from './primitives';
import { PublicProgramme } from './programme';
import { InterruptionBudget, SurveyPrompt } from './survey';

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
  /**
   * Surveys this visitor may be asked now, texts in `locale`. For signed-in shoppers the server has
   * already applied frequency, recontact and budget; for guests the widget applies them locally.
   * An entry this client cannot read (a newer question type, say) parses as `null`: skip it.
   * Optional, so clients older than surveys still parse the payload.
   */
  surveys: z.optional(z.array(z.catch(z.nullable(SurveyPrompt), null)).check(z.maxLength(50))),
  /** The shop's shared prompt budget across surveys and loyalty nudges. */
  interruptionBudget: z.optional(InterruptionBudget),
});
export type BootResponse = z.infer<typeof BootResponse>;
