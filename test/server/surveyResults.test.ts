import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SurveyConfig, SurveyResults } from '../../src/contract';
import { createShop, type CreatedShop } from '../../src/server';
import { csvCell } from '../../src/server/domain/csv';
import { saveSurvey } from '../../src/server/domain/surveys';
import { demoProgramme } from '../../src/server/seed/demoProgramme';
import { errorCode, responseBody, surveyClient, testSurvey } from '../support/surveys';
import { createTestBackend, type TestBackend } from '../support/testBackend';

const DAY = 24 * 60 * 60 * 1000;
const NOV_1 = new Date('2026-11-01T09:00:00Z');
let clock = NOV_1;
let backend: TestBackend;
let api: ReturnType<typeof surveyClient>;
let otherShop: CreatedShop;

const survey = testSurvey({
  id: 'results',
  questions: [
    { id: 'nps', type: 'nps', required: true, prompt: { tr: 'Önerir misin?' } },
    { id: 'csat', type: 'csat', display: 'stars', required: false, prompt: { tr: 'Memnun musun?' } },
    { id: 'pick', type: 'single-choice', required: false, prompt: { tr: 'Hangisi?' }, options: [{ id: 'a', label: { tr: 'Kahve' } }, { id: 'b', label: { tr: '=Seramik' } }] },
    {
      id: 'many',
      type: 'multiple-choice',
      required: false,
      prompt: { tr: 'Hangileri?' },
      options: [{ id: 'x', label: { tr: 'X' } }, { id: 'y', label: { tr: 'Y' } }, { id: 'z', label: { tr: 'Z' } }],
    },
    { id: 'note', type: 'text', required: false, maxLength: 500, prompt: { tr: 'Not' } },
  ],
});

type Answer = { questionId: string; value: number | string | string[] };
const nps = (value: number): Answer => ({ questionId: 'nps', value });
const csat = (value: number): Answer => ({ questionId: 'csat', value });
const pick = (value: string): Answer => ({ questionId: 'pick', value });
const many = (...value: string[]): Answer => ({ questionId: 'many', value });
const note = (value: string): Answer => ({ questionId: 'note', value });

// Worked by hand. Completed NPS: 10 10 9 9 10 | 7 8 8 | 2 6 → 5 promoters, 3 passives,
// 2 detractors → (5 − 2) / 10 = 30. CSAT 5 4 4 3 5 1 → 22 / 6 = 3.67, satisfied 4 / 6.
// The two partials add a 0 (detractor) and nothing else: all answers → (5 − 3) / 11 = 18.2.
const COMPLETED: Answer[][] = [
  [nps(10), csat(5), pick('a'), many('x', 'y'), note('Harika kahve')],
  [nps(10), csat(4), pick('a')],
  [nps(9), csat(4), pick('b'), many('x')],
  [nps(9), csat(3), note('=HYPERLINK("http://evil.example","tıkla")')],
  [nps(10), csat(5), pick('a'), many('z')],
  [nps(7), csat(1)],
  [nps(8), note('+1+1')],
  [nps(8)],
  [nps(2), note('@SUM(A1:A9)')],
  [nps(6), note('-2+3, "tırnak" ve\nyeni satır')],
];
const PARTIAL: Answer[][] = [[nps(0)], [note('\tyarım')]];
const INJECTIONS = ['=1+1', '+1', '-1', '@x', '\tx', '\rx', '\uFF1D1+1'];

const completedIds: string[] = [];

beforeAll(async () => {
  backend = await createTestBackend({ now: () => clock });
  api = surveyClient(backend);
  await api.save(survey);
  // One response per day from 1 November; twenty impressions and three dismissals on 1 November.
  for (const [i, answers] of COMPLETED.entries()) {
    clock = new Date(NOV_1.getTime() + i * DAY);
    const body = responseBody('results', { answers, completed: true, ...(i === 0 ? { orderId: '=2+5' } : {}) });
    const token = i === 1 ? await backend.tokenFor('@evil') : undefined;
    const reply = await api.respond(body, { ...(token ? { token } : {}) });
    if (reply.status !== 200) throw new Error(JSON.stringify(reply.body));
    completedIds.push(body.responseId);
  }
  for (const [i, answers] of PARTIAL.entries()) {
    clock = new Date(NOV_1.getTime() + (10 + i) * DAY);
    await api.respond(responseBody('results', { answers }));
  }
  clock = NOV_1;
  for (let i = 0; i < 20; i++) await api.event('impressions', { eventId: randomUUID(), surveyId: 'results' });
  for (let i = 0; i < 3; i++) await api.event('dismissals', { eventId: randomUUID(), surveyId: 'results' });
  clock = new Date('2026-11-30T12:00:00Z');
  otherShop = await createShop(backend.db, { name: 'Başka Dükkan', programme: demoProgramme(new Date()), allowedOrigins: [] });
  await saveSurvey(backend.db, otherShop.id, SurveyConfig.parse(testSurvey({ id: 'elsewhere' })), 'tr', new Date());
}, 60_000);
afterAll(() => backend.close());

