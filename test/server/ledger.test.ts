import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendLedgerEntry, ledgerSum } from '../../src/server/domain/ledger';
import { isUniqueViolation } from '../../src/server/db/dialect';
import { createTestBackend, type TestBackend } from '../support/testBackend';

let backend: TestBackend;
let customerId: string;
beforeAll(async () => {
  backend = await createTestBackend();
  customerId = (await backend.db.kysely.selectFrom('customers').select('id').where('external_id', '=', 'mehmet').executeTakeFirstOrThrow()).id;
});
afterAll(() => backend.close());

const balance = async () =>
  (await backend.db.kysely.selectFrom('customers').select('balance').where('id', '=', customerId).executeTakeFirstOrThrow()).balance;

describe('the points ledger', () => {
  it('keeps the cached balance equal to the sum of entries for every seeded shopper', async () => {
    const customers = await backend.db.kysely.selectFrom('customers').select(['id', 'balance']).execute();
    expect(customers.length).toBeGreaterThanOrEqual(3);
    for (const customer of customers) {
      expect(customer.balance).toBe(await ledgerSum(backend.db.kysely, backend.shop.id, customer.id));
    }
  });

  it('moves the balance with each entry in the same transaction', async () => {
    const before = await balance();
    await backend.db.kysely.transaction().execute((trx) =>
      appendLedgerEntry(trx, { shopId: backend.shop.id, customerId, delta: 75, kind: 'review', at: new Date() }),
    );
    expect(await balance()).toBe(before + 75);
    expect(await ledgerSum(backend.db.kysely, backend.shop.id, customerId)).toBe(before + 75);
  });

  it('rolls the entry back with the balance when the transaction fails', async () => {
    const before = await balance();
    await expect(
      backend.db.kysely.transaction().execute(async (trx) => {
        await appendLedgerEntry(trx, { shopId: backend.shop.id, customerId, delta: 500, kind: 'adjustment', at: new Date() });
        throw new Error('fail after write');
      }),
    ).rejects.toThrow('fail after write');
    expect(await balance()).toBe(before);
    expect(await ledgerSum(backend.db.kysely, backend.shop.id, customerId)).toBe(before);
  });

  it('refuses a second entry with the same once-only key', async () => {
    const write = () =>
      backend.db.kysely.transaction().execute((trx) =>
        appendLedgerEntry(trx, { shopId: backend.shop.id, customerId, delta: 250, kind: 'birthday', dedupeKey: 'birthday:mehmet:2026', at: new Date() }),
      );
    await write();
    const before = await balance();
    const error = await write().catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(await balance()).toBe(before);
  });

  it('is append-only: the database refuses updates and deletes', async () => {
    const entry = await backend.db.kysely.selectFrom('ledger_entries').select('id').limit(1).executeTakeFirstOrThrow();
    await expect(backend.db.kysely.updateTable('ledger_entries').set({ delta: 1_000_000 }).where('id', '=', entry.id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(backend.db.kysely.deleteFrom('ledger_entries').where('id', '=', entry.id).execute()).rejects.toThrow(/append-only/);
  });

  it('refuses fractional and unsafe deltas', async () => {
    for (const delta of [1.5, Number.NaN, 2 ** 53]) {
      await expect(
        backend.db.kysely.transaction().execute((trx) =>
          appendLedgerEntry(trx, { shopId: backend.shop.id, customerId, delta, kind: 'adjustment', at: new Date() }),
        ),
      ).rejects.toThrow(/safe integer/);
    }
  });
});
