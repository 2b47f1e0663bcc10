import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BootResponse, ProgrammeConfig } from '../../src/contract';
import { merchantClient } from '../support/loyalty';
import { createTestBackend, type TestBackend } from '../support/testBackend';

// Conditional GETs of the boot payload: what the widget's sessionStorage copy and a CDN's copy of
// the guest payload revalidate against.
let backend: TestBackend;
const NOW = new Date('2026-11-23T12:00:00Z');

beforeAll(async () => {
  backend = await createTestBackend({ now: () => NOW });
});
afterAll(() => backend.close());

const boot = (query: string, headers: Record<string, string> = {}) =>
  backend.app.request(`/v1/boot?shop=${backend.shop.publishableKey}&${query}`, { headers: { Origin: backend.origin, ...headers } });

describe('GET /v1/boot, conditional', () => {
  it('gives the guest payload a weak ETag, public but revalidated on every use', async () => {
    const response = await boot('locale=en');
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).toMatch(/^W\/"[^"]+"$/);
    expect(response.headers.get('Cache-Control')).toBe('public, no-cache');
    expect(response.headers.get('Vary')).toMatch(/authorization/i);
    // Readable by the widget across origins.
    expect(response.headers.get('Access-Control-Expose-Headers')).toMatch(/etag/i);
  });

  it('answers a matching If-None-Match with a bodiless 304 that keeps ETag, caching and CORS headers', async () => {
    const first = await boot('locale=en');
    const etag = first.headers.get('ETag')!;
    const again = await boot('locale=en', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('ETag')).toBe(etag);
    expect(again.headers.get('Cache-Control')).toBe('public, no-cache');
    expect(again.headers.get('Access-Control-Allow-Origin')).toBe(backend.origin);
    expect(again.headers.get('Access-Control-Expose-Headers')).toMatch(/etag/i);
  });

  it('a stale ETag, another locale or another shopper gets the full payload', async () => {
    const en = (await boot('locale=en')).headers.get('ETag')!;
    const tr = await boot('locale=tr', { 'If-None-Match': en });
    expect(tr.status).toBe(200);
    expect(tr.headers.get('ETag')).not.toBe(en);
    const stale = await boot('locale=en', { 'If-None-Match': 'W/"stale"' });
    expect(stale.status).toBe(200);
    const ayse = await boot('locale=en', { Authorization: `Bearer ${await backend.tokenFor('ayse')}`, 'If-None-Match': en });
    expect(ayse.status).toBe(200);
    expect(BootResponse.parse(await ayse.json()).customer?.id).toBe('ayse');
  });

  it('keeps a shopper’s snapshot private and unstored by shared caches, but revalidatable', async () => {
    const token = await backend.tokenFor('ayse');
    const first = await boot('locale=tr', { Authorization: `Bearer ${token}` });
    expect(first.headers.get('Cache-Control')).toBe('private, no-store');
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^W\//);
    const again = await boot('locale=tr', { Authorization: `Bearer ${token}`, 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('Cache-Control')).toBe('private, no-store');
    // Another shopper never matches ayşe's tag.
    const mehmet = await boot('locale=tr', { Authorization: `Bearer ${await backend.tokenFor('mehmet')}`, 'If-None-Match': etag });
    expect(mehmet.status).toBe(200);
  });

  it('a balance change gives the shopper a new ETag', async () => {
    const token = await backend.tokenFor('elif');
    const before = (await boot('locale=tr', { Authorization: `Bearer ${token}` })).headers.get('ETag')!;
    const merchant = merchantClient(backend);
    const adjusted = await merchant('POST', '/v1/merchant/customers/elif/adjustments', { points: 25, reason: 'goodwill' }, { 'Idempotency-Key': 'etag-test-1' });
    expect(adjusted.status).toBeLessThan(300);
    const after = await boot('locale=tr', { Authorization: `Bearer ${token}`, 'If-None-Match': before });
    expect(after.status).toBe(200);
    expect(after.headers.get('ETag')).not.toBe(before);
  });

  it('a merchant’s programme edit shows on the next revalidation', async () => {
    const first = await boot('locale=en');
    const etag = first.headers.get('ETag')!;
    const merchant = merchantClient(backend);
    const stored = ProgrammeConfig.parse((await merchant('GET', '/v1/merchant/programme')).body);
    const put = await merchant('PUT', '/v1/merchant/programme', { ...stored, name: { ...stored.name, en: 'Caravan Club Plus' } });
    expect(put.status).toBe(200);
    const next = await boot('locale=en', { 'If-None-Match': etag });
    expect(next.status).toBe(200);
    expect(next.headers.get('ETag')).not.toBe(etag);
    expect(BootResponse.parse(await next.json()).programme.name).toBe('Caravan Club Plus');
  });
});
