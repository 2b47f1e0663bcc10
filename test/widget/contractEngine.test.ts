import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestBackend, type TestBackend } from '../support/testBackend';
import { contractExchanges, type Exchange } from './support/contractPayloads';
import { mutations, parts } from './support/mutations';

// The ES widget build (the npm entry, the panel and its chunks) runs the contract on the small engine
// of src/widget/validation/zodWidget.ts instead of zod's core (vite.config.ts, mode esm). The contract
// is loaded twice here, once on each engine; every schema it exports must accept and reject the same
// inputs, give the same data and report the same issues (code, path, unknown keys) on both.
// Inputs: real requests and responses of the reference server, their parts, and mutations of them.
type Contract = typeof import('../../src/contract');
interface Parser {
  safeParse(input: unknown): { success: true; data: unknown } | { success: false; error: { issues: Array<{ code: string; path: PropertyKey[]; keys?: string[] }> } };
}

const real: Contract = await import('../../src/contract');
vi.resetModules();
vi.doMock('zod/mini', () => import('../../src/widget/validation/zodMiniWidget'));
const small: Contract = await import('../../src/contract');
vi.doUnmock('zod/mini');

/** Every schema the contract exports, by name, on both engines. */
const schemas = Object.keys(real)
  .filter((name) => typeof (real as unknown as Record<string, Partial<Parser> | undefined>)[name]?.safeParse === 'function')
  .map((name) => ({ name, real: (real as unknown as Record<string, Parser>)[name]!, small: (small as unknown as Record<string, Parser>)[name]! }));

const issuesOf = (result: ReturnType<Parser['safeParse']>) =>
  result.success ? [] : result.error.issues.map(({ code, path, keys }) => (keys ? { code, path, keys } : { code, path }));

const preview = (value: unknown) => {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 160);
  } catch {
    return String(value);
  }
};

/** `null` when both engines agree on `input`, else what differs. */
function disagreement(name: string, schema: { real: Parser; small: Parser }, input: unknown, label = ''): string | null {
  const expected = schema.real.safeParse(input);
  let actual: ReturnType<Parser['safeParse']>;
  try {
    actual = schema.small.safeParse(input);
  } catch (error) {
    return `${name}${label}: the small engine threw ${String(error)} on ${preview(input)}`;
  }
  if (expected.success !== actual.success) return `${name}${label}: zod says ${expected.success}, the small engine ${actual.success}, on ${preview(input)}`;
  if (expected.success && actual.success && !isDeepStrictEqual(actual.data, expected.data)) {
    return `${name}${label}: data ${preview(actual.data)} instead of ${preview(expected.data)}`;
  }
  if (!isDeepStrictEqual(issuesOf(actual), issuesOf(expected))) {
    return `${name}${label}: issues ${preview(issuesOf(actual))} instead of ${preview(issuesOf(expected))} on ${preview(input)}`;
  }
  return null;
}

/** Runs `inputs` through one schema pair; returns at most a few disagreements and the count checked. */
function compareAll(name: string, schema: { real: Parser; small: Parser }, inputs: Iterable<[string, unknown]>) {
  const found: string[] = [];
  let checked = 0;
  for (const [label, input] of inputs) {
    checked += 1;
    const problem = disagreement(name, schema, input, label);
    if (problem && found.push(problem) >= 5) break;
  }
  return { found, checked };
}

let backend: TestBackend;
let exchanges: Exchange[] = [];
beforeAll(async () => {
  backend = await createTestBackend();
  exchanges = await contractExchanges(backend);
}, 60_000);
afterAll(() => backend?.close());

/** The route's schema for one side of an exchange, on both engines. */
function schemaOf({ route, part }: Exchange) {
  const pick = (contract: Contract) => {
    const definition = contract.routes[route] as { query?: Parser; body?: Parser; responses: Record<number, Parser> };
    return part === 'query' ? definition.query! : part === 'body' ? definition.body! : definition.responses[part]!;
  };
  return { real: pick(real), small: pick(small) };
}

describe('the small engine gives zod’s results for the whole contract', () => {
  it('really is a different engine, and the contract exports many schemas', () => {
    expect(schemas.length).toBeGreaterThan(100);
    expect(real.BootResponse).toHaveProperty('_zod');
    expect(small.BootResponse).not.toHaveProperty('_zod');
  });

  it('the reference server’s real requests and responses cover the widget’s routes, and both engines accept them alike', () => {
    const covered = new Set(exchanges.map((exchange) => exchange.route));
    for (const route of ['boot', 'activity', 'claim', 'redeem', 'myReferral', 'referralLookup', 'referralVisit', 'referralClaim', 'surveyResponse', 'surveyImpression', 'surveyDismissal'] as const) {
      expect(covered, route).toContain(route);
    }
    const problems = exchanges.flatMap((exchange) => {
      const schema = schemaOf(exchange);
      expect(schema.real.safeParse(exchange.json).success, `${exchange.route} ${exchange.part} is valid`).toBe(true);
      return disagreement(`${exchange.route} ${exchange.part}`, schema, exchange.json) ?? [];
    });
    expect(problems).toEqual([]);
  });

  it('every mutation of every exchange (dropped and unknown keys, wrong types, bad numbers, strings and dates) parses alike', () => {
    let checked = 0;
    // One exchange per route and side (the signed-in boot among them): the rest differ only in values.
    const distinct = new Map(exchanges.map((exchange) => [`${exchange.route} ${exchange.part}`, exchange]));
    const problems = [...distinct.values()].flatMap((exchange) => {
      const result = compareAll(`${exchange.route} ${exchange.part}`, schemaOf(exchange), mutations(exchange.json));
      checked += result.checked;
      return result.found;
    });
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  }, 120_000);

  it('every exported schema parses every part of every exchange alike', () => {
    const pool = parts(exchanges.map((exchange) => exchange.json));
    expect(pool.length).toBeGreaterThan(200);
    let accepted = 0;
    const problems = schemas.flatMap((schema) => {
      const inputs = pool.map((value) => ['', value] as [string, unknown]);
      accepted += inputs.filter(([, value]) => schema.real.safeParse(value).success).length;
      return compareAll(schema.name, schema, inputs).found;
    });
    expect(problems).toEqual([]);
    // Not only rejections: many schemas meet parts of the payloads they are made for.
    expect(accepted).toBeGreaterThan(1000);
  }, 120_000);
});
