/** One request the kit made and what came back, kept for the report and for the hygiene checks. */
export interface Exchange {
  request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: string;
  };
  /** `null` when no response arrived (network error, timeout). */
  status: number | null;
  headers: Headers;
  text: string;
  /** The parsed body when it was JSON, else `undefined`. */
  json: unknown;
  /** Set when the request carried a customer token the kit expects the server to accept. */
  asCustomer: boolean;
  networkError?: string;
}

export interface SendOptions {
  method: string;
  /** Path relative to the API base, with its query string. */
  path: string;
  headers?: Record<string, string>;
  /** A value to send as JSON, or a string sent as it is (for malformed bodies). */
  body?: unknown;
  asCustomer?: boolean;
}

/** A request failed before any response arrived; checks report it as a failure of that request. */
export class NetworkError extends Error {
  constructor(
    message: string,
    readonly exchange: Exchange,
  ) {
    super(message);
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const STALE_SOCKET = /other side closed|socket hang up|ECONNRESET|EPIPE|UND_ERR_SOCKET/i;

/** A thin recording `fetch` wrapper: every exchange is kept in order, bodies read once. */
export class HttpClient {
  readonly exchanges: Exchange[] = [];

  constructor(
    private readonly base: string,
    private readonly fetchImpl: typeof fetch,
    private readonly timeoutMs: number,
  ) {}

  url(path: string): string {
    return `${this.base.replace(/\/+$/, '')}${path}`;
  }

  async send(options: SendOptions): Promise<Exchange> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const exchange: Exchange = {
      request: { method: options.method, url: this.url(options.path), headers, ...(body !== undefined ? { body } : {}) },
      status: null,
      headers: new Headers(),
      text: '',
      json: undefined,
      asCustomer: options.asCustomer ?? false,
    };
    this.exchanges.push(exchange);
    // A server that answers before reading a large body (413) closes that connection; the next
    // request may be handed the dead keep-alive socket. Safe requests get one more try on it.
    const retryable = SAFE_METHODS.has(options.method) || 'Idempotency-Key' in headers;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const response = await this.fetchImpl(exchange.request.url, {
          method: options.method,
          headers,
          ...(body !== undefined ? { body } : {}),
          redirect: 'manual',
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        exchange.status = response.status;
        exchange.headers = response.headers;
        exchange.text = await response.text();
        break;
      } catch (error) {
        const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
        if (attempt === 1 && retryable && STALE_SOCKET.test(cause)) continue;
        exchange.networkError = cause;
        throw new NetworkError(`${options.method} ${exchange.request.url} got no response: ${cause}`, exchange);
      }
    }
    if (/json/i.test(exchange.headers.get('Content-Type') ?? '')) {
      try {
        exchange.json = JSON.parse(exchange.text);
      } catch {
        exchange.json = undefined;
      }
    }
    return exchange;
  }
}

const SECRET_HEADERS = /^(authorization|cookie)$/i;

function redactHeader(name: string, value: string): string {
  if (!SECRET_HEADERS.test(name)) return value;
  const [scheme, credential = ''] = value.split(/\s+/, 2);
  if (/^sk_/.test(credential)) return `${scheme} ${credential.slice(0, 8)}…(redacted)`;
  return `${scheme} ${credential.slice(0, 20)}…(redacted)`;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** What the report shows of an exchange: credentials redacted, bodies clipped. */
export interface ExchangeSummary {
  request: string;
  requestHeaders: string[];
  requestBody?: string;
  response: string;
  responseHeaders: string[];
  responseBody?: string;
}

const SHOWN_RESPONSE_HEADERS = [
  'content-type',
  'cache-control',
  'vary',
  'x-request-id',
  'access-control-allow-origin',
  'access-control-allow-methods',
  'access-control-allow-headers',
];
const HIDDEN_REQUEST_HEADERS = new Set(['accept']);

export function summarize(exchange: Exchange): ExchangeSummary {
  const { request } = exchange;
  const summary: ExchangeSummary = {
    request: `${request.method} ${request.url}`,
    requestHeaders: Object.entries(request.headers)
      .filter(([name]) => !HIDDEN_REQUEST_HEADERS.has(name.toLowerCase()))
      .map(([name, value]) => `${name}: ${redactHeader(name, value)}`),
    response: exchange.networkError ? `no response (${exchange.networkError})` : `${exchange.status}`,
    responseHeaders: SHOWN_RESPONSE_HEADERS.flatMap((name) => {
      const value = exchange.headers.get(name);
      return value === null ? [] : [`${name}: ${value}`];
    }),
  };
  if (request.body !== undefined) summary.requestBody = clip(request.body, 200);
  if (exchange.text) summary.responseBody = clip(exchange.text, 400);
  return summary;
}
