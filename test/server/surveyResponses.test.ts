import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SurveyConfig, SurveyEventAck, SurveyResponseAck } from '../../src/contract';
import { createShop, type CreatedShop } from '../../src/server';
import { saveSurvey } from '../../src/server/domain/surveys';
import { demoProgramme } from '../../src/server/seed/demoProgramme';
import { errorCode, errorFields, responseBody, storedEvents, storedResponses, surveyClient, testSurvey } from '../support/surveys';
import { createTestBackend, type TestBackend } from '../support/testBackend';

let backend: TestBackend;
let api: ReturnType<typeof surveyClient>;
let otherShop: CreatedShop;

const feedback = testSurvey({ id: 'feedback' });
const members = testSurvey({ id: 'members-only', audience: 'signed-in' });
const perOrder = testSurvey({ id: 'per-order', trigger: { kind: 'post-purchase' }, frequency: { mode: 'once-per-order', recontactDays: 0 } });
const rich = testSurvey({
  id: 'rich',
  questions: [
    { id: 'csat', type: 'csat', display: 'stars', required: true, prompt: { tr: 'Memnun musun?' } },
    { id: 'pick', type: 'single-choice', required: false, prompt: { tr: 'Seç' }, options: [{ id: 'a', label: { tr: 'A' } }, { id: 'b', label: { tr: 'B' } }] },
    {
      id: 'many',
      type: 'multiple-choice',
      required: false,
      maxSelected: 2,
      prompt: { tr: 'Seç' },
      options: [{ id: 'x', label: { tr: 'X' } }, { id: 'y', label: { tr: 'Y' } }, { id: 'z', label: { tr: 'Z' } }],
    },
    { id: 'note', type: 'text', required: false, maxLength: 20, prompt: { tr: 'Not' } },
  ],
});

beforeAll(async () => {
  backend = await createTestBackend();
  api = surveyClient(backend);
  for (const survey of [feedback, members, perOrder, rich]) await api.save(survey);
  otherShop = await createShop(backend.db, { name: 'Başka Dükkan', programme: demoProgramme(new Date()), allowedOrigins: [] });
  await saveSurvey(backend.db, otherShop.id, SurveyConfig.parse(testSurvey({ id: 'elsewhere' })), 'tr', new Date());
});
afterAll(() => backend.close());

const ack = (body: unknown) => SurveyResponseAck.parse(body);
const rowOf = async (responseId: string) => (await storedResponses(backend)).find((r) => r.id === responseId);

