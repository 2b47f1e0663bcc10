import { z } from 'zod/mini';
import { DisplayText, LocaleTag, Points, SafeUrl, Timestamp } from './primitives';

// Feedback surveys: the shop's configuration (stored, texts per locale), what the widget receives
// at boot (texts resolved), what it sends back (responses, impressions, dismissals) and what the
// merchant reads (results). One factory builds the stored and the shown shapes so they never drift.

/** Ids the merchant picks for surveys, questions and options: short lowercase slugs, stable across edits. */
export const SurveyId = z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/));
export const QuestionId = z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,39}$/));
export const OptionId = QuestionId;

/** Where a branch may go: a later question, the thank-you step, or straight out (`end`, no thank-you). */
export const SURVEY_ENDINGS = ['thanks', 'end'] as const;
export const BranchTarget = QuestionId;

/** The shop's order reference (the same string the shop reports orders with). */
export const OrderRef = z.string().check(z.minLength(1), z.maxLength(100), z.regex(/^[\x21-\x7e]+$/));

export const SurveyQuestionType = z.enum(['nps', 'csat', 'single-choice', 'multiple-choice', 'text']);
export type SurveyQuestionType = z.infer<typeof SurveyQuestionType>;

/** Fixed scales: NPS 0–10, CSAT 1–5. */
export const NPS_RANGE = { min: 0, max: 10 } as const;
export const CSAT_RANGE = { min: 1, max: 5 } as const;

/**
 * A branching condition on an answer given earlier (or on the question just answered):
 * - `lte` / `gte`: NPS and CSAT only (`{ questionId: 'nps', op: 'lte', value: 6 }`);
 * - `eq`: a score, or an option id (for multiple choice: "the option is among those picked");
 * - `in`: any of several scores or option ids.
 * An unanswered (skipped) question never matches.
 */
export const SurveyCondition = z.discriminatedUnion('op', [
  z.strictObject({ questionId: QuestionId, op: z.literal('lte'), value: z.int() }),
  z.strictObject({ questionId: QuestionId, op: z.literal('gte'), value: z.int() }),
  z.strictObject({ questionId: QuestionId, op: z.literal('eq'), value: z.union([z.int(), OptionId]) }),
  z.strictObject({
    questionId: QuestionId,
    op: z.literal('in'),
    value: z.array(z.union([z.int(), OptionId])).check(z.minLength(1), z.maxLength(20)),
  }),
]);
export type SurveyCondition = z.infer<typeof SurveyCondition>;

/**
 * One branching rule on a question, evaluated when the shopper leaves that question: the first rule
 * whose `when` holds (or that has no `when`) decides the next step; with none, the next question in
 * order (or the thank-you step after the last). Branches only go forward, so a survey cannot loop.
 */
export const SurveyRule = z.strictObject({ when: z.optional(SurveyCondition), goTo: BranchTarget });
export type SurveyRule = z.infer<typeof SurveyRule>;

export const SurveyTrigger = z.discriminatedUnion('kind', [
  /** The thank-you page calls `Sadakat.showSurvey('post-purchase', { orderId })`. */
  z.strictObject({ kind: z.literal('post-purchase') }),
  /** After the shopper's N-th page view (counted by the widget, per browser). */
  z.strictObject({ kind: z.literal('page-views'), count: z.int().check(z.minimum(1), z.maximum(100)), pathPrefixes: z.optional(z.array(z.string().check(z.regex(/^\/[^\s]{0,200}$/))).check(z.maxLength(20))) }),
  /** After `seconds` on one page. */
  z.strictObject({ kind: z.literal('delay'), seconds: z.int().check(z.minimum(1), z.maximum(3600)), pathPrefixes: z.optional(z.array(z.string().check(z.regex(/^\/[^\s]{0,200}$/))).check(z.maxLength(20))) }),
  /** When the pointer leaves the viewport towards the browser chrome (desktop only). */
  z.strictObject({ kind: z.literal('exit-intent'), pathPrefixes: z.optional(z.array(z.string().check(z.regex(/^\/[^\s]{0,200}$/))).check(z.maxLength(20))) }),
  /** Only when the page calls `Sadakat.showSurvey(surveyId)`. */
  z.strictObject({ kind: z.literal('manual') }),
]);
export type SurveyTrigger = z.infer<typeof SurveyTrigger>;

export const SurveyAudience = z.enum(['everyone', 'signed-in']);

