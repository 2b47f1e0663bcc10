import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AllowedOrigins, AuditLogPage, ErrorEnvelope, ProgrammeConfig, type AuditEntry } from '../../src/contract';
import { hashSecretKey } from '../../src/server/auth/secrets';
import { errorFields, testSurvey } from '../support/surveys';
import { merchantClient } from '../support/loyalty';
import { createTestBackend, type TestBackend } from '../support/testBackend';

let backend: TestBackend;
let merchant: ReturnType<typeof merchantClient>;
let clock = Date.parse('2026-11-23T12:00:00.000Z');
let actor: string;

beforeAll(async () => {
  // A clock that moves a second per call, so entries have distinct times to sort by.
  backend = await createTestBackend({ now: () => new Date((clock += 1000)) });
  merchant = merchantClient(backend);
  actor = `secret-key:${hashSecretKey(backend.shop.secretKey).slice(0, 8)}`;
});
afterAll(() => backend.close());

async function page(query = ''): Promise<AuditLogPage> {
  const { status, body } = await merchant('GET', `/v1/merchant/audit-log${query}`);
  expect(status).toBe(200);
  return AuditLogPage.parse(body);
}

const latestConfig = async () => (await page('?type=config&limit=1')).entries[0]!;
const rowCount = async () => Number((await backend.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('configuration changes are audited in the same transaction', () => {
  it('records who, what, before and after for a programme change, with the request id', async () => {
    const before = ProgrammeConfig.parse((await merchant('GET', '/v1/merchant/programme')).body);
    const next = { ...before, rewards: before.rewards.map((r, i) => (i === 0 ? { ...r, cost: r.cost + 7 } : r)) };
    const response = await merchant('PUT', '/v1/merchant/programme', next);
    expect(response.status).toBe(200);
    const entry = await latestConfig();
    expect(entry).toMatchObject({ actor, action: 'programme.update', subject: 'programme', requestId: response.headers.get('X-Request-Id') });
    expect(ProgrammeConfig.parse(entry.before).rewards[0]!.cost).toBe(before.rewards[0]!.cost);
    expect(ProgrammeConfig.parse(entry.after).rewards[0]!.cost).toBe(before.rewards[0]!.cost + 7);
  });

  it('writes nothing, to the programme or the log, when the change is invalid', async () => {
    const before = (await merchant('GET', '/v1/merchant/programme')).body as ProgrammeConfig;
    const count = await rowCount();
    const bad = { ...before, rewards: before.rewards.map((r, i) => (i === 0 ? { ...r, cost: -1 } : r)) };
    const response = await merchant('PUT', '/v1/merchant/programme', bad);
    expect(response.status).toBe(400);
    expect(errorFields(response.body)).toContain('rewards.0.cost');
    expect(await rowCount()).toBe(count);
    expect((await merchant('GET', '/v1/merchant/programme')).body).toEqual(before);
  });

  it('rolls the change back when its audit record cannot be written (injected fault)', async () => {
    const before = (await merchant('GET', '/v1/merchant/programme')).body as ProgrammeConfig;
    const { kysely } = backend.db;
    if (backend.db.dialect === 'postgres') {
      await sql`create function test_refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit refused'; end $$`.execute(kysely);
      await sql`create trigger test_refuse_audit before insert on audit_log for each row when (new.action = 'programme.update') execute function test_refuse_audit()`.execute(kysely);
    } else {
      await sql`create trigger test_refuse_audit before insert on audit_log when new.action = 'programme.update' begin select raise(abort, 'audit refused'); end`.execute(kysely);
    }
    try {
      const response = await merchant('PUT', '/v1/merchant/programme', { ...before, name: { tr: 'Başka ad' } });
      expect(response.status).toBe(500);
      expect((await merchant('GET', '/v1/merchant/programme')).body).toEqual(before);
    } finally {
      await sql`drop trigger test_refuse_audit${sql.raw(backend.db.dialect === 'postgres' ? ' on audit_log' : '')}`.execute(kysely);
    }
  });

  it('records survey saves: a creation has no "before", a replacement has the old definition', async () => {
    const survey = testSurvey();
    expect((await merchant('PUT', `/v1/merchant/surveys/${survey.id}`, survey)).status).toBe(200);
    const created = await latestConfig();
    expect(created).toMatchObject({ actor, action: 'survey.save', subject: `survey:${survey.id}`, before: null });
    const renamed = { ...survey, title: { tr: 'Yeni ad', en: 'New name' } };
    expect((await merchant('PUT', `/v1/merchant/surveys/${survey.id}`, renamed)).status).toBe(200);
    const replaced = await latestConfig();
    expect(replaced.before).toMatchObject({ title: survey.title });
    expect(replaced.after).toMatchObject({ title: renamed.title });
  });
});

describe('allowed origins', () => {
  const preflight = (origin: string) =>
    backend.app.request(`/v1/boot?shop=${backend.shop.publishableKey}`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' },
    });

  it('refuses anything but exact origins, naming the field, and saves nothing', async () => {
    const before = AllowedOrigins.parse((await merchant('GET', '/v1/merchant/allowed-origins')).body);
    const count = await rowCount();
    for (const [origin, index] of [
      ['https://shop.example/', 1],
      ['https://shop.example/path', 1],
      ['*', 1],
      ['null', 1],
      ['http://shop.example', 1],
      ['https://*.shop.example', 1],
      ['HTTPS://SHOP.example', 1],
      [backend.origin, 1],
    ] as const) {
      const response = await merchant('PUT', '/v1/merchant/allowed-origins', { origins: [backend.origin, origin] });
      expect(response.status, origin).toBe(400);
      expect(errorFields(response.body), origin).toEqual([`origins.${index}`]);
    }
    expect((await merchant('PUT', '/v1/merchant/allowed-origins', { origins: 'https://a.example' })).status).toBe(400);
    expect((await merchant('GET', '/v1/merchant/allowed-origins')).body).toEqual(before);
    expect(await rowCount()).toBe(count);
  });

  it('CORS follows the stored list exactly from the next request on, and the change is audited', async () => {
    const before = AllowedOrigins.parse((await merchant('GET', '/v1/merchant/allowed-origins')).body);
    const added = 'https://new-shop.example:8443';
    expect((await preflight(added)).headers.get('Access-Control-Allow-Origin')).toBeNull();
    const response = await merchant('PUT', '/v1/merchant/allowed-origins', { origins: [added, 'http://localhost:5173'] });
    expect(response.status).toBe(200);
    expect(AllowedOrigins.parse(response.body).origins).toEqual([added, 'http://localhost:5173']);
    expect((await preflight(added)).headers.get('Access-Control-Allow-Origin')).toBe(added);
    expect((await preflight('http://localhost:5173')).headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5173');
    // Removed, and near misses of what is stored, get nothing.
    for (const origin of [backend.origin, 'https://new-shop.example', 'https://new-shop.example:8443/', 'http://localhost:5174']) {
      expect((await preflight(origin)).headers.get('Access-Control-Allow-Origin'), origin).toBeNull();
    }
    expect(await latestConfig()).toMatchObject({ actor, action: 'allowed_origins.update', before: before.origins, after: [added, 'http://localhost:5173'] });
    await merchant('PUT', '/v1/merchant/allowed-origins', before);
    expect((await preflight(backend.origin)).headers.get('Access-Control-Allow-Origin')).toBe(backend.origin);
  });
});

describe('ledger changes are audited by the database', () => {
  it('records every ledger entry, whatever wrote it, with who set it in motion', async () => {
    const adjustment = await merchant('POST', '/v1/merchant/customers/ayse/adjustments', { points: 25, reason: 'Kargo gecikmesi', idempotencyKey: 'audit-adj-1' });
    expect(adjustment.status).toBe(201);
    const entryId = (adjustment.body as { entry: { id: string } }).entry.id;
    const ledger = await page('?type=ledger&limit=5');
    const entry = ledger.entries.find((e) => e.id === `ledger:${entryId}`);
    expect(entry).toMatchObject({ actor: 'merchant', action: 'ledger.append', subject: 'customer:ayse', before: null, requestId: null });
    expect(entry!.after).toMatchObject({ entryId, kind: 'adjustment', delta: 25, description: 'Kargo gecikmesi' });
    // The seed's bulk inserts went through the same trigger: one audit row per ledger entry.
    const counts = await backend.db.kysely
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const audited = await backend.db.kysely
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'ledger.append')
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(Number(counts.n));
  });
});

describe('append-only at the database level', () => {
  it('refuses UPDATE and DELETE (and TRUNCATE on PostgreSQL) of the audit log', async () => {
    const { kysely } = backend.db;
    const count = await rowCount();
    await expect(kysely.updateTable('audit_log').set({ actor: 'someone else' }).execute()).rejects.toThrow(/append-only/);
    await expect(kysely.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    if (backend.db.dialect === 'postgres') await expect(sql`truncate audit_log`.execute(kysely)).rejects.toThrow(/append-only/);
    expect(await rowCount()).toBe(count);
  });
});

describe('GET /v1/merchant/audit-log', () => {
  it('pages newest first with a keyset cursor, each entry once', async () => {
    const all: AuditEntry[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null && pages < 5) {
      const next: AuditLogPage = await page(`?type=config&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      all.push(...next.entries);
      cursor = next.nextCursor;
      pages++;
    }
    expect(cursor).toBeNull();
    const ids = all.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.length).toBeGreaterThanOrEqual(6);
    const times = all.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(all.every((e) => e.action !== 'ledger.append')).toBe(true);
  });

  it('answers bad input with field errors and a wrong key with a bare 401', async () => {
    for (const query of ['?limit=0', '?limit=101', '?type=everything', '?cursor=not*a*cursor', '?cursor=bm9wZQ', '?extra=1']) {
      const { status, body } = await merchant('GET', `/v1/merchant/audit-log${query}`);
      expect(status, query).toBe(400);
      expect(ErrorEnvelope.parse(body).error.code, query).toBe('validation_failed');
    }
    const wrong = await merchantClient(backend, `sk_demo_${'x'.repeat(40)}`)('GET', '/v1/merchant/audit-log');
    expect(wrong.status).toBe(401);
    expect(ErrorEnvelope.parse(wrong.body).error).toMatchObject({ code: 'unauthorized', message: 'Unauthorized.' });
    expect(ErrorEnvelope.parse(wrong.body).error.fields).toBeUndefined();
  });

  it('is in the OpenAPI document', async () => {
    const spec = (await (await backend.app.request('/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/v1/merchant/audit-log', '/v1/merchant/allowed-origins']));
  });
});
