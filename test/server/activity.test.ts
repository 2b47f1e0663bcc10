import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityPage, BootResponse, ErrorEnvelope, type ActivityEntry } from '../../src/contract';
import { inTransaction } from '../../src/server/db/transaction';
import { appendLedgerEntry } from '../../src/server/domain/ledger';
import { customerRow, shopperClient } from '../support/loyalty';
import { createTestBackend, type TestBackend } from '../support/testBackend';

const NOW = new Date('2026-11-23T12:00:00.000Z');
let backend: TestBackend;
let shopper: ReturnType<typeof shopperClient>;

beforeAll(async () => {
  backend = await createTestBackend({ now: () => NOW });
  shopper = shopperClient(backend);
});
afterAll(() => backend.close());

const errorOf = (body: unknown) => ErrorEnvelope.parse(body).error;

async function page(token: string, query = '') {
  const { status, body } = await shopper('GET', `/v1/activity${query ? `?${query}` : ''}`, token);
  return { status, body, data: status === 200 ? ActivityPage.parse(body) : null };
}

async function allPages(token: string, limit: number): Promise<ActivityEntry[][]> {
  const pages: ActivityEntry[][] = [];
  let cursor: string | null = null;
  do {
    const { data } = await page(token, `limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    pages.push(data!.entries);
    cursor = data!.nextCursor;
  } while (cursor);
  return pages;
}

describe('GET /v1/activity', () => {
  it("pages through the shopper's whole history, newest first", async () => {
    const token = await backend.tokenFor('ayse');
    const pages = await allPages(token, 3);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 2]);
    const entries = pages.flat();
    expect(entries.map((e) => e.kind)).toEqual(['order', 'redemption', 'review', 'order', 'order', 'action', 'order', 'signup']);
    expect(entries[1]).toMatchObject({ delta: -1000, reference: '7QX4-M2PD-KH3A', description: '50 ₺ indirim' });
    const times = entries.map((e) => e.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const { data } = await page(token);
    expect(data?.entries).toEqual(entries); // the default page (20) holds everything
    expect(data?.nextCursor).toBeNull();
  });

  it('keeps its place when entries arrive between pages, and breaks ties on the same instant by id', async () => {
    const token = await backend.tokenFor('mehmet');
    const row = await customerRow(backend, 'mehmet');
    // Five entries at the very same instant: only the id tells them apart.
    await inTransaction(backend.db, async (trx) => {
      for (let i = 0; i < 5; i++) {
        await appendLedgerEntry(trx, { shopId: backend.shop.id, customerId: row.id, delta: i + 1, kind: 'adjustment', at: new Date('2026-10-01T00:00:00.000Z') });
      }
    });
    const first = await page(token, 'limit=4');
    // A new entry lands while the shopper reads page one.
    await inTransaction(backend.db, (trx) =>
      appendLedgerEntry(trx, { shopId: backend.shop.id, customerId: row.id, delta: 9, kind: 'adjustment', at: NOW }),
    );
    const rest = await page(token, `limit=50&cursor=${first.data!.nextCursor}`);
    const seen = [...first.data!.entries, ...rest.data!.entries];
    expect(seen).toHaveLength(7); // 2 seeded + 5, the late one is not on these pages
    expect(new Set(seen.map((e) => e.id)).size).toBe(7);
    expect(seen.some((e) => e.delta === 9)).toBe(false);
    const fresh = await page(token, 'limit=1');
    expect(fresh.data?.entries[0]?.delta).toBe(9);
  });

  it('gives a shopper the ledger has never seen an empty history, without creating them', async () => {
    const { status, data } = await page(await backend.tokenFor('new-shopper'));
    expect(status).toBe(200);
    expect(data).toEqual({ entries: [], nextCursor: null });
    const rows = await backend.db.kysely.selectFrom('customers').select('id').where('external_id', '=', 'new-shopper').execute();
    expect(rows).toHaveLength(0);
  });

  it.each([
    ['a cursor that is not base64url', 'cursor=not%20a%20cursor', 'cursor'],
    ['a cursor that decodes to something else', `cursor=${Buffer.from('2026-01-01|x').toString('base64url')}`, 'cursor'],
    ['a limit of 0', 'limit=0', 'limit'],
    ['a limit above 50', 'limit=51', 'limit'],
    ['a limit that is not a number', 'limit=ten', 'limit'],
    ['an unknown parameter', 'customer=ayse', 'customer'],
  ])('refuses %s with 400 naming the field', async (_name, query, field) => {
    const { status, body } = await page(await backend.tokenFor('ayse'), query);
    expect(status).toBe(400);
    expect(errorOf(body).fields?.map((f) => f.path)).toContain(field);
  });

  it('needs a signed-in shopper, and is private', async () => {
    const guest = await backend.app.request(`/v1/activity?shop=${backend.shop.publishableKey}`);
    expect(guest.status).toBe(401);
    const response = await backend.app.request(`/v1/activity?shop=${backend.shop.publishableKey}`, {
      headers: { Authorization: `Bearer ${await backend.tokenFor('ayse')}`, Origin: backend.origin },
    });
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(backend.origin);
  });
});

describe('the boot snapshot for the Rewards and Earn views', () => {
  async function boot(customerId: string) {
    const response = await backend.app.request(`/v1/boot?shop=${backend.shop.publishableKey}&locale=en`, {
      headers: { Authorization: `Bearer ${await backend.tokenFor(customerId)}` },
    });
    return BootResponse.parse(await response.json()).customer;
  }

  it("lists only the shopper's unused codes, named in their language", async () => {
    const elif = await boot('elif');
    expect(elif?.coupons).toEqual([
      expect.objectContaining({ code: 'K7PM-3XQA-H9TW', rewardId: 'free-shipping', rewardName: 'Free shipping', status: 'issued', usedAt: null }),
    ]);
    const ayse = await boot('ayse');
    expect(ayse?.coupons).toEqual([]); // her only code was used on order 1296
    expect(ayse?.claimedActions).toEqual(['instagram']);
    expect(ayse?.birthday).toBeNull();
  });
});
