import { defineGroup, type Check } from '../kit';

// Allowed origins and the audit log. The kit writes the shop's own origin list back unchanged, so
// running it changes no configuration; it leaves one `allowed_origins.update` entry in the log.

function check(id: string, title: string, routes: Check['routes'], run: Check['run'], covers: Check['covers'] = []): Check {
  return { id, title, routes, covers, needs: ['secret'], run };
}

export const auditChecks = defineGroup({
  id: 'audit',
  title: 'Allowed origins and the audit log',
  checks: [
    check(
      'origins-roundtrip',
      'reads the allowed origins (200 AllowedOrigins) and saves the same list back unchanged (200)',
      ['getAllowedOrigins', 'putAllowedOrigins'],
      async (t) => {
        const read = await t.call('getAllowedOrigins');
        const { origins } = t.expectSuccess('getAllowedOrigins', read, 200);
        const write = await t.call('putAllowedOrigins', { body: { origins } });
        const saved = t.expectSuccess('putAllowedOrigins', write, 200);
        if (JSON.stringify(saved.origins) !== JSON.stringify(origins)) t.fail('the saved list differs from the one sent', write);
      },
      ['getAllowedOrigins', 'putAllowedOrigins'],
    ),
    check(
      'origins-invalid',
      'refuses an origin with a path or a wildcard (400 validation_failed naming origins.N) and keeps the list',
      ['getAllowedOrigins', 'putAllowedOrigins'],
      async (t) => {
        const before = t.expectSuccess('getAllowedOrigins', await t.call('getAllowedOrigins'), 200);
        for (const bad of ['https://shop.example/path', 'https://*.shop.example']) {
          const exchange = await t.call('putAllowedOrigins', { body: { origins: [...before.origins, bad] } });
          const envelope = t.expectError(exchange, 400, 'validation_failed');
          if (!envelope.error.fields?.some((field) => field.path === `origins.${before.origins.length}`)) t.fail(`error.fields should name origins.${before.origins.length}`, exchange);
        }
        const after = await t.call('getAllowedOrigins');
        if (JSON.stringify(t.expectSuccess('getAllowedOrigins', after, 200).origins) !== JSON.stringify(before.origins)) t.fail('a refused change altered the list', after);
      },
    ),
    check(
      'log',
      'logs a configuration change as it happens, newest first, and pages with a cursor (200 AuditLogPage)',
      ['auditLog', 'getAllowedOrigins', 'putAllowedOrigins'],
      async (t) => {
        const { origins } = t.expectSuccess('getAllowedOrigins', await t.call('getAllowedOrigins'), 200);
        t.expectSuccess('putAllowedOrigins', await t.call('putAllowedOrigins', { body: { origins } }), 200);
        const first = await t.call('auditLog', { query: { type: 'config', limit: '1' } });
        const page = t.expectSuccess('auditLog', first, 200);
        const newest = page.entries[0];
        if (!newest || newest.action !== 'allowed_origins.update') t.fail(`the newest configuration entry should be allowed_origins.update, got ${newest?.action ?? 'nothing'}`, first);
        if (page.entries.length > 1) t.fail(`limit=1 returned ${page.entries.length} entries`, first);
        if (!page.nextCursor) return;
        const second = await t.call('auditLog', { query: { type: 'config', limit: '1', cursor: page.nextCursor } });
        const next = t.expectSuccess('auditLog', second, 200).entries[0];
        if (next && (next.id === newest?.id || next.at > (newest?.at ?? ''))) t.fail('the second page repeats or precedes the first', second);
      },
      ['auditLog'],
    ),
  ],
});
