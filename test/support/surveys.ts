import { randomUUID } from 'node:crypto';
import { BootResponse, ErrorEnvelope, SurveyConfig, type SurveyConfigInput } from '../../src/contract';
import type { TestBackend } from './testBackend';

/** A small valid survey; tests override what they exercise. */
export function testSurvey(overrides: Partial<SurveyConfigInput> = {}): SurveyConfigInput {
  return {
    id: `s-${randomUUID().slice(0, 8)}`,
    title: { tr: 'Test anketi', en: 'Test survey' },
    trigger: { kind: 'manual' },
    audience: 'everyone',
    frequency: { mode: 'once-per-customer', recontactDays: 30 },
    questions: [
      {
        id: 'nps',
        type: 'nps',
        required: true,
        prompt: { tr: 'Bizi önerir misin?', en: 'Would you recommend us?' },
        logic: [
          { when: { questionId: 'nps', op: 'lte', value: 6 }, goTo: 'why' },
          { when: { questionId: 'nps', op: 'gte', value: 9 }, goTo: 'thanks' },
          { goTo: 'improve' },
        ],
      },
      { id: 'why', type: 'text', required: false, maxLength: 200, prompt: { tr: 'Ne ters gitti?', en: 'What went wrong?' }, logic: [{ goTo: 'thanks' }] },
      { id: 'improve', type: 'text', required: false, maxLength: 200, prompt: { tr: 'Neyi iyileştirelim?', en: 'What should we improve?' } },
    ],
    thankYou: { title: { tr: 'Teşekkürler', en: 'Thanks' } },
    ...overrides,
  };
}

export interface Reply {
  status: number;
  body: unknown;
}

export const errorCode = (body: unknown) => ErrorEnvelope.parse(body).error.code;
export const errorFields = (body: unknown) => ErrorEnvelope.parse(body).error.fields?.map((f) => f.path) ?? [];

/** Calls the survey routes of a test backend the way the widget and the shop's server do. */
export function surveyClient(backend: TestBackend) {
  const shopQuery = (key = backend.shop.publishableKey) => `shop=${key}`;
  async function reply(response: Response): Promise<Reply> {
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  }
  return {
    /** POST /v1/survey-responses; `raw` sends a string as-is, `contentType` overrides JSON. */
    async respond(body: unknown, options: { token?: string; raw?: string; contentType?: string; shopKey?: string } = {}): Promise<Reply> {
      const response = await backend.app.request(`/v1/survey-responses?${shopQuery(options.shopKey)}`, {
        method: 'POST',
        headers: {
          'Content-Type': options.contentType ?? 'application/json',
          Origin: backend.origin,
          ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
        },
        body: options.raw ?? JSON.stringify(body),
      });
      return reply(response);
    },
    async event(kind: 'impressions' | 'dismissals', body: unknown, options: { token?: string; contentType?: string } = {}): Promise<Reply> {
      const response = await backend.app.request(`/v1/survey-${kind}?${shopQuery()}`, {
        method: 'POST',
        headers: { 'Content-Type': options.contentType ?? 'application/json', ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}) },
        body: JSON.stringify(body),
      });
      return reply(response);
    },
    async boot(options: { token?: string; locale?: string } = {}): Promise<BootResponse> {
      const response = await backend.app.request(`/v1/boot?${shopQuery()}${options.locale ? `&locale=${options.locale}` : ''}`, {
        headers: options.token ? { Authorization: `Bearer ${options.token}` } : {},
      });
      if (response.status !== 200) throw new Error(`boot answered ${response.status}`);
      return BootResponse.parse(await response.json());
    },
    async merchant(method: string, path: string, options: { body?: unknown; key?: string | null; headers?: Record<string, string> } = {}): Promise<Response> {
      const key = options.key === undefined ? backend.shop.secretKey : options.key;
      return backend.app.request(path, {
        method,
        headers: {
          ...(key ? { Authorization: `Bearer ${key}` } : {}),
          ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...options.headers,
        },
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      });
    },
    /** Saves a survey through the merchant API and returns its parsed configuration. */
    async save(survey: SurveyConfigInput): Promise<SurveyConfig> {
      const response = await this.merchant('PUT', `/v1/merchant/surveys/${survey.id}`, { body: survey });
      if (response.status !== 200) throw new Error(`saving ${survey.id} answered ${response.status}: ${await response.text()}`);
      return SurveyConfig.parse(survey);
    },
  };
}

/** What the database holds for a survey: the proof behind every "nothing stored". */
export async function storedResponses(backend: TestBackend, surveyId?: string) {
  let query = backend.db.kysely.selectFrom('survey_responses').selectAll().where('shop_id', '=', backend.shop.id);
  if (surveyId) query = query.where('survey_id', '=', surveyId);
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => ({ ...row, answers: JSON.parse(row.answers) as Record<string, unknown> }));
}

export async function storedEvents(backend: TestBackend, surveyId: string) {
  return backend.db.kysely.selectFrom('survey_events').selectAll().where('shop_id', '=', backend.shop.id).where('survey_id', '=', surveyId).execute();
}

export async function surveyLedgerEntries(backend: TestBackend, externalId: string) {
  return backend.db.kysely
    .selectFrom('ledger_entries')
    .innerJoin('customers', (join) => join.onRef('customers.shop_id', '=', 'ledger_entries.shop_id').onRef('customers.id', '=', 'ledger_entries.customer_id'))
    .select(['ledger_entries.delta', 'ledger_entries.dedupe_key', 'ledger_entries.reference', 'ledger_entries.kind'])
    .where('ledger_entries.shop_id', '=', backend.shop.id)
    .where('customers.external_id', '=', externalId)
    .where('ledger_entries.kind', '=', 'survey')
    .execute();
}

/** A response body with sensible defaults. */
export function responseBody(surveyId: string, overrides: Record<string, unknown> = {}) {
  return { responseId: randomUUID(), surveyId, answers: [], completed: false, locale: 'tr', ...overrides };
}
