import type { SurveyAnswerValue, SurveyCondition, SurveyQuestionType } from './survey';

// Branching, written once: the widget runs it to pick the next step, the server runs it to know
// which questions a completed response actually went through (required ones must be answered,
// answers left behind on an abandoned branch are dropped). Pure functions over plain data, no
// imports beyond types, so it is as browser-safe as the schemas next to it.

/** The part of a question branching needs; stored and shown surveys both have it. */
export interface BranchingQuestion {
  id: string;
  type: SurveyQuestionType;
  required: boolean;
  logic?: ReadonlyArray<{ when?: SurveyCondition; goTo: string }> | undefined;
}

/** Answers by question id. A `Map`, so ids such as `constructor` can never hit a prototype. */
export type SurveyAnswerMap = ReadonlyMap<string, Exclude<SurveyAnswerValue, null>>;

/** Does `condition` hold for these answers? A question without an answer never matches. */
export function conditionHolds(condition: SurveyCondition, answers: SurveyAnswerMap): boolean {
  const answer = answers.get(condition.questionId);
  if (answer === undefined) return false;
  const wanted: ReadonlyArray<number | string> = condition.op === 'in' ? condition.value : [condition.value];
  if (typeof answer === 'number') {
    if (condition.op === 'lte') return answer <= condition.value;
    if (condition.op === 'gte') return answer >= condition.value;
    return wanted.includes(answer);
  }
  if (condition.op === 'lte' || condition.op === 'gte') return false;
  if (Array.isArray(answer)) return wanted.some((value) => typeof value === 'string' && answer.includes(value));
  return wanted.includes(answer);
}

/**
 * Where to go after `questionId`: the first matching rule's target, else the next question, else
 * `thanks`. Returns a question id, `thanks` or `end`.
 */
export function nextStep(questions: ReadonlyArray<BranchingQuestion>, questionId: string, answers: SurveyAnswerMap): string {
  const index = questions.findIndex((q) => q.id === questionId);
  const question = questions[index];
  if (!question) return 'end';
  for (const rule of question.logic ?? []) {
    if (!rule.when || conditionHolds(rule.when, answers)) return rule.goTo;
  }
  return questions[index + 1]?.id ?? 'thanks';
}

/**
 * The questions a shopper with these answers walks through, in order, and how the survey ends.
 * Branches only go forward, so the walk always ends.
 */
export function surveyPath(questions: ReadonlyArray<BranchingQuestion>, answers: SurveyAnswerMap): { questionIds: string[]; ending: 'thanks' | 'end' } {
  const questionIds: string[] = [];
  let step = questions[0]?.id ?? 'thanks';
  while (step !== 'thanks' && step !== 'end') {
    if (questionIds.includes(step) || !questions.some((q) => q.id === step)) return { questionIds, ending: 'end' };
    questionIds.push(step);
    step = nextStep(questions, step, answers);
  }
  return { questionIds, ending: step };
}
