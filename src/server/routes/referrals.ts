import { Hono } from 'hono';
import { routes } from '../../contract';
import { myReferral } from '../domain/referrals/advocate';
import { claimFriendDiscount, lookupReferralCode, recordReferralVisit } from '../domain/referrals/friend';
import { decideReferral, listReferrals, referralFunnel } from '../domain/referrals/merchant';
import { programmeOf } from '../domain/shops';
import { optionalCustomer, requireCustomer } from '../http/customer';
import type { AppEnv } from '../http/env';
import { honoPath } from '../http/paths';
import { parseInput, readJson } from '../http/validate';

/** The shopper's side (publishable key): their link and stats, and a friend's landing and claim. */
export const referralStorefrontRoutes = new Hono<AppEnv>()
  .get(routes.myReferral.path, async (c) => {
    const { origin, param } = parseInput(routes.myReferral.query, c.req.query());
    const claims = await requireCustomer(c);
    const shop = c.get('shop');
    const body = await myReferral(c.get('db'), { shopId: shop.id, programme: programmeOf(shop), claims, now: c.get('now')(), origin, param });
    c.header('Cache-Control', 'private, no-store');
    return c.json(body);
  })
  .get(honoPath(routes.referralLookup.path), async (c) => {
    parseInput(routes.referralLookup.query, c.req.query());
    const { code } = parseInput(routes.referralLookup.params, c.req.param());
    const shop = c.get('shop');
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(await lookupReferralCode(c.get('db'), { shopId: shop.id, programme: programmeOf(shop), code }));
  })
  .post(routes.referralVisit.path, async (c) => {
    parseInput(routes.referralVisit.query, c.req.query());
    const visit = parseInput(routes.referralVisit.body, await readJson(c.req.raw));
    const recorded = await recordReferralVisit(c.get('db'), { shopId: c.get('shop').id, ...visit, now: c.get('now')() });
    return c.json({ recorded });
  })
  .post(routes.referralClaim.path, async (c) => {
    parseInput(routes.referralClaim.query, c.req.query());
    const claims = await optionalCustomer(c);
    const request = parseInput(routes.referralClaim.body, await readJson(c.req.raw));
    const shop = c.get('shop');
    const outcome = await claimFriendDiscount(c.get('db'), { shopId: shop.id, programme: programmeOf(shop), ...request, claims, now: c.get('now')() });
    c.header('Cache-Control', 'private, no-store');
    return c.json(outcome.body, outcome.status);
  });

/** The merchant's side (secret key): review flagged referrals and watch the funnel. */
export const referralMerchantRoutes = new Hono<AppEnv>()
  .get(routes.merchantReferrals.path, async (c) => {
    const query = parseInput(routes.merchantReferrals.query, c.req.query());
    return c.json({ referrals: await listReferrals(c.get('db'), { shopId: c.get('shop').id, query, now: c.get('now')() }) });
  })
  .get(routes.referralFunnel.path, async (c) => {
    const query = parseInput(routes.referralFunnel.query, c.req.query());
    return c.json(await referralFunnel(c.get('db'), { shopId: c.get('shop').id, query, now: c.get('now')() }));
  })
  .post(honoPath(routes.approveReferral.path), async (c) => {
    const { referralId } = parseInput(routes.approveReferral.params, c.req.param());
    return c.json(await decideReferral(c.get('db'), { shopId: c.get('shop').id, referralId, decision: 'approve', now: c.get('now')() }));
  })
  .post(honoPath(routes.voidReferral.path), async (c) => {
    const { referralId } = parseInput(routes.voidReferral.params, c.req.param());
    return c.json(await decideReferral(c.get('db'), { shopId: c.get('shop').id, referralId, decision: 'void', now: c.get('now')() }));
  });
