import { randomUUID } from 'node:crypto';
import { routes } from '../../../src/contract';
import type { TestBackend } from '../../support/testBackend';
import { surveyClient, testSurvey } from '../../support/surveys';

export type RouteName = keyof typeof routes;

/** One real exchange with the reference server: the route, which side of it, and the JSON. */
export interface Exchange {
  route: RouteName;
  /** `query` or `body` of a request; otherwise the response's status code. */
  part: 'query' | 'body' | number;
  json: unknown;
}

/**
 * Real requests and responses of a seeded shop, from the reference server in process: every GET
 * route without path parameters (as the shopper or as the shop's server, as the route's `auth`
 * says), and the calls the widget makes with a body (claims, redemptions, surveys, referrals).
 */
export async function contractExchanges(backend: TestBackend): Promise<Exchange[]> {
  const exchanges: Exchange[] = [];
  const surveys = surveyClient(backend);
  await surveys.save(testSurvey({ id: 'contract-nps' }));
  await surveys.save(testSurvey({ id: 'contract-delay', trigger: { kind: 'delay', seconds: 5 }, audience: 'signed-in' }));
  const ayse = await backend.tokenFor('ayse');
  const mehmet = await backend.tokenFor('mehmet');
  const shop = `shop=${backend.shop.publishableKey}`;

  async function call(route: RouteName, path: string, init: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {}) {
    const { method, auth } = routes[route];
    const key = auth === 'merchant' ? backend.shop.secretKey : init.token;
    const url = path.includes('?') || auth === 'merchant' ? path : `${path}?${shop}`;
    if ('query' in routes[route]) exchanges.push({ route, part: 'query', json: Object.fromEntries(new URL(url, 'https://api.test').searchParams) });
    const response = await backend.app.request(url, {
      method,
      headers: {
        Origin: backend.origin,
        ...(key ? { Authorization: `Bearer ${key}` } : {}),
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await response.text();
    if (init.body !== undefined) exchanges.push({ route, part: 'body', json: init.body });
    const json: unknown = response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    if (response.status < 300) exchanges.push({ route, part: response.status, json });
    return json as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- read loosely to build the next call
  }

  for (const [name, route] of Object.entries(routes) as Array<[RouteName, (typeof routes)[RouteName]]>) {
    if (route.method !== 'GET' || route.path.includes('{')) continue;
    await call(name, route.path, { token: ayse });
    if (route.auth !== 'merchant') await call(name, `${route.path}?${shop}&locale=en`, { token: mehmet });
  }
  for (const locale of ['tr', 'en', 'ar']) await call('boot', `/v1/boot?${shop}&locale=${locale}`, { token: null });
  const activity = await call('activity', `/v1/activity?${shop}&limit=3`, { token: ayse });
  if (activity.nextCursor) await call('activity', `/v1/activity?${shop}&limit=3&cursor=${activity.nextCursor}`, { token: ayse });

  const boot = await call('boot', '/v1/boot', { token: ayse });
  const action = boot.programme.earnRules.find((rule: { kind: string }) => rule.kind === 'action');
  if (action) await call('claim', '/v1/claims', { token: mehmet, body: { kind: 'action', actionId: action.id } });
  await call('claim', '/v1/claims', { token: mehmet, body: { kind: 'birthday', birthday: '05-12' } });
  const reward = [...boot.programme.rewards].sort((a: { cost: number }, b: { cost: number }) => a.cost - b.cost)[0];
  await call('redeem', '/v1/redemptions', { token: ayse, body: { rewardId: reward.id, expectedCost: reward.cost }, headers: { 'Idempotency-Key': randomUUID() } });

  // The demo programme has no landing page: the link (and its QR code) is built on the page's origin.
  const referral = await call('myReferral', `/v1/referral?${shop}&origin=${encodeURIComponent(backend.origin)}&param=davet`, { token: ayse });
  await call('referralLookup', `/v1/referral-codes/${referral.code}?${shop}`);
  await call('referralVisit', '/v1/referral-visits', { body: { code: referral.code, visitorId: randomUUID() } });
  await call('referralClaim', '/v1/referral-claims', { body: { code: referral.code, email: 'friend@example.com' } });

  const answers = [{ questionId: 'nps', value: 4 }, { questionId: 'why', value: 'Kargo geç geldi 📦' }];
  await call('surveyResponse', '/v1/survey-responses', { token: ayse, body: { responseId: randomUUID(), surveyId: 'contract-nps', answers, completed: true, locale: 'tr' } });
  await call('surveyImpression', '/v1/survey-impressions', { body: { eventId: randomUUID(), surveyId: 'contract-nps' } });
  await call('surveyDismissal', '/v1/survey-dismissals', { body: { eventId: randomUUID(), surveyId: 'contract-delay' } });
  await call('surveyResults', '/v1/merchant/surveys/contract-nps/results');
  await call('surveyAnswers', '/v1/merchant/surveys/contract-nps/answers');
  await call('getCustomer', '/v1/merchant/customers/ayse');
  return exchanges;
}
