import type { Exchange } from '../http';
import { defineGroup, type CheckApi } from '../kit';

/** What must never reach a client: stack frames, SQL and driver errors, server file paths. */
export const LEAKS: ReadonlyArray<{ what: string; pattern: RegExp }> = [
  { what: 'a stack trace', pattern: /\bat (?:async )?[\w$.<>[\] ]+ \([^)]*:\d+:\d+\)|\bat (?:file:\/\/)?\/[\w./-]+:\d+:\d+|\n\s+at\s/ },
  { what: 'SQL', pattern: /\b(?:select\s[\w\s*,."]+\sfrom|insert\s+into|update\s+\w+\s+set|delete\s+from)\s/i },
  {
    what: 'a database error',
    pattern: /SQLITE_[A-Z]|sqlite3?\b|syntax error at or near|relation "[^"]*" does not exist|duplicate key value|violates (?:unique|foreign key|not-null|check) constraint|\bER_[A-Z_]{3,}|ORA-\d{5}|\bPG::|Kysely|Prisma|Sequelize/i,
  },
  { what: 'a file path', pattern: /(?:^|[\s"'(=])(?:\/(?:home|usr|var|srv|opt|app|root|tmp|Users|work|etc)\/[\w./-]+|[A-Za-z]:\\[\w\\.-]+)|node_modules|\.(?:ts|js|mjs|cjs):\d+/ },
];

function leakIn(exchange: Exchange): string | null {
  for (const { what, pattern } of LEAKS) if (pattern.test(exchange.text)) return what;
  return null;
}

/** Inputs written to break naive servers; each must get a clean 4xx in the error envelope. */
async function hostileProbes(t: CheckApi): Promise<void> {
  const token = t.options.signingSecret ? await t.validToken(t.newCustomerId()) : undefined;
  const redeem = (body: unknown) => t.call('redeem', { ...(token ? { token } : {}), body, headers: { 'Idempotency-Key': crypto.randomUUID() } });
  const probes: Array<() => Promise<Exchange>> = [
    () => t.call('boot', { shop: "pk_test_' OR '1'='1" }),
    () => t.call('boot', { query: { locale: '../../../../etc/passwd' } }),
    () => redeem({ rewardId: "x' OR 1=1; --" }),
    () => redeem({ rewardId: { $ne: null } }),
    () => redeem('{"__proto__": {"admin": true}, "rewardId": "x"}'),
    () => redeem({ rewardId: 'x'.repeat(1_000_000) }),
    () => redeem('\u0000\uFFFF{'),
  ];
  for (const probe of probes) {
    const exchange = await probe();
    if (exchange.status === null || exchange.status < 400 || exchange.status > 499) {
      t.fail(`hostile input should get a 4xx error, got ${exchange.status}`, exchange);
    }
    t.expectEnvelope(exchange);
  }
}

/** Runs last: reads every exchange the other groups made, plus a few hostile probes of its own. */
export const hygieneChecks = defineGroup({
  id: 'hygiene',
  title: 'Response hygiene',
  checks: [
    {
      id: 'hostile-input',
      title: 'injection-shaped, prototype-polluting, oversized and binary input gets a clean 4xx',
      routes: ['boot', 'redeem'],
      run: hostileProbes,
    },
    {
      id: 'no-server-errors',
      title: 'no request in this run got a 5xx',
      routes: [],
      async run(t) {
        const failed = t.http.exchanges.find((exchange) => exchange.status !== null && exchange.status >= 500);
        if (failed) t.fail(`${failed.request.method} ${new URL(failed.request.url).pathname} answered ${failed.status}`, failed);
      },
    },
    {
      id: 'no-leaks',
      title: 'no error response carries a stack trace, SQL or a file path',
      routes: [],
      async run(t) {
        for (const exchange of t.http.exchanges) {
          if (exchange.status === null || exchange.status < 400) continue;
          const leak = leakIn(exchange);
          if (leak) t.fail(`the error response contains ${leak}`, exchange);
        }
      },
    },
    {
      id: 'customer-no-store',
      title: "every signed-in success response is 'Cache-Control: private, no-store'",
      routes: [],
      needs: ['signingSecret'],
      async run(t) {
        const responses = t.http.exchanges.filter((e) => e.asCustomer && e.status !== null && e.status < 300);
        if (!responses.length) t.skip('no signed-in response was seen in this run');
        for (const exchange of responses) {
          const cacheControl = exchange.headers.get('Cache-Control') ?? '';
          if (!/\bprivate\b/.test(cacheControl) || !/\bno-store\b/.test(cacheControl)) {
            t.fail(`a signed-in response is cacheable: 'Cache-Control: ${cacheControl || '(none)'}'`, exchange);
          }
        }
      },
    },
  ],
});
