import { Hono } from 'hono';
import { routes } from '../../contract';
import { programmeOf, saveProgramme } from '../domain/shops';
import { merchantAuditContext } from '../http/auditContext';
import type { AppEnv } from '../http/env';
import { parseInput, readJson } from '../http/validate';

export const merchantProgrammeRoutes = new Hono<AppEnv>()
  .get(routes.getProgramme.path, (c) => c.json(programmeOf(c.get('shop'))))
  .put(routes.putProgramme.path, async (c) => {
    const programme = parseInput(routes.putProgramme.body, await readJson(c.req.raw));
    await saveProgramme(c.get('db'), c.get('shop').id, programme, c.get('now')(), merchantAuditContext(c));
    return c.json(programme);
  });
