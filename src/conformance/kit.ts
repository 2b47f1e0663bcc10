import type { z } from 'zod/mini';
import { BootResponse, ErrorEnvelope, routes, type ErrorCode, type RouteDefinition, type RouteName, type Routes } from '../contract';
import type { Exchange, HttpClient } from './http';
import { NetworkError } from './http';
import { freshClaims, signToken, type TokenClaims } from './jwt';

/** What the person running the kit told it about the server under test. */
export interface ConformanceOptions {
  /** Base URL of the API, e.g. `https://loyalty.example.com` (routes are appended: `/v1/boot`). */
  api: string;
  /** The test shop's publishable key (`pk_…`). */
  shop: string;
  /** The shop's secret key (`sk_…`), for merchant routes. */
  secret?: string;
  /** The shop's token signing secret: enables the positive identity checks and every signed-in check. */
  signingSecret?: string;
  /** An origin the shop allows (exactly as the browser sends it), for the positive CORS checks. */
  origin?: string;
  /** A customer id (token `sub`) whose balance affords the shop's cheapest reward, for redemption checks. */
  customer?: string;
  /** Injected for tests and custom transports. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Per-request timeout. @default 10000 */
  timeoutMs?: number;
  /** Run only these groups (ids), e.g. `['identity']`. @default every group */
  only?: string[];
}

/** An option a check cannot run without; it is skipped, naming the flag, when absent. */
export type Need = 'signingSecret' | 'origin' | 'secret';

export const NEED_FLAGS: Record<Need, string> = {
  signingSecret: '--signing-secret',
  origin: '--origin',
  secret: '--secret',
};

export interface Check {
  /** Stable within its group; the full id is `<group>.<id>` (used in `--json` and tests). */
  id: string;
  /** What a passing server does, in one line: "refuses a token with alg none (401 unauthorized)". */
  title: string;
  /** Contract routes the check calls; it is not applicable when the server's OpenAPI document lacks one. */
  routes: readonly RouteName[];
  /** Routes whose documented success response this check validates (the report's coverage table). */
  covers?: readonly RouteName[];
  needs?: readonly Need[];
  run(t: CheckApi): Promise<void>;
}

export interface CheckGroup {
  id: string;
  title: string;
  checks: readonly Check[];
}

/** Keeps a group's literal shape while checking it against `CheckGroup`. */
export function defineGroup(group: CheckGroup): CheckGroup {
  return group;
}

/** Thrown by `t.skip()`: the check does not apply, or something it depends on did not pass. */
export class Skip extends Error {}

/** Thrown by `t.fail()` and the `expect…` helpers: what was wrong and which request showed it. */
export class CheckFailure extends Error {
  constructor(
    message: string,
    readonly exchange?: Exchange,
  ) {
    super(message);
  }
}

/** The routes table seen as data. */
export const routeTable: Record<RouteName, RouteDefinition> = routes;
export const routeNames = Object.keys(routes) as RouteName[];

export function describeRoute(name: RouteName): string {
  return `${routeTable[name].method} ${routeTable[name].path}`;
}

/** Fills `{param}` placeholders; values are URI-encoded. */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(params[name] ?? `conformance-${name}`));
}

export interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** The publishable key for storefront routes; `null` leaves it out. @default options.shop */
  shop?: string | null;
  /** A customer token to send as `Authorization: Bearer …`. */
  token?: string;
  /** Whether the server is expected to accept `token` (marks the exchange as a customer response). */
  asCustomer?: boolean;
  /** The raw `Authorization` value; `null` sends none. @default the token, or the secret key on merchant routes */
  authorization?: string | null;
  headers?: Record<string, string>;
  body?: unknown;
  /** Overrides the route's method (wrong-method probes, CORS preflights). */
  method?: string;
}

interface Shared {
  owner: string;
  promise: Promise<unknown>;
}

/** Run-wide state: the HTTP log, the server's OpenAPI listing, results shared between checks. */
export class RunState {
  readonly shared = new Map<string, Shared>();
  /** `METHOD path` pairs the server's OpenAPI document lists; `null` when it could not be read. */
  listed: Set<string> | null = null;
  /** Server clock minus ours, from the `Date` header, so token times match the server's clock. */
  clockOffsetMs = 0;
  /** The response to `GET /v1/openapi.json`, read before any check runs. */
  openapi: Exchange | null = null;

