import { Hono } from 'hono';
import { routes } from '../../contract';
import { buildOpenApiDocument } from '../../contract/openapi';
import type { AppEnv } from '../http/env';
import { VERSION } from '../version';

const document = buildOpenApiDocument(VERSION);

export const openApiRoutes = new Hono<AppEnv>().get(routes.openapi.path, (c) => {
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Cache-Control', 'public, max-age=300');
  return c.json(document);
});