describe('POST /v1/survey-responses: saving step by step', () => {
  it('keeps one response across partial saves and completes it with every answer', async () => {
    const body = responseBody('feedback');
    const first = await api.respond({ ...body, answers: [{ questionId: 'nps', value: 4 }], sequence: 1 });
    expect(first.status).toBe(200);
    expect(ack(first.body)).toEqual({ responseId: body.responseId, surveyId: 'feedback', status: 'partial', reward: null, balance: null });
    expect((await rowOf(body.responseId))?.answers).toEqual({ nps: 4 });

    const done = await api.respond({ ...body, answers: [{ questionId: 'why', value: 'Kargo geç geldi.' }], completed: true, sequence: 2 });
    expect(ack(done.body).status).toBe('completed');
    const rows = (await storedResponses(backend, 'feedback')).filter((r) => r.id === body.responseId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'completed', answers: { nps: 4, why: 'Kargo geç geldi.' }, locale: 'tr', survey_version: 1 });
  });

  it('stores one response when the same body arrives five times in a row', async () => {
    const body = responseBody('feedback', { answers: [{ questionId: 'nps', value: 9 }], completed: true });
    for (let i = 0; i < 5; i++) expect((await api.respond(body)).status).toBe(200);
    expect((await storedResponses(backend, 'feedback')).filter((r) => r.id === body.responseId)).toHaveLength(1);
  });

  it('stores one response, answers merged, when deliveries race', async () => {
    const body = responseBody('rich');
    const saves = [
      { ...body, answers: [{ questionId: 'csat', value: 4 }] },
      { ...body, answers: [{ questionId: 'pick', value: 'b' }] },
      { ...body, answers: [{ questionId: 'many', value: ['x', 'z'] }] },
      { ...body, answers: [{ questionId: 'note', value: 'iyi' }] },
      { ...body, answers: [{ questionId: 'csat', value: 4 }] },
    ];
    const replies = await Promise.all([...saves, ...saves].map((save) => api.respond(save)));
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
    const rows = (await storedResponses(backend, 'rich')).filter((r) => r.id === body.responseId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.answers).toEqual({ csat: 4, pick: 'b', many: ['x', 'z'], note: 'iyi' });
  });

  it('completes exactly once when the final save races itself', async () => {
    const body = responseBody('feedback', { answers: [{ questionId: 'nps', value: 10 }], completed: true });
    const replies = await Promise.all(Array.from({ length: 5 }, () => api.respond(body)));
    expect(replies.map((r) => ack(r.body).status)).toEqual(Array(5).fill('completed'));
    expect((await storedResponses(backend, 'feedback')).filter((r) => r.id === body.responseId)).toHaveLength(1);
  });

  it('never reopens or changes a completed response', async () => {
    const body = responseBody('feedback');
    await api.respond({ ...body, answers: [{ questionId: 'nps', value: 8 }, { questionId: 'improve', value: 'Daha hızlı kargo' }], completed: true, sequence: 3 });
    const before = await rowOf(body.responseId);
    const latePartial = await api.respond({ ...body, answers: [{ questionId: 'nps', value: 2 }], completed: false, sequence: 9 });
    const secondCompletion = await api.respond({ ...body, answers: [{ questionId: 'nps', value: 0 }, { questionId: 'why', value: 'x' }], completed: true, sequence: 10 });
    for (const reply of [latePartial, secondCompletion]) {
      expect(reply.status).toBe(200);
      expect(ack(reply.body).status).toBe('completed');
    }
    expect(await rowOf(body.responseId)).toEqual(before);
    expect(before?.answers).toEqual({ nps: 8, improve: 'Daha hızlı kargo' });
  });

  it('lets a late (lower sequence) save fill gaps but never undo a newer answer', async () => {
    const body = responseBody('rich');
    await api.respond({ ...body, answers: [{ questionId: 'csat', value: 5 }], sequence: 2 });
    await api.respond({ ...body, answers: [{ questionId: 'csat', value: 1 }, { questionId: 'pick', value: 'a' }], sequence: 1 });
    expect((await rowOf(body.responseId))?.answers).toEqual({ csat: 5, pick: 'a' });
    await api.respond({ ...body, answers: [{ questionId: 'pick', value: null }], sequence: 3 });
    expect((await rowOf(body.responseId))?.answers).toEqual({ csat: 5 });
  });

  it('keeps only the answers on the branch the shopper finally took', async () => {
    const body = responseBody('feedback');
    await api.respond({ ...body, answers: [{ questionId: 'nps', value: 3 }, { questionId: 'why', value: 'Geç geldi' }], sequence: 1 });
    const done = await api.respond({ ...body, answers: [{ questionId: 'nps', value: 7 }, { questionId: 'improve', value: 'Paketleme' }], completed: true, sequence: 2 });
    expect(ack(done.body).status).toBe('completed');
    expect((await rowOf(body.responseId))?.answers).toEqual({ nps: 7, improve: 'Paketleme' });
  });

  it('refuses to complete with a required question on the path unanswered, and changes nothing', async () => {
    const body = responseBody('feedback');
    await api.respond({ ...body, answers: [{ questionId: 'improve', value: 'x' }], sequence: 1 });
    const before = await rowOf(body.responseId);
    const reply = await api.respond({ ...body, answers: [], completed: true, sequence: 2 });
    expect(reply.status).toBe(400);
    expect(errorCode(reply.body)).toBe('validation_failed');
    expect(await rowOf(body.responseId)).toEqual(before);
    const fresh = responseBody('feedback', { completed: true });
    expect((await api.respond(fresh)).status).toBe(400);
    expect(await rowOf(fresh.responseId)).toBeUndefined();
  });
});