  constructor(
    readonly options: ConformanceOptions,
    readonly http: HttpClient,
  ) {}

  isListed(name: RouteName): boolean {
    return this.lists(routeTable[name]);
  }

  /** Whether the server lists an operation (always `true` when its document could not be read). */
  lists(definition: Pick<RouteDefinition, 'method' | 'path'>): boolean {
    return this.listed === null || this.listed.has(`${definition.method} ${definition.path}`);
  }
}

/** What a check's `run` receives: requests, assertions and shared set-up, all recorded for the report. */
export class CheckApi {
  constructor(
    readonly state: RunState,
    readonly checkId: string,
  ) {}

  get options(): ConformanceOptions {
    return this.state.options;
  }

  get http(): HttpClient {
    return this.state.http;
  }

  skip(reason: string): never {
    throw new Skip(reason);
  }

  fail(message: string, exchange?: Exchange): never {
    throw new CheckFailure(message, exchange);
  }

  /** The server's clock, so that "fresh" and "expired" mean the same to both sides. */
  now(): Date {
    return new Date(Date.now() + this.state.clockOffsetMs);
  }

  /** Calls a contract route, adding the shop key and credentials its `auth` calls for. */
  async call(name: RouteName, options: CallOptions = {}): Promise<Exchange> {
    const definition = routeTable[name];
    const query = new URLSearchParams();
    const shop = options.shop === undefined ? this.options.shop : options.shop;
    if ((definition.auth === 'storefront' || definition.auth === 'customer') && shop !== null) query.set('shop', shop);
    for (const [key, value] of Object.entries(options.query ?? {})) query.set(key, value);
    const headers: Record<string, string> = { ...options.headers };
    const authorization =
      options.authorization !== undefined
        ? options.authorization
        : options.token
          ? `Bearer ${options.token}`
          : definition.auth === 'merchant' && this.options.secret
            ? `Bearer ${this.options.secret}`
            : null;
    if (authorization !== null) headers.Authorization = authorization;
    const search = query.size ? `?${query.toString()}` : '';
    return this.http.send({
      method: options.method ?? definition.method,
      path: `${fillPath(definition.path, options.params)}${search}`,
      headers,
      body: options.body,
      asCustomer: options.asCustomer ?? false,
    });
  }

  expectStatus(exchange: Exchange, expected: number | readonly number[], why = ''): void {
    const list = typeof expected === 'number' ? [expected] : expected;
    if (exchange.status === null || !list.includes(exchange.status)) {
      const bodyHint = errorCodeOf(exchange);
      this.fail(`expected ${list.join(' or ')}${why ? ` (${why})` : ''}, got ${exchange.status}${bodyHint ? ` ${bodyHint}` : ''}`, exchange);
    }
  }

  /**
   * An error response as the contract defines it: the status, a JSON `{ error: { code, message,
   * requestId } }` body with one of the expected codes, and a request id that matches `X-Request-Id`.
   */
  expectError(exchange: Exchange, status: number | readonly number[], codes: ErrorCode | readonly ErrorCode[]): ErrorEnvelope {
    const allowed = typeof codes === 'string' ? [codes] : codes;
    const statuses = typeof status === 'number' ? [status] : status;
    if (exchange.status === null || !statuses.includes(exchange.status)) {
      const got = errorCodeOf(exchange);
      this.fail(`expected ${statuses.join(' or ')} ${allowed.join(' or ')}, got ${exchange.status}${got ? ` ${got}` : ''}`, exchange);
    }
    const envelope = this.expectEnvelope(exchange);
    if (!allowed.includes(envelope.error.code)) {
      this.fail(`expected error code ${allowed.join(' or ')}, got ${envelope.error.code}`, exchange);
    }
    return envelope;
  }

  /** Validates any error body against `ErrorEnvelope` and its request id against `X-Request-Id`. */
  expectEnvelope(exchange: Exchange): ErrorEnvelope {
    if (!/application\/json/i.test(exchange.headers.get('Content-Type') ?? '')) {
      this.fail(`error responses must be application/json, got ${exchange.headers.get('Content-Type') ?? 'no Content-Type'}`, exchange);
    }
    const parsed = ErrorEnvelope.safeParse(exchange.json);
    if (!parsed.success) this.fail(`the error body does not match { error: { code, message, requestId } }: ${issuesOf(parsed.error, exchange.json)}`, exchange);
    const header = exchange.headers.get('X-Request-Id');
    if (header !== null && header !== parsed.data.error.requestId) {
      this.fail(`error.requestId "${parsed.data.error.requestId}" differs from the X-Request-Id header "${header}"`, exchange);
    }
    return parsed.data;
  }

