import { afterEach, describe, expect, it } from 'vitest';
import { formatReport, runConformance, runConformanceCli, type ConformanceReport } from '../../src/conformance';
import { routes } from '../../src/contract';
import { referralQr } from '../../src/server/domain/referrals/qr';
import { createReferenceBackend, listen, SHOP_ORIGIN, type Listening, type ReferenceBackend } from './support/servers';

// Deliberately broken servers: the real reference app with one thing wrong, served on a loopback
// port. The kit must fail, naming exactly the checks that catch the breakage.
type Handler = (request: Request) => Promise<Response>;

const started: Array<Listening | ReferenceBackend> = [];
afterEach(async () => {
  for (const item of started.splice(0).reverse()) await item.close();
});

async function serveBroken(breakIt: (real: Handler, backend: ReferenceBackend) => Handler) {
  const backend = await createReferenceBackend();
  started.push(backend);
  const real: Handler = async (request) => backend.app.fetch(request);
  const server = await listen(breakIt(real, backend));
  started.push(server);
  const options = {
    api: server.url,
    shop: backend.seed.shop.publishableKey,
    secret: backend.seed.shop.secretKey,
    signingSecret: backend.seed.shop.signingSecret,
    origin: SHOP_ORIGIN,
    customer: 'ayse',
  };
  const report = await runConformance(options);
  if (process.env.SHOW) process.stdout.write(formatReport(report));
  return { backend, options, report };
}

function failedIds(report: ConformanceReport): string[] {
  return report.groups.flatMap((group) => group.results.filter((r) => r.status === 'failed').map((r) => r.id)).sort();
}

function resultOf(report: ConformanceReport, id: string) {
  return report.groups.flatMap((group) => group.results).find((result) => result.id === id);
}

/** A copy of `response` with a new JSON body (and no stale Content-Length). */
function withJson(response: Response, body: unknown, status = response.status): Response {
  const headers = new Headers(response.headers);
  headers.delete('Content-Length');
  return new Response(JSON.stringify(body), { status, headers });
}

function decodeHeader(token: string): { alg?: string } {
  try {
    return JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()) as { alg?: string };
  } catch {
    return {};
  }
}

