import { Hono } from 'hono';
import { IdempotencyKey, routes } from '../../contract';
import { resolveLocale } from '../domain/localize';
import { redeemReward } from '../domain/redemptions';
import { programmeOf } from '../domain/shops';
import { requireCustomer } from '../http/customer';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { parseInput, readJson } from '../http/validate';

export const redemptionRoutes = new Hono<AppEnv>().post(routes.redeem.path, async (c) => {
  const query = parseInput(routes.redeem.query, c.req.query());
  const claims = await requireCustomer(c);
  const rawKey = c.req.header('Idempotency-Key');
  if (!rawKey) throw new ApiError('idempotency_key_required', 'Send an Idempotency-Key header (a new UUID per redemption attempt).');
  const idempotencyKey = parseInput(IdempotencyKey, rawKey);
  const body = parseInput(routes.redeem.body, await readJson(c.req.raw));
  const shop = c.get('shop');
  const programme = programmeOf(shop);
  const outcome = await redeemReward(c.get('db'), {
    shopId: shop.id,
    programme,
    claims,
    rewardId: body.rewardId,
    expectedCost: body.expectedCost,
    idempotencyKey,
    locale: resolveLocale(query.locale, programme.defaultLocale),
    now: c.get('now')(),
  });
  c.header('Cache-Control', 'private, no-store');
  if (outcome.replayed) c.header('Idempotent-Replayed', 'true');
  return c.json(outcome.body, outcome.status as 201);
});
