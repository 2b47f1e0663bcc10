import { Hono } from 'hono';
import { routes } from '../../contract';
import { activityPage } from '../domain/activity';
import { findCustomer } from '../domain/customers';
import { requireCustomer } from '../http/customer';
import type { AppEnv } from '../http/env';
import { parseInput } from '../http/validate';

export const activityRoutes = new Hono<AppEnv>().get(routes.activity.path, async (c) => {
  const query = parseInput(routes.activity.query, c.req.query());
  const claims = await requireCustomer(c);
  const shop = c.get('shop');
  const db = c.get('db');
  // Reading never creates rows: a shopper the ledger has not met has an empty history.
  const customer = await findCustomer(db.kysely, shop.id, claims.externalId);
  const page = await activityPage(db.kysely, { shopId: shop.id, customerId: customer?.id, cursor: query.cursor, limit: query.limit });
  c.header('Cache-Control', 'private, no-store');
  return c.json(page);
});
