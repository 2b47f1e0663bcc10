import { Hono } from 'hono';
import { routes } from '../../contract';
import { getOrder, refundOrder, reportOrder } from '../domain/orders';
import { programmeOf } from '../domain/shops';
import type { AppEnv } from '../http/env';
import { honoPath } from '../http/paths';
import { parseInput, readJson } from '../http/validate';

export const merchantOrderRoutes = new Hono<AppEnv>()
  .post(routes.reportOrder.path, async (c) => {
    const order = parseInput(routes.reportOrder.body, await readJson(c.req.raw));
    const shop = c.get('shop');
    const outcome = await reportOrder(c.get('db'), { shopId: shop.id, programme: programmeOf(shop), order, now: c.get('now')() });
    if (outcome.status === 200) c.header('Idempotent-Replayed', 'true');
    return c.json(outcome.body, outcome.status);
  })
  .get(honoPath(routes.getOrder.path), async (c) => {
    const { orderId } = parseInput(routes.getOrder.params, c.req.param());
    return c.json(await getOrder(c.get('db'), c.get('shop').id, orderId));
  })
  .post(honoPath(routes.refundOrder.path), async (c) => {
    const { orderId } = parseInput(routes.refundOrder.params, c.req.param());
    const refund = parseInput(routes.refundOrder.body, await readJson(c.req.raw));
    const shop = c.get('shop');
    const outcome = await refundOrder(c.get('db'), { shopId: shop.id, programme: programmeOf(shop), orderId, refund, now: c.get('now')() });
    if (outcome.status === 200) c.header('Idempotent-Replayed', 'true');
    return c.json(outcome.body, outcome.status);
  });