describe('POST /v1/survey-responses: beacons and identity', () => {
  it('accepts a text/plain body (navigator.sendBeacon) with the customer token inside', async () => {
    const token = await backend.tokenFor('beacon-shopper');
    const body = responseBody('members-only', { answers: [{ questionId: 'nps', value: 10 }], completed: true, customerToken: token });
    const reply = await api.respond(null, { raw: JSON.stringify(body), contentType: 'text/plain;charset=UTF-8' });
    expect(reply.status).toBe(200);
    expect(ack(reply.body).status).toBe('completed');
    const row = await rowOf(body.responseId);
    const customer = await backend.db.kysely.selectFrom('customers').select('id').where('external_id', '=', 'beacon-shopper').executeTakeFirstOrThrow();
    expect(row?.customer_id).toBe(customer.id);
    // The beacon and the regular retry of the same save collapse into one row.
    const retry = await api.respond({ ...body, customerToken: undefined }, { token });
    expect(retry.status).toBe(200);
    expect((await storedResponses(backend, 'members-only')).filter((r) => r.id === body.responseId)).toHaveLength(1);
  });

  it('refuses a header token and a body token that differ', async () => {
    const body = responseBody('feedback', { customerToken: await backend.tokenFor('a-shopper') });
    const reply = await api.respond(body, { token: await backend.tokenFor('b-shopper') });
    expect(reply.status).toBe(400);
    expect(await rowOf(body.responseId)).toBeUndefined();
  });

  it("never lets one shopper touch another's response", async () => {
    const body = responseBody('feedback', { answers: [{ questionId: 'nps', value: 5 }] });
    await api.respond(body, { token: await backend.tokenFor('owner') });
    const before = await rowOf(body.responseId);
    for (const token of [await backend.tokenFor('intruder'), undefined]) {
      const reply = await api.respond({ ...body, answers: [{ questionId: 'nps', value: 10 }], completed: true, sequence: 99 }, { ...(token ? { token } : {}) });
      expect(reply.status).toBe(404);
      expect(errorCode(reply.body)).toBe('not_found');
    }
    expect(await rowOf(body.responseId)).toEqual(before);
  });

  it('refuses a responseId reused for another survey', async () => {
    const body = responseBody('feedback', { answers: [{ questionId: 'nps', value: 5 }] });
    await api.respond(body);
    const reply = await api.respond({ ...body, surveyId: 'rich', answers: [{ questionId: 'csat', value: 3 }] });
    expect(reply.status).toBe(409);
    expect((await rowOf(body.responseId))?.survey_id).toBe('feedback');
  });

  it('asks for a customer token on a signed-in survey, and refuses a bad one', async () => {
    const body = responseBody('members-only', { answers: [{ questionId: 'nps', value: 9 }] });
    expect((await api.respond(body)).status).toBe(401);
    const expired = await backend.tokenFor('late-shopper', { expiresInSeconds: -3600 });
    expect((await api.respond(body, { token: expired })).status).toBe(401);
    expect((await api.respond({ ...body, customerToken: 'not-a-jwt' })).status).toBe(401);
    expect(await rowOf(body.responseId)).toBeUndefined();
  });

  it('needs the order for a once-per-order survey', async () => {
    const body = responseBody('per-order', { answers: [{ questionId: 'nps', value: 9 }] });
    const reply = await api.respond(body);
    expect(reply.status).toBe(400);
    expect(errorFields(reply.body)).toEqual(['orderId']);
    expect(await rowOf(body.responseId)).toBeUndefined();
  });
});

