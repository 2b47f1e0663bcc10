import { z } from 'zod/mini';
import type { RouteName } from '../../contract';
import { defineGroup, describeRoute, routeNames, routeTable, type Check } from '../kit';

/**
 * Routes the widget cannot work without: a server that leaves one of these out of its document
 * fails. Every other route is optional, and the checks that need it are reported as not applicable.
 */
export const CORE_ROUTES: readonly RouteName[] = ['boot', 'redeem', 'openapi'];

const OpenApiDocument = z.object({
  openapi: z.string().check(z.regex(/^3\.1\.\d+$/)),
  info: z.object({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});

const Operation = z.object({ responses: z.optional(z.record(z.string(), z.unknown())) });

const served: Check = {
  id: 'served',
  title: 'serves an OpenAPI 3.1 document at GET /v1/openapi.json',
  routes: [],
  covers: ['openapi'],
  async run(t) {
    const exchange = t.state.openapi ?? (await t.call('openapi'));
    t.expectSuccess('openapi', exchange, 200);
    const parsed = OpenApiDocument.safeParse(exchange.json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      t.fail(`not an OpenAPI 3.1 document: ${issue?.path.map(String).join('.') || '(root)'}: ${issue?.message}`, exchange);
    }
  },
};

function listsRoute(name: RouteName): Check {
  const definition = routeTable[name];
  const statuses = Object.keys(definition.responses);
  return {
    id: `lists-${name}`,
    title: `lists ${describeRoute(name)} (${name}) with its ${statuses.join('/')} response`,
    routes: [],
    async run(t) {
      const exchange = t.state.openapi ?? undefined;
      if (!t.state.listed || !exchange) return t.skip('the OpenAPI document could not be read (see openapi.served)');
      if (!t.state.isListed(name)) {
        if (CORE_ROUTES.includes(name)) t.fail(`${describeRoute(name)} is missing, and the widget needs it`, exchange);
        t.skip(`not listed: checks that need ${describeRoute(name)} are not applicable`);
      }
      const document = OpenApiDocument.parse(exchange.json);
      const operation = Operation.safeParse(document.paths[definition.path]?.[definition.method.toLowerCase()]);
      const documented = Object.keys((operation.success && operation.data.responses) || {});
      const missing = statuses.filter((status) => !documented.includes(status));
      if (missing.length) t.fail(`${describeRoute(name)} does not document its ${missing.join('/')} response`, exchange);
    },
  };
}

export const openapiChecks = defineGroup({
  id: 'openapi',
  title: 'OpenAPI document',
  checks: [served, ...routeNames.map(listsRoute)],
});
