import { Hono } from 'hono';
import { routes } from '../../contract';
import { auditLogPage } from '../domain/audit';
import { setAllowedOrigins } from '../domain/createShop';
import { allowedOriginsOf } from '../domain/shops';
import { merchantAuditContext } from '../http/auditContext';
import type { AppEnv } from '../http/env';
import { parseInput, readJson } from '../http/validate';

/** The audit log and the allowed origins (secret key; see http/merchant.ts). */
export const merchantAuditRoutes = new Hono<AppEnv>()
  .get(routes.auditLog.path, async (c) => {
    const query = parseInput(routes.auditLog.query, c.req.query());
    return c.json(await auditLogPage(c.get('db').kysely, c.get('shop').id, query), 200);
  })
  .get(routes.getAllowedOrigins.path, (c) => c.json({ origins: allowedOriginsOf(c.get('shop')) }, 200))
  .put(routes.putAllowedOrigins.path, async (c) => {
    const { origins } = parseInput(routes.putAllowedOrigins.body, await readJson(c.req.raw));
    await setAllowedOrigins(c.get('db'), c.get('shop').id, origins, c.get('now')(), merchantAuditContext(c));
    return c.json({ origins }, 200);
  });