describe('POST /v1/survey-responses: bad input stores nothing', () => {
  const text = (value: string) => ({ answers: [{ questionId: 'csat', value: 3 }, { questionId: 'note', value }] });
  const cases: Array<[string, Record<string, unknown>, number, string, string?]> = [
    ['an unknown survey', { surveyId: 'no-such-survey' }, 404, 'survey_not_found'],
    ["another shop's survey", { surveyId: 'elsewhere' }, 404, 'survey_not_found'],
    ['an unknown question', { answers: [{ questionId: 'ghost', value: 1 }] }, 400, 'validation_failed', 'answers.0.questionId'],
    ['a CSAT of 0', { answers: [{ questionId: 'csat', value: 0 }] }, 400, 'validation_failed', 'answers.0.value'],
    ['a CSAT of 6', { answers: [{ questionId: 'csat', value: 6 }] }, 400, 'validation_failed', 'answers.0.value'],
    ['a fractional score', { answers: [{ questionId: 'csat', value: 3.5 }] }, 400, 'validation_failed', 'answers.0.value'],
    ['a score as text', { answers: [{ questionId: 'csat', value: '5' }] }, 400, 'validation_failed', 'answers.0.value'],
    ['an unknown option', { answers: [{ questionId: 'pick', value: 'c' }] }, 400, 'validation_failed', 'answers.0.value'],
    ['an option twice', { answers: [{ questionId: 'many', value: ['x', 'x'] }] }, 400, 'validation_failed', 'answers.0.value'],
    ['more options than allowed', { answers: [{ questionId: 'many', value: ['x', 'y', 'z'] }] }, 400, 'validation_failed', 'answers.0.value'],
    ['a question answered twice', { answers: [{ questionId: 'csat', value: 3 }, { questionId: 'csat', value: 4 }] }, 400, 'validation_failed', 'answers.1.questionId'],
    ['a text over the question’s maximum', text('x'.repeat(21)), 400, 'validation_failed', 'answers.1.value'],
    ['an empty text', text('   '), 400, 'validation_failed', 'answers.1.value'],
    ['a NUL byte', text('a\u0000b'), 400, 'validation_failed', 'answers.1.value'],
    ['an escape sequence', text('\u001b[31mred'), 400, 'validation_failed', 'answers.1.value'],
    ['a C1 control', text('a\u0085b'), 400, 'validation_failed', 'answers.1.value'],
    ['an unpaired surrogate', text('a\ud800b'), 400, 'validation_failed', 'answers.1.value'],
    ['a responseId that is not a UUID', { responseId: 'r-1' }, 400, 'validation_failed', 'responseId'],
    ['an unknown field', { customerId: 'ayse' }, 400, 'validation_failed', 'customerId'],
    ['a bad locale', { locale: '<script>' }, 400, 'validation_failed', 'locale'],
  ];

  it.each(cases)('refuses %s', async (_name, patch, status, code, field) => {
    const before = (await storedResponses(backend)).length;
    const body = responseBody('rich', patch);
    const reply = await api.respond(body);
    expect(reply.status).toBe(status);
    expect(errorCode(reply.body)).toBe(code);
    if (field) expect(errorFields(reply.body)).toContain(field);
    expect((await storedResponses(backend)).length).toBe(before);
  });

  it('refuses a 1 MB body with 413 before reading it', async () => {
    const before = (await storedResponses(backend)).length;
    const reply = await api.respond(responseBody('rich', text('x'.repeat(1024 * 1024))));
    expect(reply.status).toBe(413);
    expect(errorCode(reply.body)).toBe('payload_too_large');
    expect((await storedResponses(backend)).length).toBe(before);
  });

  it('refuses malformed JSON and prototype keys', async () => {
    const before = (await storedResponses(backend)).length;
    expect((await api.respond(null, { raw: '{"responseId":' })).status).toBe(400);
    const poisoned = `{"__proto__":{"polluted":true},${JSON.stringify(responseBody('rich')).slice(1)}`;
    expect((await api.respond(null, { raw: poisoned, contentType: 'text/plain' })).status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await storedResponses(backend)).length).toBe(before);
  });

  it('stores markup, emoji, bidi marks and line breaks verbatim: they are data', async () => {
    const values = ['<img src=x onerror=alert(1)>', 'Çok iyi 👍🏽\u202Eters', 'satır 1\r\nsatır\t2', "'; drop table x;--"];
    for (const value of values) {
      const body = responseBody('feedback', { answers: [{ questionId: 'nps', value: 2 }, { questionId: 'why', value }], completed: true });
      expect((await api.respond(body)).status).toBe(200);
      expect((await rowOf(body.responseId))?.answers.why).toBe(value);
    }
  });
});

describe('impressions and dismissals', () => {
  it('count once per event id, whatever the number of deliveries', async () => {
    const eventId = randomUUID();
    const first = await api.event('impressions', { eventId, surveyId: 'feedback' });
    const again = await api.event('impressions', { eventId, surveyId: 'feedback' }, { contentType: 'text/plain' });
    expect(SurveyEventAck.parse(first.body)).toEqual({ eventId, recorded: true });
    expect(SurveyEventAck.parse(again.body)).toEqual({ eventId, recorded: false });
    expect((await storedEvents(backend, 'feedback')).filter((e) => e.id === eventId)).toHaveLength(1);
  });

  it('record a dismissal with its order and shopper', async () => {
    const eventId = randomUUID();
    const reply = await api.event('dismissals', { eventId, surveyId: 'per-order', orderId: '1042' }, { token: await backend.tokenFor('ayse') });
    expect(reply.status).toBe(200);
    const [event] = (await storedEvents(backend, 'per-order')).filter((e) => e.id === eventId);
    expect(event).toMatchObject({ kind: 'dismissal', order_id: '1042' });
    expect(event?.customer_id).not.toBeNull();
  });

  it('refuse unknown surveys, bad ids and guests on signed-in surveys, storing nothing', async () => {
    for (const [body, status] of [
      [{ eventId: randomUUID(), surveyId: 'elsewhere' }, 404],
      [{ eventId: 'nope', surveyId: 'feedback' }, 400],
      [{ eventId: randomUUID(), surveyId: 'members-only' }, 401],
    ] as const) {
      expect((await api.event('impressions', body)).status).toBe(status);
    }
    expect(await storedEvents(backend, 'members-only')).toHaveLength(0);
  });
});