describe('the kit against broken servers', () => {
  it('a balance sent as a string fails every check that reads a snapshot, with the field named', async () => {
    const { report } = await serveBroken((real) => async (request) => {
      const response = await real(request);
      if (new URL(request.url).pathname !== '/v1/boot' || response.status !== 200) return response;
      const body = (await response.json()) as { customer: { balance: number } | null };
      if (body.customer) body.customer = { ...body.customer, balance: String(body.customer.balance) as unknown as number };
      return withJson(response, body);
    });
    expect(failedIds(report), formatReport(report)).toEqual([
      'boot.signed-in',
      'identity.valid-token',
      'redemptions.happy-path',
      'redemptions.insufficient-points',
      'redemptions.price-changed',
    ]);
    expect(resultOf(report, 'boot.signed-in')?.reason).toMatch(/the 200 body does not match the contract's schema for boot: customer\.balance: expected number, got string "2450"$/);
    // Checks that build on a failed one are skipped, naming it, never passed.
    expect(resultOf(report, 'redemptions.replay')).toMatchObject({ status: 'skipped', reason: 'depends on redemptions.happy-path, which did not pass' });
    expect(report.coverage.find((route) => route.route === 'redeem')?.happyPath).toBe('failed');
  });

  it('reflecting any Origin fails the foreign-origin and null-origin checks', async () => {
    const { report } = await serveBroken((real) => async (request) => {
      const response = await real(request);
      const origin = request.headers.get('Origin');
      if (!origin) return response;
      const headers = new Headers(response.headers);
      headers.set('Access-Control-Allow-Origin', origin);
      return new Response(response.body, { status: response.status, headers });
    });
    expect(failedIds(report), formatReport(report)).toEqual(['cors.foreign-origin', 'cors.foreign-preflight', 'cors.null-origin']);
    expect(resultOf(report, 'cors.foreign-origin')?.reason).toBe(
      'Access-Control-Allow-Origin reflects "https://conformance-foreign.invalid": any site could read shoppers\' data',
    );
  });

  it('accepting alg "none" tokens fails the alg-none checks on every route that reads a token', async () => {
    const { report } = await serveBroken((real, backend) => async (request) => {
      const token = /^Bearer (\S+)$/.exec(request.headers.get('Authorization') ?? '')?.[1];
      if (!token || decodeHeader(token).alg !== 'none') return real(request);
      // The broken server trusts the unsigned claims: as if it had signed them itself.
      const { signToken } = await import('../../src/conformance/jwt');
      const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as object;
      const headers = new Headers(request.headers);
      headers.set('Authorization', `Bearer ${signToken(claims, backend.seed.shop.signingSecret)}`);
      return real(new Request(request, { headers }));
    });
    // Every customer route in the contract gets its own alg-none check, generated from the route table.
    const customerRoutes = Object.entries(routes).filter(([, route]) => route.auth === 'customer').map(([name]) => `identity.${name}-alg-none`);
    expect(customerRoutes).toContain('identity.redeem-alg-none');
    expect(failedIds(report), formatReport(report)).toEqual(['identity.alg-none', ...customerRoutes].sort());
    const text = formatReport(report);
    expect(text).toMatch(/✗ refuses an unsigned alg "none" token \(401 unauthorized\)\n\s+expected 401 unauthorized, got 200\n/);
    expect(text).toMatch(/→ GET http:\/\/127\.0\.0\.1:\d+\/v1\/boot\?shop=pk_demo_\w+\n\s+Authorization: Bearer eyJ[\w-]{17}…\(redacted\)/);
  });

  it('ignoring the Idempotency-Key fails replay, key reuse and the single debit', async () => {
    const { report, options } = await serveBroken((real) => async (request) => {
      if (new URL(request.url).pathname !== '/v1/redemptions' || !request.headers.has('Idempotency-Key')) return real(request);
      const headers = new Headers(request.headers);
      headers.set('Idempotency-Key', crypto.randomUUID());
      return real(new Request(request, { headers, duplex: 'half' } as RequestInit));
    });
    expect(failedIds(report), formatReport(report)).toEqual(['redemptions.key-reused', 'redemptions.one-debit', 'redemptions.replay']);
    expect(resultOf(report, 'redemptions.replay')?.reason).toMatch(/^a retry issued another coupon/);
    expect(resultOf(report, 'redemptions.one-debit')?.reason).toMatch(/^balance 2450 − one debit of 400 = 2050, the server says 650$/);
    // The CLI turns a failure into exit status 1, with the check named in the report.
    let out = '';
    const code = await runConformanceCli(
      ['--api', options.api, '--shop', options.shop, '--customer', 'elif', '--only', 'redemptions'],
      { stdout: (text) => (out += text), stderr: (text) => (out += text), env: { SADAKAT_SIGNING_SECRET: options.signingSecret } },
    );
    expect(code, out).toBe(1);
    expect(out).toMatch(/✗ the same Idempotency-Key and body again → the same coupon and balance\n\s+a retry issued another coupon .*\n\s+\[redemptions\.replay\]/);
    expect(out).toMatch(/^FAIL: 5 passed, 3 failed, 0 skipped/m);
  });

  it('a server that ignores expectedCost (charges a price the shopper never saw) fails the price-changed check', async () => {
    const { report } = await serveBroken((real) => async (request) => {
      if (new URL(request.url).pathname !== '/v1/redemptions' || request.method !== 'POST') return real(request);
      const text = await request.text();
      let forwarded = text;
      try {
        const { expectedCost: _ignored, ...body } = JSON.parse(text) as Record<string, unknown>;
        forwarded = JSON.stringify(body);
      } catch {
        // Not JSON: the kit's malformed-input checks; pass it on untouched.
      }
      const headers = new Headers(request.headers);
      headers.delete('Content-Length');
      return real(new Request(request.url, { method: 'POST', headers, body: forwarded }));
    });
    expect(failedIds(report), formatReport(report)).toEqual(['redemptions.price-changed']);
    expect(resultOf(report, 'redemptions.price-changed')?.reason).toMatch(/^expected 409 price_changed, got 201/);
  });

  it('error messages with a stack trace and a file path fail the leak check', async () => {
    const { report } = await serveBroken((real) => async (request) => {
      const response = await real(request);
      if (response.status < 400) return response;
      const body = (await response.json()) as { error: { message: string } };
      body.error.message = `SqliteError: no such table: coupons\n    at Database.prepare (/srv/sadakat/node_modules/better-sqlite3/lib/methods/wrappers.js:5:21)`;
      return withJson(response, body);
    });
    expect(failedIds(report), formatReport(report)).toEqual(['hygiene.no-leaks']);
    expect(resultOf(report, 'hygiene.no-leaks')?.reason).toBe('the error response contains a stack trace');
  });

  it('storing every delivery of a survey response as a new one fails the exactly-once checks', async () => {
    const { report } = await serveBroken((real) => async (request) => {
      if (request.method !== 'POST' || new URL(request.url).pathname !== '/v1/survey-responses') return real(request);
      // The broken server keys responses by delivery, not by the client's responseId; its
      // acknowledgement still echoes the id it was sent, so only the stored data shows the fault.
      let sent: { responseId?: unknown };
      try {
        sent = JSON.parse(await request.clone().text()) as { responseId?: unknown };
      } catch {
        return real(request);
      }
      if (typeof sent.responseId !== 'string') return real(request);
      const body = JSON.stringify({ ...sent, responseId: crypto.randomUUID() });
      const response = await real(new Request(request.url, { method: 'POST', headers: request.headers, body }));
      if (response.status !== 200) return response;
      return withJson(response, { ...((await response.json()) as object), responseId: sent.responseId });
    });
    expect(failedIds(report), formatReport(report)).toEqual(['surveys.answers', 'surveys.beacon-then-complete', 'surveys.export']);
    expect(resultOf(report, 'surveys.answers')?.reason).toBe('the response delivered twice should have one row each for comment and nps, got []');
    expect(resultOf(report, 'surveys.beacon-then-complete')?.reason).toBe('expected status "completed", got "partial"');
    expect(resultOf(report, 'surveys.export')?.reason).toBe('the response delivered twice has 0 rows in the export, not 1');
    expect(resultOf(report, 'surveys.results')).toMatchObject({ status: 'skipped', reason: 'depends on surveys.beacon-then-complete, which did not pass' });
  });

  it('letting a used coupon be consumed again on another order fails the exactly-once coupon check', async () => {
    const consumed = new Map<string, { coupon: Record<string, unknown> }>();
    const { report } = await serveBroken((real) => async (request) => {
      const match = /^\/v1\/merchant\/coupons\/([^/]+)\/consume$/.exec(new URL(request.url).pathname);
      if (!match?.[1]) return real(request);
      const { orderId } = JSON.parse(await request.clone().text()) as { orderId: string };
      const response = await real(request);
      if (response.status === 200) {
        const body = (await response.clone().json()) as { coupon: Record<string, unknown> };
        consumed.set(match[1], body);
        return response;
      }
      const earlier = consumed.get(match[1]);
      if (response.status !== 409 || !earlier) return response;
      // The broken server moves a used code to whichever order asks last.
      return withJson(response, { coupon: { ...earlier.coupon, usedOrderId: orderId } }, 200);
    });
    expect(failedIds(report), formatReport(report)).toEqual(['loyalty.coupon-consume-once']);
    expect(resultOf(report, 'loyalty.coupon-consume-once')?.reason).toBe('expected 409 coupon_used, got 200');
  });

  it('an audit log that forgets configuration changes, and origins saved with a wildcard, fail the audit checks', async () => {
    const { report } = await serveBroken((real) => async (request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/v1/merchant/audit-log') {
        const response = await real(request);
        return response.status === 200 ? withJson(response, { entries: [], nextCursor: null }) : response;
      }
      if (pathname === '/v1/merchant/allowed-origins' && request.method === 'PUT') {
        // Any list of strings from a signed-in merchant is "saved": the origin check was left out.
        const body = (await request.clone().json().catch(() => null)) as { origins?: unknown } | null;
        const authorised = (await real(new Request(request.url, { headers: request.headers }))).status === 200;
        const strings = Array.isArray(body?.origins) && body.origins.every((origin) => typeof origin === 'string');
        if (authorised && strings && Object.keys(body!).length === 1) return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }
      return real(request);
    });
    expect(failedIds(report), formatReport(report)).toEqual(['audit.log', 'audit.origins-invalid']);
    expect(resultOf(report, 'audit.log')?.reason).toMatch(/the newest configuration entry should be allowed_origins.update, got nothing/);
  });

  it('leaving a core route out of the OpenAPI document fails it and makes its checks not applicable', async () => {
    const { report } = await serveBroken((real) => async (request) => {
      const response = await real(request);
      if (new URL(request.url).pathname !== '/v1/openapi.json') return response;
      const document = (await response.json()) as { paths: Record<string, unknown> };
      delete document.paths['/v1/redemptions'];
      return withJson(response, document);
    });
    expect(failedIds(report), formatReport(report)).toEqual(['openapi.lists-redeem']);
    const happy = resultOf(report, 'redemptions.happy-path');
    expect(happy).toMatchObject({ status: 'skipped', reason: "not applicable: POST /v1/redemptions not in this server's OpenAPI document" });
    expect(report.coverage.find((route) => route.route === 'redeem')).toMatchObject({ listed: false });
    expect(formatReport(report)).toMatch(/POST \/v1\/redemptions\s+redeem\s+not in the server’s OpenAPI document/);
  });

  it('a referral payload without the QR code fails the referral checks, saying what is missing', async () => {
    const { report } = await serveBroken((real) => async (request) => {
      const response = await real(request);
      if (new URL(request.url).pathname !== '/v1/referral' || response.status !== 200) return response;
      const { qr: _left, ...body } = (await response.json()) as Record<string, unknown>;
      return withJson(response, body);
    });
    // The first referral check makes the shared advocate and fails; the others depend on it.
    const referralResults = report.groups.find((group) => group.id === 'referrals')?.results ?? [];
    const failed = referralResults.filter((result) => result.status === 'failed');
    expect(failed.length, formatReport(report)).toBe(1);
    expect(failed[0]?.reason).toMatch(/^no `qr` in the response/);
    expect(referralResults.filter((result) => result.status === 'passed').map((result) => result.id)).toEqual([]);
    expect(failedIds(report).every((id) => id.startsWith('referrals.')), formatReport(report)).toBe(true);
  });

  it('a well-formed QR code of another link fails exactly the QR check', async () => {
    const { report } = await serveBroken((real) => async (request) => {
      const response = await real(request);
      const url = new URL(request.url);
      if (url.pathname !== '/v1/referral' || response.status !== 200) return response;
      const body = (await response.json()) as { code: string };
      // The code's link on another site: same shape, wrong content.
      return withJson(response, { ...body, qr: referralQr(`https://elsewhere.example/?ref=${body.code}`) });
    });
    expect(failedIds(report), formatReport(report)).toEqual(['referrals.qr']);
    expect(resultOf(report, 'referrals.qr')?.reason).toMatch(/^qr: the modules are not a QR code of https:\/\/conformance\.sadakat\.example\/\?ref=/);
  });
});
