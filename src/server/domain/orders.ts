import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  campaignMultiplier,
  orderPoints,
  type OrderView,
  type ProgrammeConfig,
  type RefundRequest,
  type RefundResponse,
  type ReportOrderRequest,
  type ReportOrderResponse,
} from '../../contract';
import type { Database } from '../db/database';
import type { OrderRow, RefundRow, Tables } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { ApiError } from '../http/errors';
import { ensureCustomer } from './customers';
import { dedupeKeys, orderRule } from './earning';
import { balanceOf, appendLedgerEntryOnce } from './ledger';
import { afterOrderRecorded, afterOrderRefunded } from './orderEvents';
import { tierFor, tierValue } from './tiers';

/** How far in the future an order's `createdAt` may be (clock skew between the shop and us). */
const CREATED_AT_SKEW_MS = 5 * 60 * 1000;

export const toMinor = (amount: number) => Math.round(amount * 100);
const toMajor = (minor: number) => minor / 100;

/**
 * Points a refund takes back, so that after all refunds so far the order keeps
 * `floor(pointsEarned × (amount − refunded) / amount)`: each refund reverses the difference between
 * that and what earlier refunds reversed. Cumulative, so two partial refunds reverse exactly what
 * one refund of the same total would, and a full refund reverses every point. Exact integer
 * arithmetic on minor units.
 */
export function pointsToReverse(input: { pointsEarned: number; amountMinor: number; refundedMinor: number; alreadyReversed: number }): number {
  if (input.amountMinor <= 0 || input.pointsEarned <= 0) return 0;
  const net = BigInt(Math.max(0, input.amountMinor - input.refundedMinor));
  const kept = Number((BigInt(input.pointsEarned) * net) / BigInt(input.amountMinor));
  return Math.max(0, input.pointsEarned - kept - input.alreadyReversed);
}

type OrderWithCustomer = OrderRow & { customer_external_id: string };

async function findOrder(trx: Kysely<Tables>, shopId: string, orderId: string): Promise<OrderWithCustomer | undefined> {
  return trx
    .selectFrom('orders')
    .innerJoin('customers', (join) => join.onRef('customers.shop_id', '=', 'orders.shop_id').onRef('customers.id', '=', 'orders.customer_id'))
    .selectAll('orders')
    .select('customers.external_id as customer_external_id')
    .where('orders.shop_id', '=', shopId)
    .where('orders.external_id', '=', orderId)
    .executeTakeFirst();
}

export function orderView(order: OrderWithCustomer): OrderView {
  return {
    orderId: order.external_id,
    customerId: order.customer_external_id,
    amount: toMajor(order.amount_minor),
    refundedAmount: toMajor(order.refunded_minor),
    currency: order.currency,
    pointsEarned: order.points_earned,
    pointsReversed: order.points_reversed,
    createdAt: order.created_at,
  };
}

/** The shop's order, or 404 `order_not_found` (also for another shop's order). */
export async function getOrder(db: Database, shopId: string, orderId: string): Promise<OrderView> {
  const order = await findOrder(db.kysely, shopId, orderId);
  if (!order) throw new ApiError('order_not_found', 'This shop has no order with this id.');
  return orderView(order);
}

function invalid(path: string, message: string): ApiError {
  return new ApiError('validation_failed', `Invalid request: check ${path}.`, [{ path, message }]);
}

export interface ReportOrderInput {
  shopId: string;
  programme: ProgrammeConfig;
  order: ReportOrderRequest;
  now: Date;
}

/**
 * Records an order and books its points, once. The order row's unique (shop, order id) key is
 * the gate: a repeat, even a concurrent one on another instance, finds the recorded order and
 * answers with it (200) instead of earning again; a repeat that disagrees (amount, currency,
 * customer) is a 409 `conflict`. Points: see `orderPoints()` in the contract.
 */
