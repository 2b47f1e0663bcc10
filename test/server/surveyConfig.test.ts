import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MerchantSurvey, MerchantSurveyList, SurveyConfig, surveyPath, conditionHolds, nextStep, type SurveyConfigInput } from '../../src/contract';
import { demoCsatSurvey, demoNpsSurvey } from '../../src/server/seed/demoSurveys';
import { errorCode, errorFields, surveyClient, testSurvey } from '../support/surveys';
import { createTestBackend, type TestBackend } from '../support/testBackend';

let backend: TestBackend;
let api: ReturnType<typeof surveyClient>;
beforeAll(async () => {
  backend = await createTestBackend();
  api = surveyClient(backend);
});
afterAll(() => backend.close());

const questions = (survey: SurveyConfigInput) => structuredClone(survey.questions);

async function put(survey: unknown, id = (survey as { id: string }).id) {
  const response = await api.merchant('PUT', `/v1/merchant/surveys/${id}`, { body: survey });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function surveyIds() {
  const response = await api.merchant('GET', '/v1/merchant/surveys');
  return MerchantSurveyList.parse(await response.json()).surveys.map((s) => `${s.survey.id}@${s.version}`);
}

describe('survey configuration', () => {
  it('accepts the demo surveys', () => {
    expect(SurveyConfig.safeParse(demoNpsSurvey).success).toBe(true);
    expect(SurveyConfig.safeParse(demoCsatSurvey).success).toBe(true);
  });

  it('saves a survey through the merchant API and bumps its version on every save', async () => {
    const survey = testSurvey();
    const first = await put(survey);
    expect(first.status).toBe(200);
    expect(MerchantSurvey.parse(first.body)).toMatchObject({ version: 1, survey: { id: survey.id, active: true, bypassInterruptionBudget: false } });
    const second = await put({ ...survey, active: false });
    expect(MerchantSurvey.parse(second.body)).toMatchObject({ version: 2, survey: { active: false } });
    expect(await surveyIds()).toContain(`${survey.id}@2`);
  });

  const bad: Array<[string, (s: SurveyConfigInput) => unknown, string]> = [
    ['a duplicate question id', (s) => ({ ...s, questions: [...questions(s), { ...questions(s)[1]!, logic: [] }] }), 'questions.3.id'],
    ['a branch to an unknown question', (s) => ({ ...s, questions: questions(s).map((q, i) => (i === 0 ? { ...q, logic: [{ goTo: 'nowhere' }] } : q)) }), 'questions.0.logic.0.goTo'],
    ['a branch backwards (a loop)', (s) => ({ ...s, questions: questions(s).map((q, i) => (i === 2 ? { ...q, logic: [{ goTo: 'nps' }] } : q)) }), 'questions.2.logic.0.goTo'],
    ['a branch to itself', (s) => ({ ...s, questions: questions(s).map((q, i) => (i === 1 ? { ...q, logic: [{ goTo: 'why' }] } : q)) }), 'questions.1.logic.0.goTo'],
    [
      'a condition on a later question',
      (s) => ({ ...s, questions: questions(s).map((q, i) => (i === 0 ? { ...q, logic: [{ when: { questionId: 'improve', op: 'eq', value: 1 }, goTo: 'improve' }] } : q)) }),
      'questions.0.logic.0.when.questionId',
    ],
    [
      'an NPS condition outside 0–10',
      (s) => ({ ...s, questions: questions(s).map((q, i) => (i === 0 ? { ...q, logic: [{ when: { questionId: 'nps', op: 'gte', value: 11 }, goTo: 'thanks' }] } : q)) }),
      'questions.0.logic.0.when.value',
    ],
    [
      'a condition on a free-text answer',
      (s) => ({ ...s, questions: questions(s).map((q, i) => (i === 1 ? { ...q, logic: [{ when: { questionId: 'why', op: 'eq', value: 'x' }, goTo: 'thanks' }] } : q)) }),
      'questions.1.logic.0.when.questionId',
    ],
    ['NPS with options', (s) => ({ ...s, questions: questions(s).map((q, i) => (i === 0 ? { ...q, options: [{ id: 'a', label: { tr: 'A' } }] } : q)) }), 'questions.0.options'],
    ['a CSAT with an unknown display', (s) => ({ ...s, questions: [{ id: 'c', type: 'csat', display: 'hearts', required: true, prompt: { tr: 'x' } }] }), 'questions.0.display'],
    ['a reserved question id', (s) => ({ ...s, questions: [{ id: 'thanks', type: 'nps', required: true, prompt: { tr: 'x' } }] }), 'questions.0.id'],
    ['once-per-order without the post-purchase trigger', (s) => ({ ...s, frequency: { mode: 'once-per-order', recontactDays: 0 } }), 'frequency.mode'],
    ['a text without the shop default locale', (s) => ({ ...s, title: { en: 'Only English' } }), 'title'],
    ['an empty text', (s) => ({ ...s, thankYou: { title: {} } }), 'thankYou.title'],
    ['no questions', (s) => ({ ...s, questions: [] }), 'questions'],
    ['a free text longer than 2000', (s) => ({ ...s, questions: [{ id: 't', type: 'text', required: false, maxLength: 5000, prompt: { tr: 'x' } }] }), 'questions.0.maxLength'],
    [
      'a choice condition on an unknown option',
      (s) => ({
        ...s,
        questions: [
          { id: 'c', type: 'single-choice', required: true, prompt: { tr: 'x' }, options: [{ id: 'a', label: { tr: 'A' } }, { id: 'b', label: { tr: 'B' } }], logic: [{ when: { questionId: 'c', op: 'in', value: ['a', 'z'] }, goTo: 'end' }] },
        ],
      }),
      'questions.0.logic.0.when.value.1',
    ],
    [
      'lte on a choice question',
      (s) => ({
        ...s,
        questions: [
          { id: 'c', type: 'single-choice', required: true, prompt: { tr: 'x' }, options: [{ id: 'a', label: { tr: 'A' } }, { id: 'b', label: { tr: 'B' } }], logic: [{ when: { questionId: 'c', op: 'lte', value: 1 }, goTo: 'end' }] },
        ],
      }),
      'questions.0.logic.0.when.op',
    ],
    [
      'duplicate option ids',
      (s) => ({ ...s, questions: [{ id: 'c', type: 'single-choice', required: true, prompt: { tr: 'x' }, options: [{ id: 'a', label: { tr: 'A' } }, { id: 'a', label: { tr: 'B' } }] }] }),
      'questions.0.options.1.id',
    ],
    [
      'minSelected above maxSelected',
      (s) => ({
        ...s,
        questions: [{ id: 'm', type: 'multiple-choice', required: true, prompt: { tr: 'x' }, minSelected: 3, maxSelected: 2, options: [{ id: 'a', label: { tr: 'A' } }, { id: 'b', label: { tr: 'B' } }, { id: 'c', label: { tr: 'C' } }] }],
      }),
      'questions.0.minSelected',
    ],
    ['a thank-you button on an unknown question', (s) => ({ ...s, thankYou: { title: { tr: 'x' }, cta: { kind: 'view', view: 'referral', label: { tr: 'x' }, when: { questionId: 'ghost', op: 'gte', value: 9 } } } }), 'thankYou.cta.when.questionId'],
    ['a thank-you link that is not https', (s) => ({ ...s, thankYou: { title: { tr: 'x' }, cta: { kind: 'link', url: 'javascript:alert(1)', label: { tr: 'x' } } } }), 'thankYou.cta.url'],
    ['an unknown view', (s) => ({ ...s, thankYou: { title: { tr: 'x' }, cta: { kind: 'view', view: 'admin', label: { tr: 'x' } } } }), 'thankYou.cta.view'],
    ['an unknown key', (s) => ({ ...s, colour: 'red' }), 'colour'],
    ['an id that is not a slug', (s) => ({ ...s, id: 'Bad Id!' }), 'id'],
  ];

  it.each(bad)('refuses %s, names the field and stores nothing', async (_name, mutate, path) => {
    const survey = testSurvey();
    const before = await surveyIds();
    const body = mutate(survey) as { id: string };
    const { status, body: reply } = await put(body, /^[a-z0-9][a-z0-9_-]*$/.test(body.id) ? body.id : survey.id);
    expect(status).toBe(400);
    expect(errorCode(reply)).toBe('validation_failed');
    expect(errorFields(reply)).toEqual([path]);
    expect(await surveyIds()).toEqual(before);
  });

  it('refuses a body whose id differs from the path', async () => {
    const survey = testSurvey();
    const { status, body } = await put(survey, 'another-id');
    expect(status).toBe(400);
    expect(errorFields(body)).toEqual(['id']);
  });

  it('needs the secret key: no key, a wrong key, the publishable key or a customer token are all a bare 401', async () => {
    for (const key of [null, 'sk_demo_wrongwrongwrongwrongwrongwrong', backend.shop.publishableKey, await backend.tokenFor('ayse')]) {
      const response = await api.merchant('GET', '/v1/merchant/surveys', { key, headers: { Origin: backend.origin } });
      expect(response.status).toBe(401);
      expect(errorCode(await response.json())).toBe('unauthorized');
      expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    }
  });

  it('never answers merchant routes with CORS headers', async () => {
    const response = await api.merchant('GET', '/v1/merchant/surveys', { headers: { Origin: backend.origin } });
    expect(response.status).toBe(200);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
  });
});

describe('branching', () => {
  const nps = SurveyConfig.parse(demoNpsSurvey).questions;
  const path = (answers: Array<[string, number | string | string[]]>) => surveyPath(nps, new Map(answers));

  it.each([
    [0, ['nps', 'what-went-wrong']],
    [6, ['nps', 'what-went-wrong']],
    [7, ['nps', 'improve']],
    [8, ['nps', 'improve']],
    [9, ['nps']],
    [10, ['nps']],
  ])('sends an NPS of %i through %j', (score, expected) => {
    expect(path([['nps', score]])).toEqual({ questionIds: expected, ending: 'thanks' });
  });

  it('follows the default order while the branching question is unanswered', () => {
    expect(nextStep(nps, 'nps', new Map())).toBe('improve');
    expect(nextStep(nps, 'improve', new Map())).toBe('thanks');
  });

  it('matches choice conditions: eq is "picked", in is "any of"', () => {
    const multi = new Map([['m', ['a', 'c']]]);
    expect(conditionHolds({ questionId: 'm', op: 'eq', value: 'c' }, multi)).toBe(true);
    expect(conditionHolds({ questionId: 'm', op: 'eq', value: 'b' }, multi)).toBe(false);
    expect(conditionHolds({ questionId: 'm', op: 'in', value: ['b', 'a'] }, multi)).toBe(true);
    expect(conditionHolds({ questionId: 's', op: 'in', value: ['x'] }, new Map([['s', 'x']]))).toBe(true);
    expect(conditionHolds({ questionId: 's', op: 'lte', value: 3 }, new Map([['s', 'x']]))).toBe(false);
    expect(conditionHolds({ questionId: 'q', op: 'gte', value: 0 }, new Map())).toBe(false);
  });

  it("ends early on 'end' and never visits a question twice", () => {
    const questions = SurveyConfig.parse(
      testSurvey({
        questions: [
          { id: 'a', type: 'csat', display: 'stars', required: true, prompt: { tr: 'a' }, logic: [{ when: { questionId: 'a', op: 'eq', value: 1 }, goTo: 'end' }] },
          { id: 'b', type: 'text', required: false, maxLength: 10, prompt: { tr: 'b' } },
        ],
      }),
    ).questions;
    expect(surveyPath(questions, new Map([['a', 1]]))).toEqual({ questionIds: ['a'], ending: 'end' });
    expect(surveyPath(questions, new Map([['a', 2]]))).toEqual({ questionIds: ['a', 'b'], ending: 'thanks' });
  });
});
