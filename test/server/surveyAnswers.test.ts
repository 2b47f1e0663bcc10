import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorEnvelope, SurveyAnswersPage, SurveyConfig } from '../../src/contract';
import { createShop, type CreatedShop } from '../../src/server';
import { saveSurvey } from '../../src/server/domain/surveys';
import { demoProgramme } from '../../src/server/seed/demoProgramme';
import { customerRow, merchantClient } from '../support/loyalty';
import { errorFields, testSurvey } from '../support/surveys';
import { createTestBackend, type TestBackend } from '../support/testBackend';

// A small known set of responses to one survey (NPS, a topic choice, a free text), answered by
// hand-picked shoppers on known days, and one response in another shop that must never show.
const NOW = new Date('2026-04-01T00:00:00Z');
let backend: TestBackend;
let merchant: ReturnType<typeof merchantClient>;
let other: CreatedShop;
const SURVEY = 'answers-test';

async function respond(shopId: string, surveyId: string, at: string, customerKey: string | null, answers: Record<string, unknown>, status: 'partial' | 'completed' = 'completed') {
  const customerId = customerKey ? (await customerRow(backend, customerKey, shopId)).id : null;
  await backend.db.kysely
    .insertInto('survey_responses')
    .values({
      shop_id: shopId,
      id: randomUUID(),
      survey_id: surveyId,
      survey_version: 1,
      customer_id: customerId,
      order_id: null,
      status,
      answers: JSON.stringify(answers),
      sequence: 1,
      locale: 'tr',
      completion_key: null,
      reward_points: null,
      reward_state: 'none',
      created_at: at,
      updated_at: at,
      completed_at: status === 'completed' ? at : null,
    })
    .execute();
}

beforeAll(async () => {
  backend = await createTestBackend({ now: () => NOW });
  merchant = merchantClient(backend);
  const survey = SurveyConfig.parse(
    testSurvey({
      id: SURVEY,
      questions: [
        { id: 'nps', type: 'nps', required: true, prompt: { tr: 'Bizi önerir misin?', en: 'Would you recommend us?' } },
        {
          id: 'topic',
          type: 'single-choice',
          required: false,
          prompt: { tr: 'Konu', en: 'Topic' },
          options: [
            { id: 'kargo', label: { tr: 'Kargo', en: 'Shipping' } },
            { id: 'fiyat', label: { tr: 'Fiyat', en: 'Price' } },
          ],
        },
        { id: 'why', type: 'text', required: false, maxLength: 200, prompt: { tr: 'Neden?', en: 'Why?' } },
      ],
    }),
  );
  await saveSurvey(backend.db, backend.shop.id, survey, 'tr', NOW);
  await respond(backend.shop.id, SURVEY, '2026-02-20T10:00:00.000Z', 'elif', { nps: 10 });
  await respond(backend.shop.id, SURVEY, '2026-03-01T09:00:00.000Z', 'ayse', { nps: 9, topic: 'kargo', why: 'Hızlı' });
  await respond(backend.shop.id, SURVEY, '2026-03-05T23:59:00.000Z', null, { nps: 3, why: 'Geç geldi' });
  await respond(backend.shop.id, SURVEY, '2026-03-10T12:00:00.000Z', 'mehmet', { nps: 7, topic: 'fiyat' }, 'partial');
  other = await createShop(backend.db, { name: 'Başka', programme: demoProgramme(NOW), allowedOrigins: [], now: NOW });
  await saveSurvey(backend.db, other.id, survey, 'tr', NOW);
  await backend.db.kysely
    .insertInto('customers')
    .values({ shop_id: other.id, id: randomUUID(), external_id: 'ayse', email: null, name: null, balance: 0, created_at: NOW.toISOString() })
    .execute();
  await respond(other.id, SURVEY, '2026-03-02T09:00:00.000Z', 'ayse', { nps: 0, why: 'başka dükkan' });
});
afterAll(() => backend.close());

