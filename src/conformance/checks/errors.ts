import type { RouteName } from '../../contract';
import { defineGroup, describeRoute, routeNames, routeTable, type Check, type CheckApi, type CallOptions } from '../kit';

/** A well-formed publishable key no shop has. */
export const UNKNOWN_SHOP_KEY = 'pk_test_ConformanceNoSuchShop0';
const WRONG_SECRET = 'sk_test_ConformanceWrongSecretKey000000000000';

/** Routes with a body get one, plus a fresh Idempotency-Key, so that only the thing under test is wrong. */
function withBody(route: RouteName, body: unknown = {}): CallOptions {
  return routeTable[route].body ? { body, headers: { 'Idempotency-Key': crypto.randomUUID() } } : {};
}

function check(route: RouteName, id: string, title: string, run: (t: CheckApi) => Promise<void>, needs: Check['needs'] = []): Check {
  return { id: `${route}-${id}`, title: `${describeRoute(route)} ${title}`, routes: [route], needs, run };
}

/** The error checks every route gets from its `auth` and `body` in the route table. */
function routeErrorChecks(route: RouteName): Check[] {
  const { auth, body, path } = routeTable[route];
  const checks: Check[] = [];
  const signedIn = async (t: CheckApi) => (auth === 'customer' ? { token: await t.validToken(t.newCustomerId()) } : {});

  if (auth === 'storefront' || auth === 'customer') {
    // A customer route may check the token before the shop: either refusal is a clean one.
    const noShop = auth === 'customer' ? ([400, 401] as const) : 400;
    checks.push(
      check(route, 'no-shop', 'without the shop key → 400', async (t) => {
        t.expectError(await t.call(route, { shop: null, ...withBody(route) }), noShop, ['bad_request', 'validation_failed', 'unauthorized']);
      }),
      check(route, 'unknown-shop', 'with an unknown shop key → 404 unknown_shop', async (t) => {
        const exchange = await t.call(route, { shop: UNKNOWN_SHOP_KEY, ...withBody(route) });
        if (auth === 'customer') t.expectError(exchange, [404, 401], ['unknown_shop', 'unauthorized']);
        else t.expectError(exchange, 404, 'unknown_shop');
      }),
    );
  }
  if (auth === 'customer') {
    checks.push(
      check(route, 'no-token', 'without a customer token → 401 unauthorized', async (t) => {
        t.expectError(await t.call(route, withBody(route)), 401, 'unauthorized');
      }),
    );
  }
  if (auth === 'merchant') {
    checks.push(
      check(route, 'no-secret', 'without the secret key → 401 unauthorized', async (t) => {
        t.expectError(await t.call(route, { authorization: null, ...withBody(route) }), 401, 'unauthorized');
      }),
      check(route, 'wrong-secret', 'with a wrong secret key → 401 unauthorized', async (t) => {
        t.expectError(await t.call(route, { authorization: `Bearer ${WRONG_SECRET}`, ...withBody(route) }), 401, 'unauthorized');
      }),
      check(route, 'publishable-key', 'with the publishable key as bearer → 401 unauthorized', async (t) => {
        t.expectError(await t.call(route, { authorization: `Bearer ${t.options.shop}`, ...withBody(route) }), 401, 'unauthorized');
      }),
    );
  }
  // Body checks need the caller to be let in first; with path parameters a 404 could come first.
  const credential = auth === 'customer' ? (['signingSecret'] as const) : auth === 'merchant' ? (['secret'] as const) : [];
  if (body && !path.includes('{')) {
    checks.push(
      check(
        route,
        'malformed-json',
        'with a body that is not JSON → 400 bad_request',
        async (t) => {
          const exchange = await t.call(route, { ...(await signedIn(t)), ...withBody(route, '{"truncated": ') });
          t.expectError(exchange, 400, ['bad_request', 'validation_failed']);
        },
        credential,
      ),
      check(
        route,
        'invalid-body',
        'with a body of the wrong shape → 400 validation_failed with fields',
        async (t) => {
          const exchange = await t.call(route, { ...(await signedIn(t)), ...withBody(route, [1, 2, 3]) });
          const envelope = t.expectError(exchange, 400, 'validation_failed');
          if (!envelope.error.fields?.length) t.fail('validation_failed should name the offending fields in error.fields', exchange);
        },
        credential,
      ),
    );
  }
  return checks;
}

/** Every failure is `{ error: { code, message, requestId } }` with the documented status. */
export const errorChecks = defineGroup({
  id: 'errors',
  title: 'Error envelope',
  checks: [
    {
      id: 'unknown-route',
      title: 'an unknown route → 404 not_found in the error envelope',
      routes: [],
      async run(t) {
        t.expectError(await t.http.send({ method: 'GET', path: '/v1/conformance-no-such-route' }), 404, 'not_found');
      },
    },
    {
      id: 'wrong-method',
      title: `${describeRoute('boot').replace('GET', 'DELETE')} → 404 or 405 in the error envelope`,
      routes: ['boot'],
      async run(t) {
        t.expectError(await t.call('boot', { method: 'DELETE' }), [404, 405], ['not_found', 'bad_request']);
      },
    },
    ...routeNames.flatMap(routeErrorChecks),
  ],
});
