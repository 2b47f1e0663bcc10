import type { SurveyConfigInput, SurveyResponseAck } from '../../contract';
import type { Exchange } from '../http';
import { routeTable, type CheckApi } from '../kit';

// The steps the survey checks (checks/surveys.ts) are made of: the kit's own survey, and the
// deliveries a widget makes (responses as JSON or beacons, impressions, dismissals).

/** A text answer shaped like a spreadsheet formula: the CSV export must neutralise it. */
const FORMULA = '=HYPERLINK("https://conformance.invalid","open me")';

/**
 * The kit's own survey: paused (never offered to shoppers; answers are still accepted), manual,
 * for everyone, one required NPS question and one free-text question. A new id per run keeps the
 * counts of one run apart from every other.
 */
export function conformanceSurvey(id: string, shopLocale: string): SurveyConfigInput {
  // The shop's default locale (what boot resolves to when none is asked for) must have a text.
  const text = (en: string) => ({ en, [shopLocale.toLowerCase()]: en });
  return {
    id,
    active: false,
    title: text('Sadakat conformance kit (safe to delete)'),
    trigger: { kind: 'manual' },
    audience: 'everyone',
    frequency: { mode: 'once-per-customer', recontactDays: 0 },
    questions: [
      { id: 'nps', type: 'nps', required: true, prompt: text('How likely are you to recommend us?') },
      { id: 'comment', type: 'text', required: false, maxLength: 500, prompt: text('Anything else?') },
    ],
    thankYou: { title: text('Thank you') },
  };
}

interface Setup {
  surveyId: string;
}

/** Saves the kit's survey once per run (needs the secret key). */
export function setup(t: CheckApi): Promise<Setup> {
  return t.shared('surveys.setup', async () => {
    const surveyId = `conformance-${crypto.randomUUID().slice(0, 8)}`;
    const config = conformanceSurvey(surveyId, (await t.guestBoot()).locale);
    const body = routeTable.merchantSaveSurvey.body;
    if (body && !body.safeParse(config).success) throw new Error("the kit's survey no longer parses with the contract's SurveyConfig");
    const exchange = await t.call('merchantSaveSurvey', { params: { surveyId }, body: config });
    const saved = t.expectSuccess('merchantSaveSurvey', exchange, 200);
    if (saved.survey.id !== surveyId) t.fail(`saved survey "${surveyId}", the answer is for "${saved.survey.id}"`, exchange);
    if (saved.survey.active !== false) t.fail('the survey was saved paused (active: false), the answer says active', exchange);
    return { surveyId };
  });
}

interface ResponseBody {
  responseId: string;
  surveyId: string;
  answers: Array<{ questionId: string; value: number | string }>;
  completed: boolean;
  locale: string;
  sequence?: number;
  customerToken?: string;
}

/** Posts one delivery of a response: as JSON, or as `navigator.sendBeacon` sends it (`text/plain`). */
export function sendResponse(t: CheckApi, body: ResponseBody, as: 'json' | 'beacon' = 'json', asCustomer = false): Promise<Exchange> {
  return t.call('surveyResponse', {
    body: as === 'json' ? body : JSON.stringify(body),
    ...(as === 'beacon' ? { headers: { 'Content-Type': 'text/plain;charset=UTF-8' } } : {}),
    asCustomer,
  });
}

function expectAck(t: CheckApi, exchange: Exchange, responseId: string, status: SurveyResponseAck['status']): SurveyResponseAck {
  const ack = t.expectSuccess('surveyResponse', exchange, 200);
  if (ack.responseId !== responseId) t.fail(`acknowledged responseId ${ack.responseId}, sent ${responseId}`, exchange);
  if (ack.status !== status) t.fail(`expected status "${status}", got "${ack.status}"`, exchange);
  return ack;
}

/** R1: one complete response, delivered twice. Its free text looks like a formula. */
export function answeredTwice(t: CheckApi): Promise<{ responseId: string }> {
  return t.shared('surveys.answered-twice', async () => {
    const { surveyId } = await setup(t);
    const responseId = crypto.randomUUID();
    const body: ResponseBody = {
      responseId,
      surveyId,
      answers: [
        { questionId: 'nps', value: 9 },
        { questionId: 'comment', value: FORMULA },
      ],
      completed: true,
      locale: 'en',
    };
    const first = expectAck(t, await sendResponse(t, body), responseId, 'completed');
    if (first.balance !== null) t.fail(`a guest's acknowledgement carries balance ${first.balance}; it should be null`);
    expectAck(t, await sendResponse(t, body), responseId, 'completed');
    return { responseId };
  });
}

/** R2: a partial beacon, then the completion, then the late partial again. */
export function beaconThenComplete(t: CheckApi): Promise<{ responseId: string }> {
  return t.shared('surveys.beacon', async () => {
    const { surveyId } = await setup(t);
    const responseId = crypto.randomUUID();
    const partial: ResponseBody = { responseId, surveyId, answers: [{ questionId: 'nps', value: 3 }], completed: false, locale: 'en', sequence: 1 };
    expectAck(t, await sendResponse(t, partial, 'beacon'), responseId, 'partial');
    const complete: ResponseBody = { ...partial, answers: [...partial.answers, { questionId: 'comment', value: 'too slow' }], completed: true, sequence: 2 };
    expectAck(t, await sendResponse(t, complete), responseId, 'completed');
    const late = await sendResponse(t, partial, 'beacon');
    expectAck(t, late, responseId, 'completed');
    return { responseId };
  });
}

/** R3 (with the signing secret): a signed-in shopper answers, the token in the beacon's body. */
export function signedInResponse(t: CheckApi): Promise<void> {
  return t.shared('surveys.signed-in', async () => {
    const { surveyId } = await setup(t);
    const responseId = crypto.randomUUID();
    const customerToken = await t.validToken(t.newCustomerId());
    const body: ResponseBody = { responseId, surveyId, answers: [{ questionId: 'nps', value: 10 }], completed: true, locale: 'en', customerToken };
    const exchange = await sendResponse(t, body, 'beacon', true);
    const ack = expectAck(t, exchange, responseId, 'completed');
    if (typeof ack.balance !== 'number') t.fail("a signed-in shopper's acknowledgement should carry their balance, got null", exchange);
  });
}

export function eventOnce(route: 'surveyImpression' | 'surveyDismissal'): (t: CheckApi) => Promise<void> {
  return (t) =>
    t.shared(`surveys.${route}`, async () => {
      const { surveyId } = await setup(t);
      const eventId = crypto.randomUUID();
      const first = t.expectSuccess(route, await t.call(route, { body: { eventId, surveyId } }), 200);
      if (!first.recorded) t.fail('the first delivery of an event was not recorded');
      const again = await t.call(route, { body: JSON.stringify({ eventId, surveyId }), headers: { 'Content-Type': 'text/plain;charset=UTF-8' } });
      if (t.expectSuccess(route, again, 200).recorded !== false) t.fail('a repeated delivery of the same eventId was recorded again', again);
    });
}
