import { Hono } from 'hono';
import { routes, type BootResponse } from '../../contract';
import { resolveLocale } from '../domain/localize';
import { programmeOf } from '../domain/shops';
import { customerSnapshot, publicProgramme } from '../domain/snapshot';
import { surveysForVisitor } from '../domain/surveyEligibility';
import { etagged, respondWithEtag } from '../http/conditional';
import { optionalCustomer } from '../http/customer';
import type { AppEnv } from '../http/env';
import { parseInput } from '../http/validate';

export const bootRoutes = new Hono<AppEnv>().get(routes.boot.path, async (c) => {
  const query = parseInput(routes.boot.query, c.req.query());
  const shop = c.get('shop');
  const now = c.get('now')();
  const programme = programmeOf(shop);
  const locale = resolveLocale(query.locale, programme.defaultLocale);
  const claims = await optionalCustomer(c);
  // A shopper's snapshot is theirs alone (the widget keeps it in the tab's sessionStorage and
  // revalidates it with its ETag); the guest payload is the same for everyone, so a CDN may keep it,
  // but `no-cache` makes every use revalidate: a merchant's edit shows on the next page view.
  c.header('Cache-Control', claims ? 'private, no-store' : 'public, no-cache');
  c.header('Vary', 'Authorization', { append: true });
  const guestBoots = claims ? null : c.get('guestBoots');
  const cached = guestBoots?.get(shop, locale);
  if (cached) return respondWithEtag(c, cached);

  const [customer, { surveys, interruptionBudget }] = await Promise.all([
    claims ? customerSnapshot(c.get('db'), shop, programme, claims, locale, now) : null,
    surveysForVisitor(c.get('db'), shop.id, programme, claims, locale, now),
  ]);

  const body: BootResponse = {
    shop: { id: shop.id, name: shop.name },
    locale,
    programme: publicProgramme(programme, locale, now),
    customer,
    surveys,
    interruptionBudget,
  };
  const reply = etagged(body);
  guestBoots?.set(shop, locale, reply);
  return respondWithEtag(c, reply);
});