async function results(query = '', key?: string) {
  const response = await api.merchant('GET', `/v1/merchant/surveys/results/results${query}`, key ? { key } : {});
  return { status: response.status, body: (await response.json()) as unknown };
}

const question = (data: SurveyResults, id: string) => data.questions.find((q) => q.questionId === id)!;

describe('GET /v1/merchant/surveys/{surveyId}/results', () => {
  it('works out NPS, CSAT, choices and rates over completed responses', async () => {
    const { status, body } = await results('?status=completed');
    expect(status).toBe(200);
    const data = SurveyResults.parse(body);
    expect(data.responses).toEqual({ started: 10, partial: 0, completed: 10 });
    expect(question(data, 'nps')).toMatchObject({ type: 'nps', answers: 10, promoters: 5, passives: 3, detractors: 2, score: 30, distribution: [0, 0, 1, 0, 0, 0, 1, 1, 2, 2, 3] });
    expect(question(data, 'csat')).toMatchObject({ type: 'csat', answers: 6, average: 3.67, distribution: [1, 0, 1, 2, 2] });
    expect((question(data, 'csat') as { satisfied: number }).satisfied).toBeCloseTo(4 / 6);
    expect(question(data, 'pick')).toMatchObject({
      answers: 4,
      options: [
        { optionId: 'a', label: 'Kahve', count: 3, share: 0.75 },
        { optionId: 'b', label: '=Seramik', count: 1, share: 0.25 },
      ],
    });
    const manyResult = question(data, 'many') as { answers: number; options: Array<{ optionId: string; count: number; share: number }> };
    expect(manyResult.answers).toBe(3);
    expect(manyResult.options.map((o) => [o.optionId, o.count])).toEqual([['x', 2], ['y', 1], ['z', 1]]);
    expect(manyResult.options[0]!.share).toBeCloseTo(2 / 3);
    expect(question(data, 'note')).toMatchObject({ type: 'text', answers: 5 });
    expect(data).toMatchObject({ impressions: 20, dismissals: 3, responseRate: 0.5, completionRate: 1 });
  });

  it('counts partial answers too by default', async () => {
    const data = SurveyResults.parse((await results()).body);
    expect(data.responses).toEqual({ started: 12, partial: 2, completed: 10 });
    expect(question(data, 'nps')).toMatchObject({ answers: 11, promoters: 5, passives: 3, detractors: 3, score: 18.2 });
    expect(data.completionRate).toBeCloseTo(10 / 12);
  });

  it('limits to a period: dates are whole UTC days, `to` included', async () => {
    const data = SurveyResults.parse((await results('?from=2026-11-05&to=2026-11-07&status=completed')).body);
    expect(data.responses.completed).toBe(3);
    expect(question(data, 'nps')).toMatchObject({ promoters: 1, passives: 2, detractors: 0 });
    expect(data.from).toBe('2026-11-05T00:00:00.000Z');
    expect(data.to).toBe('2026-11-08T00:00:00.000Z');
    expect(data.impressions).toBe(0);
    expect(data.responseRate).toBeNull();
    const exact = SurveyResults.parse((await results('?from=2026-11-01T09:00:00Z&to=2026-11-01T09:00:00.001Z')).body);
    expect(exact.responses.started).toBe(1);
  });

  it('pages through free-text answers, newest first, verbatim', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const data = SurveyResults.parse((await results(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body);
      seen.push(...data.textAnswers.items.map((item) => item.value));
      cursor = data.textAnswers.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(['\tyarım', '-2+3, "tırnak" ve\nyeni satır', '@SUM(A1:A9)', '+1+1', '=HYPERLINK("http://evil.example","tıkla")', 'Harika kahve']);
  });

  it.each([
    ['an unknown survey', '/v1/merchant/surveys/nope/results', 404, 'survey_not_found'],
    ["another shop's survey", '/v1/merchant/surveys/elsewhere/results', 404, 'survey_not_found'],
    ['a cursor that was never issued', '/v1/merchant/surveys/results/results?cursor=bm9wZQ', 400, 'validation_failed'],
    ['a period that ends before it starts', '/v1/merchant/surveys/results/results?from=2026-11-05&to=2026-11-01', 400, 'validation_failed'],
    ['a date that does not exist', '/v1/merchant/surveys/results/results?from=2026-02-30', 400, 'validation_failed'],
    ['a limit out of range', '/v1/merchant/surveys/results/results?limit=1000', 400, 'validation_failed'],
  ])('refuses %s', async (_name, path, status, code) => {
    const response = await api.merchant('GET', path);
    expect(response.status).toBe(status);
    expect(errorCode(await response.json())).toBe(code);
  });

  it("lets each shop read only its own surveys", async () => {
    const theirs = await api.merchant('GET', '/v1/merchant/surveys/elsewhere/results', { key: otherShop.secretKey });
    expect(theirs.status).toBe(200);
    const ours = await api.merchant('GET', '/v1/merchant/surveys/results/results', { key: otherShop.secretKey });
    expect(ours.status).toBe(404);
  });
});

/** RFC 4180 with every cell quoted, as the export writes it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '"') throw new Error(`unquoted cell at ${i}: ${JSON.stringify(text.slice(i, i + 20))}`);
    let cell = '';
    i++;
    for (;;) {
      if (text[i] === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (text[i] === '"') {
        i++;
        break;
      } else {
        cell += text[i++];
      }
    }
    row.push(cell);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`bad separator at ${i}`);
  }
  return rows;
}

describe('GET /v1/merchant/surveys/{surveyId}/responses.csv', () => {
  it('exports every response for Excel: BOM, one column per question, cells that never run as formulas', async () => {
    const response = await api.merchant('GET', '/v1/merchant/surveys/results/responses.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="survey-results-responses.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1));
    expect(rows[0]).toEqual(['response_id', 'status', 'started_at', 'completed_at', 'locale', 'customer_id', 'order_id', 'survey_version', 'reward_points', 'nps', 'csat', 'pick', 'many', 'note']);
    expect(rows).toHaveLength(13);
    const byId = new Map(rows.slice(1).map((row) => [row[0], row]));
    const first = byId.get(completedIds[0])!;
    expect(first.slice(9)).toEqual(['10', '5', 'Kahve', 'X; Y', 'Harika kahve']);
    expect(first[6]).toBe("'=2+5");
    expect(byId.get(completedIds[1])![5]).toBe("'@evil");
    expect(byId.get(completedIds[2])![11]).toBe("'=Seramik");
    expect(byId.get(completedIds[3])![13]).toBe('\'=HYPERLINK("http://evil.example","tıkla")');
    expect(byId.get(completedIds[6])![13]).toBe("'+1+1");
    expect(byId.get(completedIds[8])![13]).toBe("'@SUM(A1:A9)");
    expect(byId.get(completedIds[9])![13]).toBe('\'-2+3, "tırnak" ve\nyeni satır');
    // No cell anywhere starts like a formula.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it.each(INJECTIONS)('neutralises a cell starting with %j', (value) => {
    expect(csvCell(value)).toBe(`"'${value}"`);
  });

  it('quotes what CSV needs quoted and leaves ordinary text alone', () => {
    expect(csvCell('a "b", c\r\nd')).toBe('"a ""b"", c\r\nd"');
    expect(csvCell('Çay 2+2=4')).toBe('"Çay 2+2=4"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(7)).toBe('"7"');
  });

  it('exports only completed responses when asked, and nothing for another shop', async () => {
    const completed = await api.merchant('GET', '/v1/merchant/surveys/results/responses.csv?status=completed');
    expect(parseCsv((await completed.text()).replace(/^\uFEFF/, ''))).toHaveLength(11);
    const foreign = await api.merchant('GET', '/v1/merchant/surveys/elsewhere/responses.csv');
    expect(foreign.status).toBe(404);
    const anonymous = await api.merchant('GET', '/v1/merchant/surveys/results/responses.csv', { key: null });
    expect(anonymous.status).toBe(401);
  });
});
