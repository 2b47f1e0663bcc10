import { parseCsv } from '../csv';
import { defineGroup, type Check, type CheckApi } from '../kit';
import { unsecuredToken, signToken } from '../jwt';
import { answeredTwice, beaconThenComplete, conformanceSurvey, eventOnce, sendResponse, setup, signedInResponse } from './surveySteps';

const NEEDS = ['secret'] as const;

function surveyCheck(id: string, title: string, routes: Check['routes'], run: (t: CheckApi) => Promise<void>, covers: Check['covers'] = []): Check {
  return { id, title, routes: ['merchantSaveSurvey', ...routes], covers, needs: NEEDS, run };
}

/**
 * Surveys: an answer is stored exactly once however often it is delivered (retries, beacons), a
 * completed response never changes, events count once, and results and the export add up. The kit
 * saves its own paused survey first, so it needs the secret key.
 */
export const surveyChecks = defineGroup({
  id: 'surveys',
  title: 'Surveys (exactly once)',
  checks: [
    surveyCheck('save', 'saves a survey (PUT, 200 MerchantSurvey), paused so shoppers never see it', ['boot'], async (t) => void (await setup(t)), ['merchantSaveSurvey']),
    surveyCheck('invalid-config', 'refuses a survey with duplicate question ids (400 validation_failed naming the field)', ['boot'], async (t) => {
      const surveyId = `conformance-${crypto.randomUUID().slice(0, 8)}`;
      const config = conformanceSurvey(surveyId, (await t.guestBoot()).locale);
      const duplicate = { ...config, questions: [config.questions[0], { ...config.questions[1], id: 'nps' }] };
      const exchange = await t.call('merchantSaveSurvey', { params: { surveyId }, body: duplicate });
      const envelope = t.expectError(exchange, 400, 'validation_failed');
      if (!envelope.error.fields?.some((field) => field.path === 'questions.1.id')) t.fail('error.fields should name questions.1.id', exchange);
    }),
    surveyCheck('list', "lists the shop's surveys, the kit's among them (200 MerchantSurveyList)", ['merchantSurveys'], async (t) => {
      const { surveyId } = await setup(t);
      const exchange = await t.call('merchantSurveys');
      const list = t.expectSuccess('merchantSurveys', exchange, 200);
      if (!list.surveys.some((entry) => entry.survey.id === surveyId)) t.fail(`the list does not include the survey just saved (${surveyId})`, exchange);
    }, ['merchantSurveys']),
    surveyCheck(
      'response-once',
      'the same complete response delivered twice is acknowledged twice (200 SurveyResponseAck) and stored once',
      ['surveyResponse'],
      async (t) => void (await answeredTwice(t)),
      ['surveyResponse'],
    ),
    surveyCheck(
      'beacon-then-complete',
      'a text/plain beacon saves a partial response; after completion a late partial changes nothing',
      ['surveyResponse'],
      async (t) => void (await beaconThenComplete(t)),
    ),
    surveyCheck('impression-once', 'an impression delivered twice is recorded once', ['surveyImpression'], eventOnce('surveyImpression'), ['surveyImpression']),
    surveyCheck('dismissal-once', 'a dismissal delivered twice is recorded once', ['surveyDismissal'], eventOnce('surveyDismissal'), ['surveyDismissal']),
    {
      id: 'unknown-survey',
      title: 'a response to a survey the shop does not have → 404 survey_not_found',
      routes: ['surveyResponse'],
      async run(t) {
        const body = { responseId: crypto.randomUUID(), surveyId: 'conformance-no-such-survey', answers: [], completed: false, locale: 'en' };
        t.expectError(await sendResponse(t, body), 404, 'survey_not_found');
      },
    },
    surveyCheck('body-token-refused', 'a forged or alg "none" customer token in a beacon body → 401 unauthorized', ['surveyResponse', 'boot'], async (t) => {
      const { surveyId } = await setup(t);
      const shopId = (await t.guestBoot()).shop.id;
      const now = Math.floor(t.now().getTime() / 1000);
      const claims = { iss: shopId, sub: t.newCustomerId(), iat: now, exp: now + 300 };
      for (const customerToken of [unsecuredToken(claims), signToken(claims, `conformance-${crypto.randomUUID()}`)]) {
        const body = { responseId: crypto.randomUUID(), surveyId, answers: [], completed: false, locale: 'en', customerToken };
        t.expectError(await sendResponse(t, body, 'beacon'), 401, 'unauthorized');
      }
    }),
    {
      ...surveyCheck('signed-in', "a signed-in shopper's response (token in the body) is acknowledged with their balance", ['surveyResponse'], async (t) => {
        await signedInResponse(t);
      }),
      needs: ['secret', 'signingSecret'],
    },
    surveyCheck(
      'answers',
      'the answers table has one row per answered question of a response, and its score filter keeps or drops the whole response (200 SurveyAnswersPage)',
      ['surveyAnswers', 'surveyResponse'],
      async (t) => {
        const { surveyId } = await setup(t);
        const once = await answeredTwice(t);
        const mine = async (query: Record<string, string>) => {
          const exchange = await t.call('surveyAnswers', { params: { surveyId }, query: { limit: '100', ...query } });
          const page = t.expectSuccess('surveyAnswers', exchange, 200);
          return { exchange, rows: page.rows.filter((row) => row.responseId === once.responseId) };
        };
        const all = await mine({});
        const ids = all.rows.map((row) => row.questionId).sort();
        if (ids.join() !== 'comment,nps') t.fail(`the response delivered twice should have one row each for comment and nps, got [${ids.join(', ')}]`, all.exchange);
        const kept = await mine({ minScore: '9', maxScore: '9' });
        if (kept.rows.length !== 2) t.fail(`minScore=9&maxScore=9 should keep the response scored 9 (both rows), got ${kept.rows.length} rows`, kept.exchange);
        const dropped = await mine({ minScore: '10' });
        if (dropped.rows.length !== 0) t.fail(`minScore=10 should drop the response scored 9, got ${dropped.rows.length} rows`, dropped.exchange);
        const question = await mine({ questionId: 'comment' });
        if (question.rows.length !== 1 || question.rows[0]!.questionId !== 'comment') t.fail('questionId=comment should give that response\'s comment row only', question.exchange);
      },
      ['surveyAnswers'],
    ),
    surveyCheck(
      'results',
      'results count each response, impression and dismissal once (200 SurveyResults)',
      ['surveyResults', 'surveyResponse', 'surveyImpression', 'surveyDismissal'],
      async (t) => {
        const { surveyId } = await setup(t);
        const once = await answeredTwice(t);
        await beaconThenComplete(t);
        await eventOnce('surveyImpression')(t);
        await eventOnce('surveyDismissal')(t);
        const signedIn = t.options.signingSecret ? (await signedInResponse(t), 1) : 0;
        const exchange = await t.call('surveyResults', { params: { surveyId } });
        const results = t.expectSuccess('surveyResults', exchange, 200);
        const expected = { started: 2 + signedIn, partial: 0, completed: 2 + signedIn };
        const got = results.responses;
        if (got.started !== expected.started || got.partial !== expected.partial || got.completed !== expected.completed) {
          t.fail(`expected responses ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`, exchange);
        }
        if (results.impressions !== 1 || results.dismissals !== 1) t.fail(`expected 1 impression and 1 dismissal, got ${results.impressions} and ${results.dismissals}`, exchange);
        const texts = results.textAnswers.items.filter((item) => item.responseId === once.responseId);
        if (texts.length !== 1) t.fail(`the response delivered twice has ${texts.length} free-text answers in the results, not 1`, exchange);
      },
      ['surveyResults'],
    ),
    surveyCheck(
      'export',
      'the CSV export has one row per response and neutralises formula-like cells',
      ['surveyExport', 'surveyResponse'],
      async (t) => {
        const { surveyId } = await setup(t);
        const once = await answeredTwice(t);
        const exchange = await t.call('surveyExport', { params: { surveyId }, headers: { Accept: 'text/csv' } });
        t.expectSuccess('surveyExport', exchange, 200);
        const rows = parseCsv(exchange.text.replace(/^\uFEFF/, ''));
        const matching = rows.filter((row) => row.includes(once.responseId));
        if (matching.length !== 1) t.fail(`the response delivered twice has ${matching.length} rows in the export, not 1`, exchange);
        const cell = matching[0]!.find((value) => value.includes('HYPERLINK')) ?? t.fail("the export lost the response's free-text answer", exchange);
        if (/^[=+\-@\t\r]/.test(cell)) t.fail(`a shopper's text reaches the spreadsheet as a formula: ${cell}`, exchange);
      },
      ['surveyExport'],
    ),
  ],
});
