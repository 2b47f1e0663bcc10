import { z } from 'zod/mini';
import { ErrorEnvelope } from './errors';
import { routes, type RouteDefinition } from './routes';

const SECURITY: Record<RouteDefinition['auth'], Array<Record<string, string[]>>> = {
  public: [],
  storefront: [{ publishableKey: [] }, { publishableKey: [], customerToken: [] }],
  customer: [{ publishableKey: [], customerToken: [] }],
  merchant: [{ secretKey: [] }],
};

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function parameters(schema: z.ZodMiniType, where: 'query' | 'path') {
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (object.required?.includes(name) ?? false),
    schema: property,
  }));
}

function requestContent(body: z.ZodMiniType, types: readonly string[] = ['application/json']) {
  const schema = jsonSchema(body, 'input');
  return Object.fromEntries(types.map((type) => [type, { schema }]));
}

/** Builds the OpenAPI 3.1 document from the route table (JSON Schema 2020-12 is its native dialect). */
export function buildOpenApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, definition] of Object.entries(routes) as Array<[string, RouteDefinition]>) {
    const responses: Record<string, unknown> = {};
    for (const [status, schema] of Object.entries(definition.responses)) {
      responses[status] = { description: 'OK', content: { [definition.responseType ?? 'application/json']: { schema: jsonSchema(schema, 'output') } } };
    }
    responses.default = {
      description: 'Error: `{ error: { code, message, requestId } }`',
      content: { 'application/json': { schema: jsonSchema(ErrorEnvelope, 'output') } },
    };
    paths[definition.path] = {
      ...paths[definition.path],
      [definition.method.toLowerCase()]: {
        operationId: name,
        summary: definition.summary,
        security: SECURITY[definition.auth],
        parameters: [
          ...(definition.params ? parameters(definition.params, 'path') : []),
          ...(definition.query ? parameters(definition.query, 'query') : []),
        ],
        ...(definition.body ? { requestBody: { required: true, content: requestContent(definition.body, definition.bodyTypes) } } : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Sadakat API', version },
    paths,
    components: {
      securitySchemes: {
        publishableKey: { type: 'apiKey', in: 'query', name: 'shop', description: "The shop's publishable key (pk_…)." },
        customerToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'HS256 customer token minted by the shop server.' },
        secretKey: { type: 'http', scheme: 'bearer', description: "The shop's secret key (sk_…); server-to-server only." },
      },
    },
  };
}
