import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGroups, formatReport, runConformance, runConformanceCli, type ConformanceReport } from '../../src/conformance';
import { routes } from '../../src/contract';
import { createReferenceBackend, listen, SHOP_ORIGIN, type Listening, type ReferenceBackend } from './support/servers';

// The reference server, served over real HTTP on a loopback port, passes the whole kit.
let backend: ReferenceBackend;
let server: Listening;

beforeAll(async () => {
  backend = await createReferenceBackend();
  server = await listen(backend.app.fetch);
});

afterAll(async () => {
  await server?.close();
  await backend?.close();
});

const everything = () => ({
  api: server.url,
  shop: backend.seed.shop.publishableKey,
  secret: backend.seed.shop.secretKey,
  signingSecret: backend.seed.shop.signingSecret,
  origin: SHOP_ORIGIN,
  customer: 'ayse',
});

const results = (report: ConformanceReport) => report.groups.flatMap((group) => group.results);

describe('the kit against the reference server', () => {
  it('passes every check, skips none, and verifies the happy path of every route', async () => {
    const report = await runConformance(everything());
    const failed = results(report).filter((r) => r.status !== 'passed');
    expect(failed, formatReport(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.coverage.map((route) => [route.route, route.listed, route.happyPath])).toEqual(
      Object.keys(routes).map((name) => [name, true, 'verified']),
    );
  });

  it('with only the publishable key, passes what it can and says what each skip needs', async () => {
    const report = await runConformance({ api: server.url, shop: backend.seed.shop.publishableKey });
    expect(report.ok, formatReport(report)).toBe(true);
    const skipped = results(report).filter((r) => r.status === 'skipped');
    expect(skipped.length).toBeGreaterThan(0);
    for (const result of skipped) expect(result.reason, result.id).toMatch(/^needs --(signing-secret|origin|secret)|depends on/);
    // The negative identity and CORS checks need no secrets, and ran.
    const passed = new Set(results(report).filter((r) => r.status === 'passed').map((r) => r.id));
    for (const id of ['identity.forged', 'identity.alg-none', 'cors.foreign-origin', 'cors.null-origin', 'errors.redeem-no-token']) {
      expect(passed, id).toContain(id);
    }
  });

  it('without --customer, funds a new customer through the merchant routes, or says how to enable the checks', async () => {
    const { customer: _customer, ...options } = everything();
    const funded = await runConformance({ ...options, only: ['redemptions'] });
    expect(results(funded).filter((r) => r.status !== 'passed'), formatReport(funded)).toEqual([]);

    const { secret: _secret, ...unfunded } = options;
    const report = await runConformance({ ...unfunded, only: ['redemptions'] });
    const happy = results(report).find((r) => r.id === 'redemptions.happy-path');
    expect(happy?.status).toBe('skipped');
    expect(happy?.reason).toBe('needs --customer <id with at least 400 points> (or --secret, with a server that lists adjustPoints and reportOrder)');
    // The checks that need no points still ran.
    expect(results(report).find((r) => r.id === 'redemptions.insufficient-points')?.status).toBe('passed');
  });

  it('every check id is unique, and every route in the contract has a happy-path check', () => {
    const ids = checkGroups.flatMap((group) => group.checks.map((check) => `${group.id}.${check.id}`));
    expect(new Set(ids).size).toBe(ids.length);
    const covered = new Set(checkGroups.flatMap((group) => group.checks.flatMap((check) => check.covers ?? [])));
    const uncovered = Object.keys(routes).filter((name) => !covered.has(name as keyof typeof routes));
    expect(uncovered, 'add a check that validates these routes’ success responses (docs/conformance.md)').toEqual([]);
  });

  it('the CLI prints a readable report and exits 0', async () => {
    let out = '';
    const { secret, signingSecret, ...rest } = everything();
    const code = await runConformanceCli(
      ['--api', rest.api, '--shop', rest.shop, '--origin', rest.origin, '--only', 'identity,cors'],
      { stdout: (text) => (out += text), stderr: (text) => (out += text), env: { SADAKAT_SECRET_KEY: secret, SADAKAT_SIGNING_SECRET: signingSecret } },
    );
    expect(code, out).toBe(0);
    expect(out).toMatch(/^Identity \(customer tokens\)$/m);
    expect(out).toMatch(/^ {2}✓ refuses an unsigned alg "none" token \(401 unauthorized\)$/m);
    expect(out).toMatch(/^PASS: \d+ passed, 0 failed, 0 skipped/m);
    expect(out).not.toContain(signingSecret);
    expect(out).not.toContain(secret);
  });

  it('the CLI exits 2 on a usage error and when the server cannot be reached', async () => {
    let err = '';
    const io = { stdout: () => {}, stderr: (text: string) => (err += text), env: {} };
    expect(await runConformanceCli(['--shop', 'pk_test_abcdef'], io)).toBe(2);
    expect(err).toContain('--api must be an http(s) URL');
    let out = '';
    const unreachable = await runConformanceCli(['--api', 'http://127.0.0.1:9', '--shop', 'pk_test_abcdef', '--json'], {
      ...io,
      stdout: (text) => (out += text),
    });
    expect(unreachable).toBe(2);
    expect(JSON.parse(out)).toMatchObject({ ok: false, fatal: expect.stringContaining('cannot reach http://127.0.0.1:9') });
  });
});