  /** A success response: the status is one the route documents, the body matches that status's schema. */
  expectSuccess<N extends RouteName, S extends keyof Routes[N]['responses'] & number>(
    name: N,
    exchange: Exchange,
    status: S,
  ): z.output<Routes[N]['responses'][S]> {
    const definition = routeTable[name];
    const schemas: Record<number, z.ZodMiniType | undefined> = definition.responses;
    const schema = schemas[status];
    if (!schema) throw new Error(`the contract has no ${status} response for ${name}`);
    this.expectStatus(exchange, status);
    const mediaType = definition.responseType ?? 'application/json';
    const contentType = exchange.headers.get('Content-Type') ?? '';
    if (contentType.split(';')[0]?.trim().toLowerCase() !== mediaType) this.fail(`expected Content-Type ${mediaType}, got ${contentType || 'none'}`, exchange);
    const body = mediaType === 'application/json' ? exchange.json : exchange.text;
    const parsed = schema.safeParse(body);
    if (!parsed.success) this.fail(`the ${status} body does not match the contract's schema for ${name}: ${issuesOf(parsed.error, body)}`, exchange);
    return parsed.data as z.output<Routes[N]['responses'][S]>;
  }

  /**
   * Runs `work` once per run and shares its result with every check that asks for `key`. When it
   * failed for the check that ran it, later checks are skipped, naming that check.
   */
  async shared<T>(key: string, work: () => Promise<T>): Promise<T> {
    let entry = this.state.shared.get(key);
    if (!entry) {
      entry = { owner: this.checkId, promise: work() };
      entry.promise.catch(() => {});
      this.state.shared.set(key, entry);
    }
    if (entry.owner === this.checkId) return entry.promise as Promise<T>;
    try {
      return (await entry.promise) as T;
    } catch (error) {
      if (error instanceof Skip) throw error;
      this.skip(`depends on ${entry.owner}, which did not pass`);
    }
  }

  /** The guest boot payload (shop id, programme), validated once and shared. */
  guestBoot(): Promise<BootResponse> {
    return this.shared('boot.guest', async () => {
      const exchange = await this.call('boot');
      const body = this.expectSuccess('boot', exchange, 200);
      if (body.customer !== null) this.fail('a request without a customer token got a customer snapshot', exchange);
      return body;
    });
  }

  /** A token the server must accept for `sub` (needs `--signing-secret`). */
  async validToken(sub: string, overrides: TokenClaims = {}): Promise<string> {
    const secret = this.options.signingSecret;
    if (!secret) this.skip(`needs ${NEED_FLAGS.signingSecret}`);
    const shopId = (await this.guestBoot()).shop.id;
    return signToken({ ...freshClaims(shopId, sub, this.now()), ...overrides }, secret);
  }

  /** A customer id no earlier run has used: a member with zero points. */
  newCustomerId(): string {
    return `conformance-${crypto.randomUUID()}`;
  }
}

interface Issue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
  code?: string;
  expected?: unknown;
}

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return `${Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value} ${text.length > 60 ? `${text.slice(0, 60)}…` : text}`;
}

/** zod/mini ships no message catalog ("Invalid input"), so say what was expected and what came. */
function issuesOf(error: { issues: readonly Issue[] }, input: unknown): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.map(String).join('.') || '(root)';
      const got = shown(valueAt(input, issue.path));
      if (issue.code === 'invalid_type') return `${where}: expected ${String(issue.expected)}, got ${got}`;
      return `${where}: ${issue.message === 'Invalid input' ? `invalid (${issue.code ?? 'check failed'})` : issue.message}, got ${got}`;
    })
    .join('; ');
}

function errorCodeOf(exchange: Exchange): string {
  const parsed = ErrorEnvelope.safeParse(exchange.json);
  return parsed.success ? parsed.data.error.code : '';
}

export { NetworkError };
