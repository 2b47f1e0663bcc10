import { z } from 'zod/mini';
import { DisplayText, LocaleTag, Timestamp } from './primitives';
import { OptionId, QuestionId, SurveyId } from './survey';

// What the merchant reads about a survey (results API and CSV export query).

/** `2026-11-01` (a whole UTC day) or a full ISO timestamp. */
const DateOrTimestamp = z.union([z.iso.date(), Timestamp]);

export const SurveyResultsQuery = z.strictObject({
  /** Responses started at or after this instant (a date means 00:00 UTC that day). */
  from: z.optional(DateOrTimestamp),
  /** Responses started before this instant (a date includes that whole day). */
  to: z.optional(DateOrTimestamp),
  /** Count answers from every response (default), or from completed ones only. */
  status: z.optional(z.enum(['all', 'completed'])),
  /** Free-text answers per page (responses with text). @default 20 */
  limit: z.optional(z.string().check(z.regex(/^([1-9]|[1-9]\d|100)$/))),
  /** `nextCursor` from the previous page of free-text answers. */
  cursor: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,200}$/))),
});
export type SurveyResultsQuery = z.infer<typeof SurveyResultsQuery>;

export const SurveyExportQuery = z.strictObject({
  from: z.optional(DateOrTimestamp),
  to: z.optional(DateOrTimestamp),
  status: z.optional(z.enum(['all', 'completed'])),
});

const Share = z.number().check(z.minimum(0), z.maximum(1));
const Count = z.int().check(z.minimum(0));

export const QuestionResult = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('nps'),
    questionId: QuestionId,
    prompt: DisplayText,
    answers: Count,
    promoters: Count,
    passives: Count,
    detractors: Count,
    /** Promoters (9–10) minus detractors (0–6), as a percentage of NPS answers, −100…100, one decimal. */
    score: z.nullable(z.number().check(z.minimum(-100), z.maximum(100))),
    /** Answers per score, index 0–10. */
    distribution: z.array(Count).check(z.length(11)),
  }),
  z.object({
    type: z.literal('csat'),
    questionId: QuestionId,
    prompt: DisplayText,
    answers: Count,
    average: z.nullable(z.number().check(z.minimum(1), z.maximum(5))),
    /** Share of answers that are 4 or 5 ("satisfied"). */
    satisfied: z.nullable(Share),
    /** Answers per score, index 0 = score 1 … index 4 = score 5. */
    distribution: z.array(Count).check(z.length(5)),
  }),
  z.object({
    type: z.enum(['single-choice', 'multiple-choice']),
    questionId: QuestionId,
    prompt: DisplayText,
    answers: Count,
    /** Per option: how many answers picked it, and that as a share of the question's answers. */
    options: z.array(z.object({ optionId: OptionId, label: DisplayText, count: Count, share: Share })),
  }),
  z.object({ type: z.literal('text'), questionId: QuestionId, prompt: DisplayText, answers: Count }),
]);
export type QuestionResult = z.infer<typeof QuestionResult>;

export const SurveyResults = z.object({
  surveyId: SurveyId,
  version: z.int(),
  title: DisplayText,
  from: z.nullable(Timestamp),
  to: z.nullable(Timestamp),
  /** Times the widget reported the survey shown, and dismissed. */
  impressions: Count,
  dismissals: Count,
  responses: z.object({ started: Count, partial: Count, completed: Count }),
  /** Completed ÷ shown; `null` when no impression was recorded. May exceed 1 if impressions were lost. */
  responseRate: z.nullable(z.number().check(z.minimum(0))),
  /** Completed ÷ started. */
  completionRate: z.nullable(Share),
  questions: z.array(QuestionResult),
  /** Free-text answers, newest response first, one page at a time. */
  textAnswers: z.object({
    items: z.array(
      z.object({ responseId: z.uuid(), questionId: QuestionId, value: z.string(), locale: LocaleTag, status: z.enum(['partial', 'completed']), createdAt: Timestamp }),
    ),
    nextCursor: z.nullable(z.string()),
  }),
});
export type SurveyResults = z.infer<typeof SurveyResults>;