async function answers(query = '') {
  const { status, body } = await merchant('GET', `/v1/merchant/surveys/${SURVEY}/answers${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return SurveyAnswersPage.parse(body);
}
const brief = (page: SurveyAnswersPage) => page.rows.map((r) => `${r.customerId ?? 'guest'}/${r.questionId}=${r.display}`);

describe('GET /v1/merchant/surveys/{id}/answers', () => {
  it('lists one row per answered question, newest response first, with labels for choices', async () => {
    const page = await answers();
    expect(brief(page)).toEqual(['mehmet/nps=7', 'mehmet/topic=Fiyat', 'guest/nps=3', 'guest/why=Geç geldi', 'ayse/nps=9', 'ayse/topic=Kargo', 'ayse/why=Hızlı', 'elif/nps=10']);
    expect(page.rows[0]).toMatchObject({ status: 'partial', questionType: 'nps', value: 7, prompt: 'Bizi önerir misin?', startedAt: '2026-03-10T12:00:00.000Z' });
    expect(page.questions.map((q) => q.id)).toEqual(['nps', 'topic', 'why']);
    expect(page.nextCursor).toBeNull();
  });

  it('filters by question, by days (the last one included) and by score', async () => {
    expect(brief(await answers('?questionId=why'))).toEqual(['guest/why=Geç geldi', 'ayse/why=Hızlı']);
    expect(brief(await answers('?from=2026-03-01&to=2026-03-05'))).toEqual(['guest/nps=3', 'guest/why=Geç geldi', 'ayse/nps=9', 'ayse/topic=Kargo', 'ayse/why=Hızlı']);
    // Detractors (0–6) and what they wrote.
    expect(brief(await answers('?maxScore=6'))).toEqual(['guest/nps=3', 'guest/why=Geç geldi']);
    // Promoters' reasons: the score comes from the NPS question of the same response.
    expect(brief(await answers('?questionId=why&minScore=9'))).toEqual(['ayse/why=Hızlı']);
    expect(brief(await answers('?questionId=nps&minScore=7&maxScore=8'))).toEqual(['mehmet/nps=7']);
  });

  it('answers an empty range with no rows, not an error', async () => {
    const page = await answers('?from=2027-01-01&to=2027-01-31');
    expect(page.rows).toEqual([]);
    expect(page.nextCursor).toBeNull();
  });

  it('pages without splitting a response, each row once', async () => {
    const first = await answers('?limit=3');
    expect(brief(first)).toEqual(['mehmet/nps=7', 'mehmet/topic=Fiyat', 'guest/nps=3', 'guest/why=Geç geldi']);
    const second = await answers(`?limit=3&cursor=${first.nextCursor}`);
    expect(brief(second)).toEqual(['ayse/nps=9', 'ayse/topic=Kargo', 'ayse/why=Hızlı']);
    const third = await answers(`?limit=3&cursor=${second.nextCursor}`);
    expect(brief(third)).toEqual(['elif/nps=10']);
    expect(third.nextCursor).toBeNull();
  });

  it('refuses bad filters with the field named, an unknown survey with 404 and a wrong key with a bare 401', async () => {
    for (const [query, field] of [
      ['?minScore=11', 'minScore'],
      ['?minScore=8&maxScore=3', 'maxScore'],
      ['?from=2026-03-10&to=2026-03-01', 'to'],
      ['?questionId=nope', 'questionId'],
      ['?cursor=bm9wZQ', 'cursor'],
      ['?limit=0', 'limit'],
    ] as const) {
      const { status, body } = await merchant('GET', `/v1/merchant/surveys/${SURVEY}/answers${query}`);
      expect(status, query).toBe(400);
      expect(errorFields(body), query).toEqual([field]);
    }
    expect((await merchant('GET', '/v1/merchant/surveys/no-such-survey/answers')).status).toBe(404);
    const wrong = await merchantClient(backend, `sk_demo_${'y'.repeat(40)}`)('GET', `/v1/merchant/surveys/${SURVEY}/answers`);
    expect(wrong.status).toBe(401);
    expect(ErrorEnvelope.parse(wrong.body).error.message).toBe('Unauthorized.');
  });

  it("shows another shop only its own answers", async () => {
    const page = SurveyAnswersPage.parse((await merchantClient(backend, other.secretKey)('GET', `/v1/merchant/surveys/${SURVEY}/answers`)).body);
    expect(brief(page)).toEqual(['ayse/nps=0', 'ayse/why=başka dükkan']);
  });
});
