import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureCustomer } from '../../src/server/domain/customers';
import { appendLedgerEntry } from '../../src/server/domain/ledger';
import { ledgerViolations } from '../../src/server/domain/ledgerCheck';
import { createTestBackend, type TestBackend } from '../support/testBackend';

// T39's post-run check: the ledger invariants over the whole database. Sound books after a burst of
// real, racing redemptions; each kind of damage (injected on purpose) is found and named.

let backend: TestBackend | undefined;
afterEach(async () => {
  await backend?.close();
  backend = undefined;
});

async function start() {
  backend = await createTestBackend();
  return backend;
}

async function customerWith(b: TestBackend, points: number) {
  const externalId = `c-${randomUUID()}`;
  const id = await b.db.kysely.transaction().execute(async (trx) => {
    const customer = await ensureCustomer(trx, b.shop.id, { externalId }, new Date());
    await appendLedgerEntry(trx, { shopId: b.shop.id, customerId: customer.id, delta: points, kind: 'adjustment', at: new Date() });
    return customer.id;
  });
  return { id, token: await b.tokenFor(externalId) };
}

const redeem = (b: TestBackend, token: string, rewardId: string, key = randomUUID()) =>
  b.app.request(`/v1/redemptions?shop=${b.shop.publishableKey}&locale=tr`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify({ rewardId }),
  });

describe('ledger invariants over the whole database', () => {
  it('hold after racing redemptions, repeated keys and overdraw attempts through the API', async () => {
    const b = await start();
    const one = await customerWith(b, 1000);
    const many = await customerWith(b, 5000);
    const key = randomUUID();
    const statuses = await Promise.all([
      ...Array.from({ length: 20 }, () => redeem(b, one.token, '50-off')),
      ...Array.from({ length: 10 }, () => redeem(b, many.token, 'free-shipping', key)),
      ...Array.from({ length: 10 }, () => redeem(b, many.token, 'free-shipping')),
    ]).then((responses) => responses.map((response) => response.status));
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(2);
    expect(await ledgerViolations(b.db.kysely)).toEqual([]);
  });

  it('names a cached balance that drifted from the ledger', async () => {
    const b = await start();
    const c = await customerWith(b, 700);
    await b.db.kysely.updateTable('customers').set({ balance: 701 }).where('shop_id', '=', b.shop.id).where('id', '=', c.id).execute();
    expect(await ledgerViolations(b.db.kysely)).toEqual([`customer ${b.shop.id}/${c.id}: balance 701, ledger sum 700`]);
  });

  it('names a code nobody paid for, and a debit that gave no code', async () => {
    const b = await start();
    const c = await customerWith(b, 2000);
    await b.db.kysely
      .insertInto('coupons')
      .values({ shop_id: b.shop.id, code: 'FREE-FREE-FREE', customer_id: c.id, reward_id: '50-off', reward: '{}', cost: 1000, status: 'issued', created_at: new Date().toISOString() })
      .execute();
    await b.db.kysely.transaction().execute((trx) =>
      appendLedgerEntry(trx, { shopId: b.shop.id, customerId: c.id, delta: -400, kind: 'redemption', reference: 'LOST-LOST-LOST', at: new Date() }),
    );
    const found = await ledgerViolations(b.db.kysely);
    expect(found).toHaveLength(2);
    expect(found[0]).toBe(`coupon ${b.shop.id}/FREE-FREE-FREE: 0 debit(s) totalling 0 for a cost of 1000`);
    expect(found[1]).toMatch(/: a redemption debit without its code$/);
  });
});
