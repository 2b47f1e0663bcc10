import { z } from 'zod/mini';
import { LocalizedText, Timestamp } from './primitives';
import {
  CSAT_RANGE,
  NPS_RANGE,
  SURVEY_ENDINGS,
  SurveyAudience,
  SurveyCondition,
  SurveyFrequency,
  SurveyId,
  SurveyTrigger,
  surveyShapes,
} from './survey';

// A survey as the shop configures it (server-to-server, secret key), with every cross-field check.
// Kept apart from survey.ts so the widget's bundle, which needs only what boot sends and what it
// posts back, never carries the configuration checks.

/** Every shop-authored survey text needs at least one locale. */
const SurveyText = LocalizedText.check(z.refine((text) => Object.keys(text).length > 0, 'needs a text in at least one locale'));

const stored = surveyShapes(SurveyText, true);

type LogicQuestion = z.infer<typeof stored.Question>;

function checkCondition(
  condition: SurveyCondition,
  path: Array<string | number>,
  questions: LogicQuestion[],
  upTo: number,
  issue: (path: Array<string | number>, message: string) => void,
) {
  const index = questions.findIndex((q) => q.id === condition.questionId);
  const question = questions[index];
  if (!question) return issue([...path, 'questionId'], `unknown question "${condition.questionId}"`);
  if (index > upTo) return issue([...path, 'questionId'], 'a condition may only look at this question or an earlier one');
  const values = condition.op === 'in' ? condition.value : [condition.value];
  if (question.type === 'text') return issue([...path, 'questionId'], 'free-text answers cannot be branched on');
  if (question.type === 'nps' || question.type === 'csat') {
    const range = question.type === 'nps' ? NPS_RANGE : CSAT_RANGE;
    values.forEach((value, i) => {
      if (typeof value !== 'number' || value < range.min || value > range.max) {
        issue(condition.op === 'in' ? [...path, 'value', i] : [...path, 'value'], `must be a whole number from ${range.min} to ${range.max}`);
      }
    });
    return;
  }
  if (condition.op === 'lte' || condition.op === 'gte') return issue([...path, 'op'], `"${condition.op}" only applies to NPS and CSAT questions`);
  const known = new Set(question.options.map((o) => o.id));
  values.forEach((value, i) => {
    if (typeof value !== 'string' || !known.has(value)) {
      issue(condition.op === 'in' ? [...path, 'value', i] : [...path, 'value'], `not an option of "${question.id}"`);
    }
  });
}

/** Everything a field-by-field schema cannot see: ids, branch targets, conditions, trigger/frequency pairs. */
function checkSurvey(survey: z.infer<typeof SurveyConfigShape>, ctx: z.core.$RefinementCtx<z.infer<typeof SurveyConfigShape>>) {
  const issue = (path: Array<string | number>, message: string) => ctx.addIssue({ code: 'custom', message, path, input: survey });
  const { questions } = survey;
  const seen = new Set<string>();
  questions.forEach((question, index) => {
    if ((SURVEY_ENDINGS as readonly string[]).includes(question.id)) issue(['questions', index, 'id'], `"${question.id}" is reserved for endings`);
    if (seen.has(question.id)) issue(['questions', index, 'id'], `duplicate question id "${question.id}"`);
    seen.add(question.id);
    if (question.type === 'single-choice' || question.type === 'multiple-choice') {
      const optionIds = new Set<string>();
      question.options.forEach((option, o) => {
        if (optionIds.has(option.id)) issue(['questions', index, 'options', o, 'id'], `duplicate option id "${option.id}"`);
        optionIds.add(option.id);
      });
    }
    if (question.type === 'multiple-choice') {
      const min = question.minSelected ?? 1;
      const max = question.maxSelected ?? question.options.length;
      if (max > question.options.length) issue(['questions', index, 'maxSelected'], 'more than there are options');
      if (min > max) issue(['questions', index, 'minSelected'], 'greater than maxSelected');
    }
    question.logic?.forEach((rule, r) => {
      const path = ['questions', index, 'logic', r];
      if (rule.when) checkCondition(rule.when, [...path, 'when'], questions, index, issue);
      if ((SURVEY_ENDINGS as readonly string[]).includes(rule.goTo)) return;
      const target = questions.findIndex((q) => q.id === rule.goTo);
      if (target === -1) issue([...path, 'goTo'], `unknown question "${rule.goTo}" (or use "thanks" / "end")`);
      else if (target <= index) issue([...path, 'goTo'], 'branches may only go forward, to a later question');
    });
  });
  const cta = survey.thankYou.cta;
  if (cta?.when) checkCondition(cta.when, ['thankYou', 'cta', 'when'], questions, questions.length - 1, issue);
  if (survey.frequency.mode === 'once-per-order' && survey.trigger.kind !== 'post-purchase') {
    issue(['frequency', 'mode'], '"once-per-order" needs the post-purchase trigger');
  }
}

const SurveyConfigShape = z.strictObject({
  id: SurveyId,
  /** Paused surveys are not offered; answers already in flight are still accepted. @default true */
  active: z._default(z.boolean(), true),
  /** Heading of the survey card, and the survey's name in results. */
  title: SurveyText,
  trigger: SurveyTrigger,
  /** `signed-in`: only shoppers with a customer token are asked (and may answer). */
  audience: SurveyAudience,
  frequency: SurveyFrequency,
  /**
   * Shown even when the shop's interruption budget is spent (a shown survey still spends it).
   * @default false
   */
  bypassInterruptionBudget: z._default(z.boolean(), false),
  /** Points for a completed survey: once per survey per customer (per order for `once-per-order`). */
  reward: z.optional(z.strictObject({ points: z.int().check(z.minimum(1), z.maximum(100_000)) })),
  questions: z.array(stored.Question).check(z.minLength(1), z.maxLength(20)),
  thankYou: stored.ThankYou,
});

/** A survey as the shop configures it (server-to-server, secret key). Validated strictly, with field-named errors. */
export const SurveyConfig = SurveyConfigShape.check(z.superRefine(checkSurvey));
export type SurveyConfig = z.infer<typeof SurveyConfig>;
/** What a merchant may send (defaults not yet applied). */
export type SurveyConfigInput = z.input<typeof SurveyConfig>;
export type SurveyQuestionConfig = z.infer<typeof stored.Question>;

// ---------------------------------------------------------------------------------------------
// Merchant routes.

export const SurveyIdParams = z.strictObject({ surveyId: SurveyId });

export const MerchantSurvey = z.object({
  survey: SurveyConfigShape,
  version: z.int().check(z.minimum(1)),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type MerchantSurvey = z.infer<typeof MerchantSurvey>;

export const MerchantSurveyList = z.object({ surveys: z.array(MerchantSurvey) });
export type MerchantSurveyList = z.infer<typeof MerchantSurveyList>;

