import { Hono, type Context } from 'hono';
import { routes } from '../../contract';
import { programmeOf } from '../domain/shops';
import { recordSurveyEvent } from '../domain/surveyEvents';
import { recordSurveyResponse } from '../domain/surveyResponses';
import { requireSurvey } from '../domain/surveys';
import { optionalCustomerFromHeaderOrBody } from '../http/customer';
import type { AppEnv } from '../http/env';
import { parseInput, readJson } from '../http/validate';

// Storefront survey routes. Bodies are read as text and parsed as JSON whatever the Content-Type,
// because `navigator.sendBeacon(url, string)` sends `text/plain`.

async function recordEvent(c: Context<AppEnv>, kind: 'impression' | 'dismissal') {
  const route = kind === 'impression' ? routes.surveyImpression : routes.surveyDismissal;
  parseInput(route.query, c.req.query());
  const body = parseInput(route.body, await readJson(c.req.raw));
  const claims = await optionalCustomerFromHeaderOrBody(c, body.customerToken);
  const shop = c.get('shop');
  const survey = await requireSurvey(c.get('db').kysely, shop.id, body.surveyId);
  const recorded = await recordSurveyEvent(c.get('db'), { shopId: shop.id, survey, kind, request: body, claims, now: c.get('now')() });
  c.header('Cache-Control', 'private, no-store');
  return c.json({ eventId: body.eventId, recorded }, 200);
}

export const surveyRoutes = new Hono<AppEnv>()
  .post(routes.surveyResponse.path, async (c) => {
    parseInput(routes.surveyResponse.query, c.req.query());
    const body = parseInput(routes.surveyResponse.body, await readJson(c.req.raw));
    const claims = await optionalCustomerFromHeaderOrBody(c, body.customerToken);
    const shop = c.get('shop');
    const survey = await requireSurvey(c.get('db').kysely, shop.id, body.surveyId);
    const ack = await recordSurveyResponse(c.get('db'), {
      shopId: shop.id,
      defaultLocale: programmeOf(shop).defaultLocale,
      survey,
      request: body,
      claims,
      now: c.get('now')(),
    });
    c.header('Cache-Control', 'private, no-store');
    return c.json(ack, 200);
  })
  .post(routes.surveyImpression.path, (c) => recordEvent(c, 'impression'))
  .post(routes.surveyDismissal.path, (c) => recordEvent(c, 'dismissal'));