/**
 * How often one shopper is asked:
 * - `once-per-customer`: never again once completed; after it was shown or dismissed, not again for
 *   `recontactDays` days;
 * - `once-per-order` (post-purchase only): each order is asked at most once (completed or dismissed
 *   closes it), and not more often than every `recontactDays` days across orders.
 */
export const SurveyFrequency = z.strictObject({
  mode: z.enum(['once-per-customer', 'once-per-order']),
  recontactDays: z.int().check(z.minimum(0), z.maximum(3650)),
});
export type SurveyFrequency = z.infer<typeof SurveyFrequency>;

/** Widget views a thank-you button may open. */
export const SurveyCtaView = z.enum(['home', 'earn', 'rewards', 'referral', 'activity']);


/** Builds the object schemas: strict for the stored configuration, tolerant of new fields in responses. */
export function surveyShapes<Text extends z.ZodMiniType>(text: Text, strict: boolean) {
  const object = <S extends z.core.$ZodLooseShape>(shape: S) => (strict ? z.strictObject(shape) : z.object(shape));
  const base = {
    id: QuestionId,
    prompt: text,
    /** A second line under the prompt. */
    description: z.optional(text),
    required: z.boolean(),
    logic: z.optional(z.array(SurveyRule).check(z.maxLength(10))),
  };
  const Option = object({ id: OptionId, label: text });
  const options = z.array(Option).check(z.minLength(2), z.maxLength(12));

  const Question = z.discriminatedUnion('type', [
    /** 0–10, "How likely are you to recommend us?"; labels under both ends. */
    object({ ...base, type: z.literal('nps'), lowLabel: z.optional(text), highLabel: z.optional(text) }),
    /** 1–5 satisfaction, shown as stars or faces. */
    object({ ...base, type: z.literal('csat'), display: z.enum(['stars', 'faces']), lowLabel: z.optional(text), highLabel: z.optional(text) }),
    object({ ...base, type: z.literal('single-choice'), options }),
    object({
      ...base,
      type: z.literal('multiple-choice'),
      options,
      /** @default 1 */
      minSelected: z.optional(z.int().check(z.minimum(1), z.maximum(12))),
      /** @default the number of options */
      maxSelected: z.optional(z.int().check(z.minimum(1), z.maximum(12))),
    }),
    /** Free text, at most `maxLength` characters (Unicode code points). */
    object({ ...base, type: z.literal('text'), maxLength: z.int().check(z.minimum(1), z.maximum(2000)), placeholder: z.optional(text), multiline: z.optional(z.boolean()) }),
  ]);

  /** A button on the thank-you step, shown only when `when` holds (e.g. promoters → the referral view). */
  const Cta = z.discriminatedUnion('kind', [
    object({ kind: z.literal('view'), view: SurveyCtaView, label: text, text: z.optional(text), when: z.optional(SurveyCondition) }),
    object({ kind: z.literal('link'), url: SafeUrl, label: text, text: z.optional(text), when: z.optional(SurveyCondition) }),
  ]);
  const ThankYou = object({ title: text, body: z.optional(text), cta: z.optional(Cta) });
  return { Option, Question, Cta, ThankYou };
}

const shown = surveyShapes(DisplayText, false);

// ---------------------------------------------------------------------------------------------
// Boot: the surveys due for this visitor, texts resolved.

export const SurveyQuestion = shown.Question;
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;
export const SurveyThankYou = shown.ThankYou;
export type SurveyThankYou = z.infer<typeof SurveyThankYou>;

/** A survey as the widget receives it: everything it needs to trigger, render, branch and count. */
export const SurveyPrompt = z.object({
  id: SurveyId,
  /** Bumped on every edit; a response records the version it was answered against. */
  version: z.int().check(z.minimum(1)),
  title: DisplayText,
  trigger: SurveyTrigger,
  audience: SurveyAudience,
  /** For guests the widget applies this itself (locally); for signed-in shoppers the server already did. */
  frequency: SurveyFrequency,
  bypassInterruptionBudget: z.boolean(),
  /** Points for completing it (signed-in shoppers only); `null` when it earns none. */
  rewardPoints: z.nullable(z.int().check(z.positive())),
  questions: z.array(SurveyQuestion).check(z.minLength(1), z.maxLength(20)),
  thankYou: SurveyThankYou,
  /** Signed-in, `once-per-order`: orders already answered or dismissed; the widget skips them. */
  closedOrderIds: z.optional(z.array(OrderRef).check(z.maxLength(50))),
});
export type SurveyPrompt = z.infer<typeof SurveyPrompt>;