export async function reportOrder(db: Database, input: ReportOrderInput): Promise<{ status: 200 | 201; body: ReportOrderResponse }> {
  const { shopId, programme, order, now } = input;
  if (order.currency !== programme.currency) throw invalid('currency', `must be ${programme.currency}, the programme's currency`);
  const createdAt = order.createdAt ? new Date(order.createdAt) : now;
  if (createdAt.getTime() > now.getTime() + CREATED_AT_SKEW_MS) throw invalid('createdAt', 'must not be in the future');
  const amountMinor = toMinor(order.amount);

  const replay = async (trx: Transaction<Tables>, existing: OrderWithCustomer) => {
    if (existing.amount_minor !== amountMinor || existing.currency !== order.currency || existing.customer_external_id !== order.customer.id) {
      throw new ApiError('conflict', 'This order id was already reported with a different amount, currency or customer.');
    }
    return { status: 200 as const, body: { order: orderView(existing), balance: await balanceOf(trx, shopId, existing.customer_id) } };
  };

  return inTransaction(db, async (trx) => {
    const existing = await findOrder(trx, shopId, order.orderId);
    if (existing) return replay(trx, existing);

    const customer = await ensureCustomer(trx, shopId, { externalId: order.customer.id, email: order.customer.email, name: order.customer.name }, now);
    const rule = orderRule(programme);
    // The tier the shopper holds as the order arrives (the order itself does not count yet).
    const tier = tierFor(programme, await tierValue(trx, programme, shopId, customer.id, now));
    const points = rule
      ? orderPoints({
          amount: order.amount,
          pointsPerUnit: rule.pointsPerUnit,
          tierMultiplier: tier?.multiplier ?? 1,
          campaignMultiplier: campaignMultiplier(programme.campaigns, createdAt),
        })
      : 0;

    const row: OrderRow = {
      shop_id: shopId,
      id: randomUUID(),
      customer_id: customer.id,
      external_id: order.orderId,
      amount_minor: amountMinor,
      refunded_minor: 0,
      currency: order.currency,
      created_at: createdAt.toISOString(),
      points_earned: points,
      points_reversed: 0,
      referral_code: order.referralCode ?? null,
      context: order.context ? JSON.stringify(order.context) : null,
    };
    const inserted = await trx
      .insertInto('orders')
      .values(row)
      .onConflict((oc) => oc.columns(['shop_id', 'external_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) {
      // Another request recorded this order since we looked: answer as a repeat.
      const raced = await findOrder(trx, shopId, order.orderId);
      if (!raced) throw new Error('order vanished after a conflicting insert');
      return replay(trx, raced);
    }
    if (points > 0) {
      await appendLedgerEntryOnce(trx, {
        shopId,
        customerId: customer.id,
        delta: points,
        kind: 'order',
        reference: `#${order.orderId}`,
        dedupeKey: dedupeKeys.order(order.orderId),
        at: now,
      });
    }
    const { referral } = await afterOrderRecorded(trx, {
      shopId,
      programme,
      order: row,
      customer,
      referralCode: order.referralCode ?? null,
      context: order.context ?? null,
      now,
    });
    return {
      status: 201 as const,
      body: {
        order: orderView({ ...row, customer_external_id: customer.external_id }),
        balance: await balanceOf(trx, shopId, customer.id),
        ...(referral ? { referral } : {}),
      },
    };
  });
}

export interface RefundInput {
  shopId: string;
  programme: ProgrammeConfig;
  orderId: string;
  refund: RefundRequest;
  now: Date;
}

function refundView(refund: RefundRow) {
  return { refundId: refund.refund_id, amount: toMajor(refund.amount_minor), pointsReversed: refund.points_reversed, createdAt: refund.created_at };
}

/**
 * Records a refund once per refund id and takes back the order's points in proportion. All refunds
 * together may not exceed the order (409 `refund_exceeds_order`, checked by a conditional write, so
 * two concurrent refunds cannot both slip under the limit). The clawback is a system entry: it may
 * leave the balance negative, and redemptions then wait until it is positive again.
 */
export async function refundOrder(db: Database, input: RefundInput): Promise<{ status: 200 | 201; body: RefundResponse }> {
  const { shopId, now } = input;
  const amountMinor = toMinor(input.refund.amount);
  return inTransaction(db, async (trx) => {
    const order = await findOrder(trx, shopId, input.orderId);
    if (!order) throw new ApiError('order_not_found', 'This shop has no order with this id.');

    const row: RefundRow = {
      shop_id: shopId,
      order_id: order.id,
      refund_id: input.refund.refundId,
      amount_minor: amountMinor,
      points_reversed: 0,
      created_at: now.toISOString(),
    };
    const inserted = await trx
      .insertInto('refunds')
      .values(row)
      .onConflict((oc) => oc.columns(['shop_id', 'order_id', 'refund_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) {
      const existing = await trx
        .selectFrom('refunds')
        .selectAll()
        .where('shop_id', '=', shopId)
        .where('order_id', '=', order.id)
        .where('refund_id', '=', input.refund.refundId)
        .executeTakeFirstOrThrow();
      if (existing.amount_minor !== amountMinor) throw new ApiError('conflict', 'This refund id was already reported with a different amount.');
      const current = (await findOrder(trx, shopId, input.orderId))!;
      return { status: 200 as const, body: { refund: refundView(existing), order: orderView(current), balance: await balanceOf(trx, shopId, order.customer_id) } };
    }

    const { numUpdatedRows } = await trx
      .updateTable('orders')
      .set((eb) => ({ refunded_minor: eb('refunded_minor', '+', amountMinor) }))
      .where('shop_id', '=', shopId)
      .where('id', '=', order.id)
      .where((eb) => eb(eb('refunded_minor', '+', amountMinor), '<=', eb.ref('amount_minor')))
      .executeTakeFirst();
    if (numUpdatedRows !== 1n) throw new ApiError('refund_exceeds_order', 'Refunds may not add up to more than the order amount.');

    // The row is ours (locked) until commit: read it back and reverse against the new total.
    const locked = (await findOrder(trx, shopId, input.orderId))!;
    const reverse = pointsToReverse({
      pointsEarned: locked.points_earned,
      amountMinor: locked.amount_minor,
      refundedMinor: locked.refunded_minor,
      alreadyReversed: locked.points_reversed,
    });
    const refund: RefundRow = { ...row, points_reversed: reverse };
    const after: OrderWithCustomer = { ...locked, points_reversed: locked.points_reversed + reverse };
    if (reverse > 0) {
      await trx.updateTable('orders').set({ points_reversed: after.points_reversed }).where('shop_id', '=', shopId).where('id', '=', order.id).execute();
      await trx
        .updateTable('refunds')
        .set({ points_reversed: reverse })
        .where('shop_id', '=', shopId)
        .where('order_id', '=', order.id)
        .where('refund_id', '=', refund.refund_id)
        .execute();
      await appendLedgerEntryOnce(trx, {
        shopId,
        customerId: order.customer_id,
        delta: -reverse,
        kind: 'refund',
        reference: `#${order.external_id}`,
        dedupeKey: dedupeKeys.refund(order.external_id, refund.refund_id),
        at: now,
      });
    }
    const { customer_external_id: _external, ...orderRow } = after;
    await afterOrderRefunded(trx, { shopId, programme: input.programme, order: orderRow, refund, now });
    return { status: 201 as const, body: { refund: refundView(refund), order: orderView(after), balance: await balanceOf(trx, shopId, order.customer_id) } };
  });
}
