import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { routes } from '../../contract';
import { buildOpenApiDocument } from '../../contract/openapi';
import type { AppEnv } from '../http/env';
import { VERSION } from '../version';
import { apiReferencePage, type OpenApiDocument } from '../docs/apiReferencePage';

const document = buildOpenApiDocument(VERSION);

export const openApiRoutes = new Hono<AppEnv>().get(routes.openapi.path, (c) => {
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Cache-Control', 'public, max-age=300');
  return c.json(document);
});

/** The same document as a readable page: no script, no external resource, a nonce for its one style. */
openApiRoutes.get('/v1/docs', async (c) => {
  const nonce = randomBytes(16).toString('base64');
  c.header('Content-Security-Policy', `default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`);
  c.header('Cache-Control', 'public, max-age=300');
  c.header('X-Content-Type-Options', 'nosniff');
  return c.html(await apiReferencePage(document as unknown as OpenApiDocument, nonce));
});
