import { Hono } from 'hono';
import { routes } from '../../contract';
import { consumeCoupon, validateCoupon } from '../domain/coupons';
import { programmeOf } from '../domain/shops';
import type { AppEnv } from '../http/env';
import { honoPath } from '../http/paths';
import { parseInput, readJson } from '../http/validate';

export const merchantCouponRoutes = new Hono<AppEnv>()
  .post(honoPath(routes.validateCoupon.path), async (c) => {
    const { code } = parseInput(routes.validateCoupon.params, c.req.param());
    const checkout = parseInput(routes.validateCoupon.body, await readJson(c.req.raw));
    const shop = c.get('shop');
    return c.json(await validateCoupon(c.get('db'), { shopId: shop.id, programme: programmeOf(shop), code, checkout, now: c.get('now')() }));
  })
  .post(honoPath(routes.consumeCoupon.path), async (c) => {
    const { code } = parseInput(routes.consumeCoupon.params, c.req.param());
    const checkout = parseInput(routes.consumeCoupon.body, await readJson(c.req.raw));
    const shop = c.get('shop');
    const coupon = await consumeCoupon(c.get('db'), { shopId: shop.id, programme: programmeOf(shop), code, checkout, now: c.get('now')() });
    return c.json({ coupon });
  });
