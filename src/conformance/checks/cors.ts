import type { RouteName } from '../../contract';
import type { Exchange } from '../http';
import { defineGroup, describeRoute, routeNames, routeTable, type Check, type CheckApi } from '../kit';

/** An origin no shop can have allowed (`.invalid` is reserved). */
export const FOREIGN_ORIGIN = 'https://conformance-foreign.invalid';

const listOf = (value: string | null) => (value ?? '').split(',').map((item) => item.trim().toLowerCase()).filter(Boolean);

function preflight(t: CheckApi, route: RouteName, origin: string): Promise<Exchange> {
  const { method, body } = routeTable[route];
  const requested = ['authorization', ...(body ? ['content-type', 'idempotency-key'] : [])];
  return t.call(route, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': requested.join(',') },
  });
}

function expectNotAllowed(t: CheckApi, exchange: Exchange, origin: string): void {
  const allowed = exchange.headers.get('Access-Control-Allow-Origin');
  if (allowed === origin) t.fail(`Access-Control-Allow-Origin reflects "${origin}": any site could read shoppers' data`, exchange);
  if (allowed === '*') t.fail("Access-Control-Allow-Origin is '*' on a storefront route: any site could call it", exchange);
}

function expectVaryOrigin(t: CheckApi, exchange: Exchange): void {
  const vary = listOf(exchange.headers.get('Vary'));
  if (!vary.includes('origin') && !vary.includes('*')) {
    t.fail("no 'Vary: Origin': a shared cache could answer one origin with another origin's CORS headers", exchange);
  }
}

/** A preflight for each browser-called route, as the widget's `fetch` sends it (data-driven). */
function preflightAllowed(route: RouteName): Check {
  const { method, body } = routeTable[route];
  return {
    id: `preflight-${route}`,
    title: `a preflight for ${describeRoute(route)} from the allowed origin allows the method and headers the widget sends`,
    routes: [route],
    needs: ['origin'],
    async run(t) {
      const origin = t.options.origin!;
      const exchange = await preflight(t, route, origin);
      if (exchange.status === null || exchange.status < 200 || exchange.status > 299) t.fail(`a preflight should get 2xx, got ${exchange.status}`, exchange);
      const allowOrigin = exchange.headers.get('Access-Control-Allow-Origin');
      if (allowOrigin !== origin) t.fail(`Access-Control-Allow-Origin should be exactly "${origin}", got ${allowOrigin === null ? 'none' : `"${allowOrigin}"`}`, exchange);
      const methods = listOf(exchange.headers.get('Access-Control-Allow-Methods'));
      if (method !== 'GET' && method !== 'POST' && !methods.includes(method.toLowerCase()) && !methods.includes('*')) {
        t.fail(`Access-Control-Allow-Methods does not include ${method}`, exchange);
      }
      // '*' does not cover Authorization (Fetch standard), so it must be listed by name.
      const headers = listOf(exchange.headers.get('Access-Control-Allow-Headers'));
      const needed = ['authorization', ...(body ? ['content-type', 'idempotency-key'] : [])];
      const missing = needed.filter((name) => !headers.includes(name) && !(name !== 'authorization' && headers.includes('*')));
      if (missing.length) t.fail(`Access-Control-Allow-Headers does not allow ${missing.join(', ')}`, exchange);
    },
  };
}

const browserRoutes = routeNames.filter((name) => ['storefront', 'customer'].includes(routeTable[name].auth));

/** Storefront routes answer only the shop's exact allow-listed origins; never a reflection, never `null`. */
export const corsChecks = defineGroup({
  id: 'cors',
  title: 'CORS',
  checks: [
    {
      id: 'allowed-origin',
      title: 'echoes the allowed origin exactly, with Vary: Origin',
      routes: ['boot'],
      needs: ['origin'],
      async run(t) {
        const origin = t.options.origin!;
        const exchange = await t.call('boot', { headers: { Origin: origin } });
        t.expectStatus(exchange, 200);
        const allowed = exchange.headers.get('Access-Control-Allow-Origin');
        if (allowed !== origin) t.fail(`Access-Control-Allow-Origin should be exactly "${origin}", got ${allowed === null ? 'none' : `"${allowed}"`}`, exchange);
        expectVaryOrigin(t, exchange);
      },
    },
    {
      id: 'foreign-origin',
      title: 'does not allow a foreign origin',
      routes: ['boot'],
      async run(t) {
        expectNotAllowed(t, await t.call('boot', { headers: { Origin: FOREIGN_ORIGIN } }), FOREIGN_ORIGIN);
      },
    },
    {
      id: 'foreign-vary',
      title: 'the answer to a foreign origin carries Vary: Origin too',
      routes: ['boot'],
      needs: ['origin'],
      async run(t) {
        expectVaryOrigin(t, await t.call('boot', { headers: { Origin: FOREIGN_ORIGIN } }));
      },
    },
    {
      id: 'foreign-preflight',
      title: 'does not allow a foreign origin in a preflight',
      routes: ['redeem'],
      async run(t) {
        expectNotAllowed(t, await preflight(t, 'redeem', FOREIGN_ORIGIN), FOREIGN_ORIGIN);
      },
    },
    {
      id: 'null-origin',
      title: "does not allow Origin: null (sandboxed frames, file: pages)",
      routes: ['boot', 'redeem'],
      async run(t) {
        expectNotAllowed(t, await t.call('boot', { headers: { Origin: 'null' } }), 'null');
        expectNotAllowed(t, await preflight(t, 'redeem', 'null'), 'null');
      },
    },
    ...browserRoutes.map(preflightAllowed),
  ],
});
