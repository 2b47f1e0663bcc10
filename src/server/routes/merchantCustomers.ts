import { Hono } from 'hono';
import { IdempotencyKey, routes } from '../../contract';
import { adjustPoints } from '../domain/adjustments';
import { ensureCustomer, requireCustomer } from '../domain/customers';
import { awardResponse, awardReview, awardSignup } from '../domain/earning';
import { programmeOf } from '../domain/shops';
import { merchantCustomer } from '../domain/snapshot';
import { inTransaction } from '../db/transaction';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { honoPath } from '../http/paths';
import { parseInput, readJson } from '../http/validate';

export const merchantCustomerRoutes = new Hono<AppEnv>()
  .get(honoPath(routes.getCustomer.path), async (c) => {
    const { customerId } = parseInput(routes.getCustomer.params, c.req.param());
    const shop = c.get('shop');
    return c.json(await merchantCustomer(c.get('db'), programmeOf(shop), shop.id, customerId, c.get('now')()));
  })
  .post(honoPath(routes.adjustPoints.path), async (c) => {
    const { customerId } = parseInput(routes.adjustPoints.params, c.req.param());
    const adjustment = parseInput(routes.adjustPoints.body, await readJson(c.req.raw));
    const header = c.req.header('Idempotency-Key');
    const fromHeader = header === undefined ? undefined : parseInput(IdempotencyKey, header);
    if (fromHeader && adjustment.idempotencyKey && fromHeader !== adjustment.idempotencyKey) {
      throw new ApiError('bad_request', 'The Idempotency-Key header and the idempotencyKey field differ.');
    }
    const idempotencyKey = fromHeader ?? adjustment.idempotencyKey;
    if (!idempotencyKey) throw new ApiError('idempotency_key_required', 'Send an idempotencyKey field or an Idempotency-Key header.');
    const outcome = await adjustPoints(c.get('db'), { shopId: c.get('shop').id, customerId, adjustment, idempotencyKey, now: c.get('now')() });
    if (outcome.replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(outcome.body, outcome.status as 201);
  })
  .post(routes.reportSignup.path, async (c) => {
    const { customer: identity } = parseInput(routes.reportSignup.body, await readJson(c.req.raw));
    const shop = c.get('shop');
    const now = c.get('now')();
    const outcome = await inTransaction(c.get('db'), async (trx) => {
      const customer = await ensureCustomer(trx, shop.id, { externalId: identity.id, email: identity.email, name: identity.name }, now);
      return awardResponse(trx, await awardSignup(trx, { programme: programmeOf(shop), customer, now }));
    });
    if (outcome.status === 200) c.header('Idempotent-Replayed', 'true');
    return c.json(outcome.body, outcome.status);
  })
  .post(routes.reportReview.path, async (c) => {
    const review = parseInput(routes.reportReview.body, await readJson(c.req.raw));
    const shop = c.get('shop');
    const now = c.get('now')();
    const outcome = await inTransaction(c.get('db'), async (trx) => {
      const customer = await requireCustomer(trx, shop.id, review.customerId);
      return awardResponse(
        trx,
        await awardReview(trx, { programme: programmeOf(shop), customer, reviewId: review.reviewId, productName: review.productName, now }),
      );
    });
    if (outcome.status === 200) c.header('Idempotent-Replayed', 'true');
    return c.json(outcome.body, outcome.status);
  });
