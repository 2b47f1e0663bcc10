import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BootResponse, ProgrammeConfig } from '../../src/contract';
import { createApp } from '../../src/server';
import { merchantClient } from '../support/loyalty';
import { testSurvey } from '../support/surveys';
import { createTestBackend, type TestBackend } from '../support/testBackend';

// The in-memory guest boot payload (createApp({ guestBootCacheMs })): served while nothing that
// guests see has changed, and never after an edit made through the API.
let backend: TestBackend;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  backend = await createTestBackend();
  // Long enough that only invalidation, never the clock, can refresh an entry during a test.
  app = createApp({ db: backend.db, guestBootCacheMs: 600_000, log: () => {} });
});
afterAll(() => backend.close());

/** The ids of the surveys a boot payload offers. */
const surveyIds = (body: BootResponse) => (body.surveys ?? []).map((s) => s?.id);

const boot = async (headers: Record<string, string> = {}) => {
  const response = await app.request(`/v1/boot?shop=${backend.shop.publishableKey}&locale=tr`, { headers: { Origin: backend.origin, ...headers } });
  return { response, body: BootResponse.parse(await response.json()) };
};

/** A survey written straight into the table, as another instance would: this process is not told. */
async function insertSurveyBehindTheCachesBack(id: string) {
  const at = new Date().toISOString();
  await backend.db.kysely
    .insertInto('surveys')
    .values({ shop_id: backend.shop.id, id, version: 1, active: 1, definition: JSON.stringify({ ...testSurvey(), id, active: true }), created_at: at, updated_at: at })
    .execute();
}

describe('guest boot payload cached in memory', () => {
  it('serves guests the same payload and ETag until something changes', async () => {
    const first = await boot();
    await insertSurveyBehindTheCachesBack('behind-1');
    const second = await boot();
    expect(second.response.headers.get('ETag')).toBe(first.response.headers.get('ETag'));
    expect(surveyIds(second.body)).not.toContain('behind-1');
    // The app without the cache, on the same database, sees the row: it really is a cached copy.
    const uncached = await backend.app.request(`/v1/boot?shop=${backend.shop.publishableKey}&locale=tr`);
    expect(surveyIds(BootResponse.parse(await uncached.json()))).toContain('behind-1');
  });

  it('a survey saved through the API shows on the next guest boot', async () => {
    await boot();
    const survey = testSurvey({ id: 'through-api' });
    const saved = await app.request('/v1/merchant/surveys/through-api', {
      method: 'PUT',
      headers: { Authorization: `Bearer ${backend.shop.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(survey),
    });
    expect(saved.status).toBeLessThan(300);
    const after = await boot();
    expect(surveyIds(after.body)).toContain('through-api');
  });

  it('a programme edit shows on the next guest boot, whichever instance made it', async () => {
    const before = await boot();
    const merchant = merchantClient(backend); // the other app instance, same database
    const stored = ProgrammeConfig.parse((await merchant('GET', '/v1/merchant/programme')).body);
    await merchant('PUT', '/v1/merchant/programme', { ...stored, name: { ...stored.name, tr: 'Kervan Kulübü Yeni' } });
    const after = await boot({ 'If-None-Match': before.response.headers.get('ETag')! });
    expect(after.response.status).toBe(200);
    expect(after.body.programme.name).toBe('Kervan Kulübü Yeni');
    const again = await app.request(`/v1/boot?shop=${backend.shop.publishableKey}&locale=tr`, { headers: { 'If-None-Match': after.response.headers.get('ETag')! } });
    expect(again.status).toBe(304);
  });

  it('never caches a signed-in shopper’s payload', async () => {
    const token = await backend.tokenFor('mehmet');
    const before = (await boot({ Authorization: `Bearer ${token}` })).body.customer?.balance;
    const adjusted = await merchantClient(backend)('POST', '/v1/merchant/customers/mehmet/adjustments', { points: 7, reason: 'test' }, { 'Idempotency-Key': 'guest-cache-1' });
    expect(adjusted.status).toBe(201);
    const after = (await boot({ Authorization: `Bearer ${token}` })).body.customer?.balance;
    expect(after).toBe((before ?? 0) + 7);
  });

  it('is off unless asked for, and one app’s cache is its own', async () => {
    // backend.app was created without the option, on the same database: it sees the row at once.
    await insertSurveyBehindTheCachesBack('behind-2');
    const response = await backend.app.request(`/v1/boot?shop=${backend.shop.publishableKey}&locale=tr`);
    expect(surveyIds(BootResponse.parse(await response.json()))).toContain('behind-2');
  });
});