/**
 * The shop's shared "don't pester the shopper" budget: at most one prompt (a survey or a loyalty
 * nudge) every `days` days. `lastPromptAt` is the last survey shown to this signed-in shopper on any
 * device (`null` for guests); the widget combines it with what it showed in this browser.
 */
export const InterruptionBudget = z.object({
  days: z.int().check(z.minimum(0)),
  lastPromptAt: z.nullable(Timestamp),
});
export type InterruptionBudget = z.infer<typeof InterruptionBudget>;

// ---------------------------------------------------------------------------------------------
// Responses, impressions and dismissals (storefront).

/**
 * Free text as shoppers type it: any Unicode except control characters other than tab, line feed
 * and carriage return (NUL, escape sequences, C1 controls) and unpaired surrogates. Markup is just
 * text: it is stored verbatim and always displayed as text.
 */
export const SurveyTextValue = z.string().check(
  z.maxLength(5000),
  // eslint-disable-next-line no-control-regex
  z.refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(value), 'control characters are not allowed'),
  z.refine((value) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value), 'contains an unpaired surrogate'),
);

/** A score (NPS, CSAT), an option id or a text, several option ids, or `null` to clear an earlier answer. */
export const SurveyAnswerValue = z.union([z.int(), SurveyTextValue, z.array(OptionId).check(z.maxLength(12)), z.null()]);
export type SurveyAnswerValue = z.infer<typeof SurveyAnswerValue>;

export const SurveyAnswer = z.strictObject({ questionId: QuestionId, value: SurveyAnswerValue });
export type SurveyAnswer = z.infer<typeof SurveyAnswer>;

/** A customer token may travel in the body, since `navigator.sendBeacon` cannot set headers. */
const BodyCustomerToken = z.string().check(z.minLength(1), z.maxLength(4096));

/**
 * One save of a response: the first creates it, later ones (same `responseId`) add or change
 * answers until `completed`. Sent as JSON, or as `text/plain` JSON by `navigator.sendBeacon`.
 */
export const SurveyResponseRequest = z.strictObject({
  /** A UUID the widget generates when the shopper starts the survey and reuses for every delivery. */
  responseId: z.uuid(),
  surveyId: SurveyId,
  /** The order a post-purchase survey is about; required for `once-per-order` surveys. */
  orderId: z.optional(OrderRef),
  answers: z.array(SurveyAnswer).check(z.maxLength(20)),
  completed: z.boolean(),
  locale: LocaleTag,
  /**
   * A counter the widget increases with every save of this response. A save that arrives late
   * (lower than one already applied) only fills answers that are still missing. @default 0
   */
  sequence: z.optional(z.int().check(z.minimum(0), z.maximum(1_000_000))),
  /** For beacons; when an Authorization header is sent too, both must carry the same token. */
  customerToken: z.optional(BodyCustomerToken),
});
export type SurveyResponseRequest = z.infer<typeof SurveyResponseRequest>;

export const SurveyResponseAck = z.object({
  responseId: z.uuid(),
  surveyId: SurveyId,
  status: z.enum(['partial', 'completed']),
  /**
   * Points for completing: `credited` now, or `pending` until the shop reports the order this
   * post-purchase survey is about. `null` when the survey earns nothing for this shopper.
   */
  reward: z.nullable(z.object({ points: z.int().check(z.positive()), status: z.enum(['credited', 'pending']) })),
  /** The signed-in shopper's balance after this save; `null` for guests. */
  balance: z.nullable(Points),
});
export type SurveyResponseAck = z.infer<typeof SurveyResponseAck>;

/** A survey shown (impression) or dismissed; both count against the frequency rules. */
export const SurveyEventRequest = z.strictObject({
  /** A UUID per event, so a retried or beaconed delivery counts once. */
  eventId: z.uuid(),
  surveyId: SurveyId,
  orderId: z.optional(OrderRef),
  customerToken: z.optional(BodyCustomerToken),
});
export type SurveyEventRequest = z.infer<typeof SurveyEventRequest>;

export const SurveyEventAck = z.object({
  eventId: z.uuid(),
  /** `false` when this was a repeated delivery of an event already recorded. */
  recorded: z.boolean(),
});
export type SurveyEventAck = z.infer<typeof SurveyEventAck>;
