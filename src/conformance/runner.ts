import packageJson from '../../package.json' with { type: 'json' };
import { checkGroups } from './checks';
import { HttpClient, NetworkError, summarize, type Exchange, type ExchangeSummary } from './http';
import {
  CheckApi,
  CheckFailure,
  describeRoute,
  NEED_FLAGS,
  routeNames,
  RunState,
  Skip,
  type Check,
  type CheckGroup,
  type ConformanceOptions,
} from './kit';
import type { RouteName } from '../contract';

export type CheckStatus = 'passed' | 'failed' | 'skipped';

export interface CheckResult {
  /** `<group>.<check>`, stable across releases of the kit. */
  id: string;
  title: string;
  status: CheckStatus;
  /** Why it failed or was skipped. */
  reason?: string;
  /** The request that showed the failure (credentials redacted). */
  exchange?: ExchangeSummary;
}

export interface GroupResult {
  id: string;
  title: string;
  results: CheckResult[];
}

export interface RouteCoverage {
  route: RouteName;
  operation: string;
  /** Whether the server's OpenAPI document lists it (`true` when the document could not be read). */
  listed: boolean;
  /** Whether a check validated its success response against the contract. */
  happyPath: 'verified' | 'failed' | 'skipped' | 'not run' | 'no check';
}

export interface ConformanceReport {
  kit: { name: 'sadakat-conformance'; version: string };
  target: { api: string; shop: string };
  given: { secret: boolean; signingSecret: boolean; origin: string | null; customer: string | null };
  startedAt: string;
  durationMs: number;
  /** Set when the run could not start (server unreachable); no checks ran. */
  fatal?: string;
  groups: GroupResult[];
  coverage: RouteCoverage[];
  summary: { passed: number; failed: number; skipped: number };
  /** No check failed (skips are reported, never counted as passes). */
  ok: boolean;
}

const OPENAPI_PATH = '/v1/openapi.json';
const METHODS = ['get', 'post', 'put', 'delete', 'patch'];

function listedOperations(document: unknown): Set<string> | null {
  if (document === null || typeof document !== 'object' || !('paths' in document)) return null;
  const paths = document.paths;
  if (paths === null || typeof paths !== 'object') return null;
  const listed = new Set<string>();
  for (const [path, item] of Object.entries(paths)) {
    if (item === null || typeof item !== 'object') continue;
    for (const method of Object.keys(item)) if (METHODS.includes(method)) listed.add(`${method.toUpperCase()} ${path}`);
  }
  return listed;
}

async function runCheck(state: RunState, group: CheckGroup, check: Check): Promise<CheckResult> {
  const id = `${group.id}.${check.id}`;
  const result = (status: CheckStatus, reason?: string, exchange?: Exchange): CheckResult => ({
    id,
    title: check.title,
    status,
    ...(reason ? { reason } : {}),
    ...(exchange ? { exchange: summarize(exchange) } : {}),
  });
  const unlisted = check.routes.filter((route) => !state.isListed(route));
  if (unlisted.length) {
    return result('skipped', `not applicable: ${unlisted.map(describeRoute).join(', ')} not in this server's OpenAPI document`);
  }
  const missing = (check.needs ?? []).filter((need) => !state.options[need]);
  if (missing.length) return result('skipped', `needs ${missing.map((need) => NEED_FLAGS[need]).join(' and ')}`);

  const before = state.http.exchanges.length;
  const lastOwn = () => (state.http.exchanges.length > before ? state.http.exchanges.at(-1) : undefined);
  try {
    await check.run(new CheckApi(state, id));
    return result('passed');
  } catch (error) {
    if (error instanceof Skip) return result('skipped', error.message);
    if (error instanceof CheckFailure) return result('failed', error.message, error.exchange ?? lastOwn());
    if (error instanceof NetworkError) return result('failed', error.message, error.exchange);
    return result('failed', `the kit could not complete this check: ${error instanceof Error ? error.message : String(error)}`, lastOwn());
  }
}

function coverageOf(state: RunState, groups: readonly CheckGroup[], results: GroupResult[]): RouteCoverage[] {
  const statusById = new Map(results.flatMap((group) => group.results.map((r) => [r.id, r.status] as const)));
  return routeNames.map((route) => {
    const ids = groups.flatMap((group) => group.checks.filter((check) => check.covers?.includes(route)).map((check) => `${group.id}.${check.id}`));
    const statuses = ids.map((id) => statusById.get(id));
    const happyPath: RouteCoverage['happyPath'] = statuses.includes('passed')
      ? 'verified'
      : statuses.includes('failed')
        ? 'failed'
        : statuses.includes('skipped')
          ? 'skipped'
          : ids.length
            ? 'not run'
            : 'no check';
    return { route, operation: describeRoute(route), listed: state.isListed(route), happyPath };
  });
}

/**
 * Runs the contract's checks against a server over HTTP and returns the report. Groups run in
 * order, checks one at a time (some build on earlier ones, and the hygiene group reads every
 * exchange the others made).
 */
export async function runConformance(options: ConformanceOptions, groups: readonly CheckGroup[] = checkGroups): Promise<ConformanceReport> {
  const started = Date.now();
  const http = new HttpClient(options.api, options.fetch ?? fetch, options.timeoutMs ?? 10_000);
  const state = new RunState(options, http);
  const report: ConformanceReport = {
    kit: { name: 'sadakat-conformance', version: packageJson.version },
    target: { api: options.api, shop: options.shop },
    given: {
      secret: Boolean(options.secret),
      signingSecret: Boolean(options.signingSecret),
      origin: options.origin ?? null,
      customer: options.customer ?? null,
    },
    startedAt: new Date(started).toISOString(),
    durationMs: 0,
    groups: [],
    coverage: [],
    summary: { passed: 0, failed: 0, skipped: 0 },
    ok: false,
  };

  // The OpenAPI document decides which checks apply; reading it also proves the server is there.
  try {
    const exchange = await http.send({ method: 'GET', path: OPENAPI_PATH });
    state.openapi = exchange;
    state.listed = exchange.status === 200 ? listedOperations(exchange.json) : null;
    const serverDate = Date.parse(exchange.headers.get('Date') ?? '');
    if (Number.isFinite(serverDate) && Math.abs(serverDate - Date.now()) > 5_000) state.clockOffsetMs = serverDate - Date.now();
  } catch (error) {
    report.fatal = `cannot reach ${options.api}: ${error instanceof Error ? error.message : String(error)}`;
    report.durationMs = Date.now() - started;
    return report;
  }

  const selected = options.only?.length ? groups.filter((group) => options.only!.includes(group.id)) : groups;
  for (const group of selected) {
    const results: CheckResult[] = [];
    for (const check of group.checks) results.push(await runCheck(state, group, check));
    report.groups.push({ id: group.id, title: group.title, results });
  }
  for (const result of report.groups.flatMap((group) => group.results)) report.summary[result.status] += 1;
  report.coverage = coverageOf(state, groups, report.groups);
  report.ok = report.summary.failed === 0;
  report.durationMs = Date.now() - started;
  return report;
}
