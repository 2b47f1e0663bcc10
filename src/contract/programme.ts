import { z } from 'zod/mini';
import { Currency, DisplayText, Id, LocalizedText, MoneyAmount, NonNegativePoints, SafeUrl, Timestamp } from './primitives';

/**
 * The loyalty programme of one shop. The same shapes serve two audiences: the stored configuration
 * (shop-authored texts per locale, `LocalizedText`) and the storefront's boot payload (texts already
 * resolved for the shopper's locale, `DisplayText`). Building both from one factory keeps them from
 * drifting apart.
 */
function programmeShapes<Text extends z.ZodMiniType>(text: Text) {
  const TierRef = z.object({ id: Id, name: text });

  const EarnRule = z.discriminatedUnion('kind', [
    /** Points per whole currency unit spent on an order, rounded down after multipliers. */
    z.object({ kind: z.literal('order'), id: Id, pointsPerUnit: z.number().check(z.positive(), z.maximum(1000)) }),
    z.object({ kind: z.literal('signup'), id: Id, points: NonNegativePoints }),
    z.object({ kind: z.literal('birthday'), id: Id, points: NonNegativePoints }),
    z.object({ kind: z.literal('action'), id: Id, points: NonNegativePoints, label: text, url: z.optional(SafeUrl) }),
    z.object({ kind: z.literal('survey'), id: Id, points: NonNegativePoints }),
    z.object({ kind: z.literal('review'), id: Id, points: NonNegativePoints }),
    z.object({ kind: z.literal('referral'), id: Id, points: NonNegativePoints }),
  ]);

  const Reward = z.object({
    id: Id,
    kind: z.enum(['amount_off', 'percent_off', 'free_shipping', 'free_product']),
    name: text,
    cost: z.int().check(z.positive()),
    /** Amount off (currency) or percentage off; absent for free shipping and free products. */
    value: z.optional(z.number().check(z.positive(), z.maximum(100_000))),
    minOrder: z.optional(MoneyAmount),
    /** Only shoppers in this tier or above may redeem it. */
    tierId: z.optional(Id),
  });

  const Tier = z.object({
    id: Id,
    name: text,
    /** Points earned (or amount spent) over the rolling 12 months needed to reach the tier. */
    threshold: z.number().check(z.minimum(0)),
    multiplier: z.number().check(z.minimum(1), z.maximum(10)),
    earlyAccess: z.optional(z.boolean()),
    perks: z.optional(z.array(text).check(z.maxLength(10))),
  });

  const Campaign = z.object({
    id: Id,
    name: text,
    startsAt: Timestamp,
    endsAt: Timestamp,
    multiplier: z.number().check(z.minimum(1), z.maximum(10)),
  });

  return { TierRef, EarnRule, Reward, Tier, Campaign };
}

const stored = programmeShapes(LocalizedText);
const shown = programmeShapes(DisplayText);

export const TierBasis = z.enum(['points_earned', 'amount_spent']);

/** Programme configuration as a shop stores and edits it (server-to-server, secret key). */
export const ProgrammeConfig = z.strictObject({
  name: LocalizedText,
  currency: Currency,
  defaultLocale: z.enum(['tr', 'en']),
  joinUrl: z.optional(SafeUrl),
  signInUrl: z.optional(SafeUrl),
  tierBasis: TierBasis,
  earnRules: z.array(stored.EarnRule).check(z.maxLength(50)),
  rewards: z.array(stored.Reward).check(z.maxLength(100)),
  tiers: z.array(stored.Tier).check(z.maxLength(10)),
  campaigns: z.array(stored.Campaign).check(z.maxLength(50)),
  /**
   * At most one prompt (a survey or a loyalty nudge) per shopper every `days` days; 0 turns the
   * budget off. @default { days: 3 }
   */
  interruptionBudget: z.optional(z.strictObject({ days: z.int().check(z.minimum(0), z.maximum(365)) })),
});
export type ProgrammeConfig = z.infer<typeof ProgrammeConfig>;

/** The programme as the storefront sees it, texts resolved for one locale. */
export const PublicProgramme = z.object({
  name: DisplayText,
  currency: Currency,
  joinUrl: z.nullable(SafeUrl),
  signInUrl: z.nullable(SafeUrl),
  tierBasis: TierBasis,
  earnRules: z.array(shown.EarnRule),
  rewards: z.array(shown.Reward),
  tiers: z.array(shown.Tier),
  /** Campaigns running now (e.g. double points for the New Year). */
  campaigns: z.array(shown.Campaign),
});
export type PublicProgramme = z.infer<typeof PublicProgramme>;
export type EarnRule = z.infer<typeof shown.EarnRule>;
export type Reward = z.infer<typeof shown.Reward>;
export type Tier = z.infer<typeof shown.Tier>;
export const TierRef = shown.TierRef;
export type TierRef = z.infer<typeof TierRef>;
