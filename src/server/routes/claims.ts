import { Hono } from 'hono';
import { routes } from '../../contract';
import { claim } from '../domain/claims';
import { resolveLocale } from '../domain/localize';
import { programmeOf } from '../domain/shops';
import { requireCustomer } from '../http/customer';
import type { AppEnv } from '../http/env';
import { parseInput, readJson } from '../http/validate';

export const claimRoutes = new Hono<AppEnv>().post(routes.claim.path, async (c) => {
  const query = parseInput(routes.claim.query, c.req.query());
  const claims = await requireCustomer(c);
  const request = parseInput(routes.claim.body, await readJson(c.req.raw));
  const shop = c.get('shop');
  const programme = programmeOf(shop);
  const body = await claim(c.get('db'), {
    shopId: shop.id,
    programme,
    claims,
    request,
    locale: resolveLocale(query.locale, programme.defaultLocale),
    now: c.get('now')(),
  });
  c.header('Cache-Control', 'private, no-store');
  return c.json(body, 201);
});
