import type { RouteName } from '../../contract';
import { defineGroup, describeRoute, routeNames, routeTable, type Check, type CheckApi } from '../kit';
import { signToken, unsecuredToken, type TokenClaims } from '../jwt';

const MINUTE = 60;

async function expectRefused(t: CheckApi, token: string, route: RouteName = 'boot'): Promise<void> {
  const hasBody = Boolean(routeTable[route].body);
  const exchange = await t.call(route, {
    token,
    ...(hasBody ? { body: {}, headers: { 'Idempotency-Key': crypto.randomUUID() } } : {}),
  });
  t.expectError(exchange, 401, 'unauthorized');
}

/** A token signed with the real secret but one rule broken (needs the signing secret). */
function refusedWithSecret(id: string, title: string, claims: (base: Required<Pick<TokenClaims, 'iss' | 'sub' | 'iat' | 'exp'>>, now: number) => TokenClaims): Check {
  return {
    id,
    title,
    routes: ['boot'],
    needs: ['signingSecret'],
    async run(t) {
      const shopId = (await t.guestBoot()).shop.id;
      const now = Math.floor(t.now().getTime() / 1000);
      const base = { iss: shopId, sub: t.newCustomerId(), iat: now, exp: now + 5 * MINUTE };
      await expectRefused(t, signToken(claims(base, now), t.options.signingSecret!));
    },
  };
}

async function claimsFor(t: CheckApi) {
  const shopId = (await t.guestBoot()).shop.id;
  const now = Math.floor(t.now().getTime() / 1000);
  return { iss: shopId, sub: t.newCustomerId(), iat: now, exp: now + 5 * MINUTE };
}

const forgedSecret = () => `conformance-${crypto.randomUUID()}`;

/** Customer-only routes refuse forged tokens too, not just boot (data-driven from the route table). */
function customerRouteRefuses(route: RouteName): Check[] {
  return [
    {
      id: `${route}-forged`,
      title: `${describeRoute(route)} refuses a token signed with another secret (401 unauthorized)`,
      routes: [route, 'boot'],
      async run(t) {
        await expectRefused(t, signToken(await claimsFor(t), forgedSecret()), route);
      },
    },
    {
      id: `${route}-alg-none`,
      title: `${describeRoute(route)} refuses an unsigned alg "none" token (401 unauthorized)`,
      routes: [route, 'boot'],
      async run(t) {
        await expectRefused(t, unsecuredToken(await claimsFor(t)), route);
      },
    },
  ];
}

/**
 * Customer tokens: HS256, `iss` the shop id, `sub` the customer, `iat`, short `exp`. A present but
 * invalid token is a 401, never a guest; the customer comes only from the verified `sub`.
 */
export const identityChecks = defineGroup({
  id: 'identity',
  title: 'Identity (customer tokens)',
  checks: [
    {
      id: 'valid-token',
      title: "accepts a valid token and takes the customer from its sub",
      routes: ['boot'],
      covers: ['boot'],
      needs: ['signingSecret'],
      async run(t) {
        const sub = t.newCustomerId();
        const exchange = await t.call('boot', { token: await t.validToken(sub), asCustomer: true });
        const body = t.expectSuccess('boot', exchange, 200);
        if (body.customer?.id !== sub) t.fail(`expected the snapshot of "${sub}", got ${body.customer ? `"${body.customer.id}"` : 'none (a guest answer)'}`, exchange);
      },
    },
    {
      id: 'forged',
      title: 'refuses a token signed with another secret (401 unauthorized)',
      routes: ['boot'],
      async run(t) {
        await expectRefused(t, signToken(await claimsFor(t), forgedSecret()));
      },
    },
    {
      id: 'alg-none',
      title: 'refuses an unsigned alg "none" token (401 unauthorized)',
      routes: ['boot'],
      async run(t) {
        await expectRefused(t, unsecuredToken(await claimsFor(t)));
      },
    },
    {
      id: 'malformed',
      title: "refuses a bearer value that is not a JWT (401, never a guest answer)",
      routes: ['boot'],
      async run(t) {
        await expectRefused(t, 'not-a-jwt');
      },
    },
    refusedWithSecret('expired', 'refuses an expired token (401 unauthorized)', (base, now) => ({ ...base, iat: now - 30 * MINUTE, exp: now - 20 * MINUTE })),
    refusedWithSecret('future-dated', 'refuses a token issued in the future (401 unauthorized)', (base, now) => ({ ...base, iat: now + 60 * MINUTE, exp: now + 65 * MINUTE })),
    refusedWithSecret('wrong-issuer', "refuses a token whose iss is another shop (401 unauthorized)", (base) => ({ ...base, iss: 'conformance-another-shop' })),
    refusedWithSecret('no-expiry', 'refuses a token without exp (401 unauthorized)', ({ exp: _exp, ...base }) => base),
    refusedWithSecret('no-subject', 'refuses a token without sub (401 unauthorized)', ({ sub: _sub, ...base }) => base),
    ...routeNames.filter((name) => routeTable[name].auth === 'customer').flatMap(customerRouteRefuses),
  ],
});
