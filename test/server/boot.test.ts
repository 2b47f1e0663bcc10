import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BootResponse, ErrorEnvelope } from '../../src/contract';
import { ledgerSum } from '../../src/server/domain/ledger';
import { createTestBackend, type TestBackend } from '../support/testBackend';

let backend: TestBackend;
const NOW = new Date('2026-11-23T12:00:00Z');

beforeAll(async () => {
  backend = await createTestBackend({ now: () => NOW });
});
afterAll(() => backend.close());

async function boot(query: string, token?: string) {
  const response = await backend.app.request(`/v1/boot?${query}`, {
    headers: { Origin: backend.origin, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  return { response, body: (await response.json()) as unknown };
}

describe('GET /v1/boot', () => {
  it('gives a guest the programme in the requested locale and no customer', async () => {
    const { response, body } = await boot(`shop=${backend.shop.publishableKey}&locale=en`);
    expect(response.status).toBe(200);
    const data = BootResponse.parse(body);
    expect(data.customer).toBeNull();
    expect(data.locale).toBe('en');
    expect(data.programme.name).toBe('Kervan Club');
    expect(data.programme.tiers.map((t) => t.name)).toEqual(['Bronze', 'Silver', 'Gold']);
    expect(response.headers.get('Cache-Control')).toContain('public');
  });

  it('falls back to the shop default locale for languages without shop texts', async () => {
    const { body } = await boot(`shop=${backend.shop.publishableKey}&locale=de-DE`);
    const data = BootResponse.parse(body);
    expect(data.locale).toBe('de-DE');
    expect(data.programme.name).toBe('Kervan Kulübü');
  });

  it("gives a signed-in shopper their own snapshot, with the balance equal to the ledger's sum", async () => {
    const { response, body } = await boot(`shop=${backend.shop.publishableKey}&locale=tr`, await backend.tokenFor('ayse'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    const { customer } = BootResponse.parse(body);
    const row = await backend.db.kysely.selectFrom('customers').select('id').where('external_id', '=', 'ayse').executeTakeFirstOrThrow();
    expect(customer?.balance).toBe(await ledgerSum(backend.db.kysely, backend.shop.id, row.id));
    expect(customer).toMatchObject({ id: 'ayse', firstName: 'Ayşe', balance: 2450 });
    expect(customer?.tier).toMatchObject({ value: 3450, current: { id: 'gumus', name: 'Gümüş' }, next: { id: 'altin', remaining: 550 } });
    expect(customer?.tier.progress).toBeCloseTo((3450 - 1500) / (4000 - 1500));
    expect(customer?.recentActivity[0]).toMatchObject({ kind: 'order', delta: 725, reference: '#1296' });
  });

  it('shows the top tier with no next step', async () => {
    const { body } = await boot(`shop=${backend.shop.publishableKey}`, await backend.tokenFor('elif'));
    const { customer } = BootResponse.parse(body);
    expect(customer?.tier.current?.id).toBe('altin');
    expect(customer?.tier.next).toBeNull();
    expect(customer?.tier.progress).toBe(1);
  });

  it('treats a verified customer the ledger has never seen as a new member without writing anything', async () => {
    const token = await backend.tokenFor('newcomer-1', { name: 'Deniz Arslan' });
    const { body } = await boot(`shop=${backend.shop.publishableKey}`, token);
    const { customer } = BootResponse.parse(body);
    expect(customer).toMatchObject({ id: 'newcomer-1', firstName: 'Deniz', balance: 0, recentActivity: [] });
    expect(customer?.tier.current?.id).toBe('bronz');
    const rows = await backend.db.kysely.selectFrom('customers').select('id').where('external_id', '=', 'newcomer-1').execute();
    expect(rows).toHaveLength(0);
  });

  it('ignores customer ids sent by the client: only the token decides who you are', async () => {
    const { body } = await boot(`shop=${backend.shop.publishableKey}&customer=ayse`, await backend.tokenFor('mehmet'));
    expect(ErrorEnvelope.parse(body).error.code).toBe('validation_failed');
    const { body: own } = await boot(`shop=${backend.shop.publishableKey}`, await backend.tokenFor('mehmet'));
    expect(BootResponse.parse(own).customer).toMatchObject({ id: 'mehmet', balance: 380 });
  });

  it('answers an unknown shop with 404 unknown_shop and a missing one with 400', async () => {
    const unknown = await boot('shop=pk_live_doesnotexist1');
    expect(unknown.response.status).toBe(404);
    expect(ErrorEnvelope.parse(unknown.body).error.code).toBe('unknown_shop');
    const missing = await boot('locale=tr');
    expect(missing.response.status).toBe(400);
    expect(ErrorEnvelope.parse(missing.body).error.code).toBe('bad_request');
  });

  it('names the offending field when the query is invalid', async () => {
    const { response, body } = await boot(`shop=${backend.shop.publishableKey}&locale=<script>`);
    expect(response.status).toBe(400);
    const { error } = ErrorEnvelope.parse(body);
    expect(error.code).toBe('validation_failed');
    expect(error.fields?.map((f) => f.path)).toEqual(['locale']);
  });
});
