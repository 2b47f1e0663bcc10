import { z } from 'zod/mini';
import { ReferralPolicy } from './referrals';
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
    /**
     * Points on a reported order:
     * `points = floor(amount × pointsPerUnit × tier multiplier × campaign multiplier)`, where
     * `amount` is the order amount the shop reports (it decides whether shipping and tax count),
     * the tier multiplier is the shopper's tier when the order is reported (before the order
     * itself counts), and the campaign multiplier is the highest among campaigns running at the
     * order's `createdAt` (campaigns do not stack). Rounded down once, after all multipliers.
     * `orderPoints()` in this contract is the one implementation, shared with the widget.
     */
    z.object({ kind: z.literal('order'), id: Id, pointsPerUnit: z.number().check(z.positive(), z.maximum(1000)) }),
    /** Once per customer, when the shop reports the sign-up (`POST /v1/merchant/signups`). */
    z.object({ kind: z.literal('signup'), id: Id, points: NonNegativePoints }),
    /**
     * Once per calendar year (in the programme's `timeZone`): on the day the shopper enters their
     * birthday if it is that day, otherwise on the birthday itself (the daily `sadakat birthdays`
     * job). 29 February birthdays are celebrated on 28 February in other years.
     */
    z.object({ kind: z.literal('birthday'), id: Id, points: NonNegativePoints }),
    /** A claimable action (follow, subscribe…), once per customer, claimed from the widget. */
    z.object({ kind: z.literal('action'), id: Id, points: NonNegativePoints, label: text, url: z.optional(SafeUrl) }),
    /**
     * Advertises survey points in the Earn view. What a completed survey pays is set per survey
     * (`SurveyConfig.reward`, docs/surveys.md §4), credited by the surveys engine.
     */
    z.object({ kind: z.literal('survey'), id: Id, points: NonNegativePoints }),
    /** Once per review the shop reports (`POST /v1/merchant/reviews`). */
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
    /** Days an issued code stays valid; without it, codes do not expire. */
    validDays: z.optional(z.int().check(z.minimum(1), z.maximum(3650))),
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

  /** A special-day campaign: order points are multiplied while it runs (`startsAt` ≤ t < `endsAt`). */
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

/** A reward as the shop configured it (texts per locale); issued coupons keep a copy of it. */
export const RewardConfig = stored.Reward;
export type RewardConfig = z.infer<typeof RewardConfig>;

export const TierBasis = z.enum(['points_earned', 'amount_spent']);

/** An IANA time zone such as `Europe/Istanbul`, as the runtime's `Intl` knows it. */
export const TimeZone = z.string().check(
  z.maxLength(64),
  z.refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Istanbul'),
);

/** Kinds of earn rule a programme may hold at most once (actions are many, told apart by id). */
const SINGLE_RULE_KINDS = new Set(['order', 'signup', 'birthday', 'survey', 'review', 'referral']);

/** Programme configuration as a shop stores and edits it (server-to-server, secret key). */
export const ProgrammeConfig = z
  .strictObject({
    name: LocalizedText,
    currency: Currency,
    defaultLocale: z.enum(['tr', 'en']),
    /** The shop's calendar: which day is a shopper's birthday, when a year starts. @default 'UTC' */
    timeZone: z.optional(TimeZone),
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
    /** The referral programme's policy (friend's reward, hold period, fraud limits); README "Referrals". */
    referrals: z.optional(ReferralPolicy),
  })
  .check(
    // Rules across fields, each reported at the field to fix.
    z.superRefine((programme, ctx) => {
      const issue = (path: Array<string | number>, message: string) => ctx.addIssue({ code: 'custom', message, path, input: programme });
      const seen = (ids: string[], path: string) =>
        ids.forEach((id, index) => {
          if (ids.indexOf(id) !== index) issue([path, index, 'id'], `duplicate id ${id}`);
        });
      seen(programme.earnRules.map((rule) => rule.id), 'earnRules');
      seen(programme.rewards.map((reward) => reward.id), 'rewards');
      seen(programme.tiers.map((tier) => tier.id), 'tiers');
      seen(programme.campaigns.map((campaign) => campaign.id), 'campaigns');
      programme.earnRules.forEach((rule, index) => {
        if (SINGLE_RULE_KINDS.has(rule.kind) && programme.earnRules.findIndex((other) => other.kind === rule.kind) !== index) {
          issue(['earnRules', index, 'kind'], `only one ${rule.kind} rule is allowed`);
        }
      });
      programme.rewards.forEach((reward, index) => {
        if (reward.tierId && !programme.tiers.some((tier) => tier.id === reward.tierId)) issue(['rewards', index, 'tierId'], 'no tier has this id');
        if ((reward.kind === 'amount_off' || reward.kind === 'percent_off') && reward.value === undefined) {
          issue(['rewards', index, 'value'], `a ${reward.kind} reward needs a value`);
        }
        if (reward.kind === 'percent_off' && reward.value !== undefined && reward.value > 100) issue(['rewards', index, 'value'], 'at most 100 (%)');
      });
      // Two tiers at one threshold would leave the shopper's tier to list order.
      programme.tiers.forEach((tier, index) => {
        if (programme.tiers.findIndex((other) => other.threshold === tier.threshold) !== index) {
          issue(['tiers', index, 'threshold'], 'another tier has this threshold');
        }
      });
      programme.campaigns.forEach((campaign, index) => {
        if (Date.parse(campaign.endsAt) <= Date.parse(campaign.startsAt)) issue(['campaigns', index, 'endsAt'], 'must be after startsAt');
      });
    }),
  );
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
