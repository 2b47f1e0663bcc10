import { z } from 'zod/mini';
import { CustomerId, DisplayText, Timestamp } from './primitives';
import { QuestionId, SurveyAnswerValue, SurveyId } from './survey';

// The survey answers table: one row per answered question of a response, filtered, newest first.

const Score = z.string().check(z.regex(/^(\d|10)$/, 'a whole number from 0 to 10'));

export const SurveyAnswersQuery = z
  .strictObject({
    /** Only this question's answers. */
    questionId: z.optional(QuestionId),
    /** First day (UTC) the response was started on. */
    from: z.optional(z.iso.date()),
    /** Last day (UTC), included. */
    to: z.optional(z.iso.date()),
    /**
     * Only responses whose score is within `minScore`…`maxScore` (inclusive): the chosen question's
     * score when `questionId` names an NPS or CSAT question, otherwise the response's first NPS or
     * CSAT answer. Responses without a score are left out while either bound is set.
     */
    minScore: z.optional(Score),
    maxScore: z.optional(Score),
    /** Rows per page (a response's rows are never split across pages). @default 50 */
    limit: z.optional(z.string().check(z.regex(/^([1-9]|[1-9]\d|100)$/, 'a whole number from 1 to 100'))),
    cursor: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,300}$/))),
  })
  .check(
    z.superRefine((query, ctx) => {
      if (query.minScore !== undefined && query.maxScore !== undefined && Number(query.minScore) > Number(query.maxScore)) {
        ctx.addIssue({ code: 'custom', message: 'must not be below minScore', path: ['maxScore'], input: query });
      }
      if (query.from && query.to && query.to < query.from) ctx.addIssue({ code: 'custom', message: 'must not be before from', path: ['to'], input: query });
    }),
  );
export type SurveyAnswersQuery = z.infer<typeof SurveyAnswersQuery>;

export const SurveyAnswerRow = z.object({
  responseId: z.string(),
  questionId: QuestionId,
  questionType: z.enum(['nps', 'csat', 'single-choice', 'multiple-choice', 'text']),
  /** The question's prompt in the shop's default locale. */
  prompt: DisplayText,
  value: SurveyAnswerValue,
  /** The answer as a person reads it: the score, the chosen options' labels, the text. */
  display: z.string(),
  /** The shop's customer id; `null` for a guest. */
  customerId: z.nullable(CustomerId),
  status: z.enum(['partial', 'completed']),
  startedAt: Timestamp,
});
export type SurveyAnswerRow = z.infer<typeof SurveyAnswerRow>;

export const SurveyAnswersPage = z.object({
  surveyId: SurveyId,
  /** The survey's questions, for a question filter. */
  questions: z.array(z.object({ id: QuestionId, type: SurveyAnswerRow.shape.questionType, prompt: DisplayText })),
  rows: z.array(SurveyAnswerRow),
  nextCursor: z.nullable(z.string()),
});
export type SurveyAnswersPage = z.infer<typeof SurveyAnswersPage>;
