/**
 * The widget's `fetch`, wrapped once (reliability cases T12, T13, decision D7):
 *
 * - Reads (GET) that meet a network error, 429, 500, 502, 503 or 504 are tried again, up to
 *   `tries` times, after `Retry-After` when the server sent one, otherwise after a full-jitter
 *   backoff (`random × min(cap, base × 2ⁿ)`), so many shops' widgets do not retry in step after an
 *   outage. A `Retry-After` longer than the cap is not waited for: the shopper gets the error state
 *   and its retry button instead of a spinner.
 * - Writes are tried again only when they carry an `Idempotency-Key` (the server then runs them
 *   once), and only when the server cannot have run them: a network error, 429 or 503.
 * - Response bodies are read at most `maxBody` bytes; a bigger one becomes an empty body, which
 *   every caller already treats as an invalid response. A hostile or broken API cannot make the
 *   shop's tab buffer 10 MB.
 *
 * Every wait listens to the request's `AbortSignal`, so the caller's deadline bounds the whole
 * sequence and `destroy()` ends it.
 */
export interface ResilientFetchOptions {
  /** Attempts per request, the first included. @default 3 */
  tries?: number;
  /** @default 250 ms */
  baseDelay?: number;
  /** The longest wait between attempts, `Retry-After` included. @default 2000 ms */
  maxDelay?: number;
  /** @default 1 MiB */
  maxBody?: number;
  /** @default Math.random */
  random?: () => number;
  /** Timers of the page's window (tests pass their own). */
  timers?: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>;
  /** Ends every wait and refuses new requests: the widget's `destroy()`. */
  lifetime?: AbortSignal;
}

const READ_RETRY = [429, 500, 502, 503, 504];
const WRITE_RETRY = [429, 503];

/** Seconds or an HTTP date → milliseconds from now; `null` when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isFinite(seconds) ? Math.max(0, seconds) : null;
}

function sleep(ms: number, signals: Array<AbortSignal | null | undefined>, timers: ResilientFetchOptions['timers'] & object): Promise<void> {
  return new Promise((resolve, reject) => {
    const live = signals.filter((signal): signal is AbortSignal => !!signal);
    const aborted = live.find((signal) => signal.aborted);
    if (aborted) return reject(aborted.reason);
    const stop = () => live.forEach((signal) => signal.removeEventListener('abort', onAbort));
    const onAbort = (event: Event) => {
      timers.clearTimeout(timer);
      stop();
      reject((event.target as AbortSignal).reason);
    };
    const timer = timers.setTimeout(() => {
      stop();
      resolve();
    }, ms);
    live.forEach((signal) => signal.addEventListener('abort', onAbort, { once: true }));
  });
}

/** A copy of `response` whose body is at most `max` bytes, or empty when it was longer. */
async function capped(response: Response, max: number): Promise<Response> {
  const declared = Number(response.headers.get('content-length'));
  // Headers copied as a plain object: some implementations (happy-dom) copy a Headers through
  // JSON, which a page's Prototype.js-style Array.prototype.toJSON corrupts.
  const init = { status: response.status, statusText: response.statusText, headers: Object.fromEntries(response.headers) };
  if (!response.body || response.status === 204 || response.status === 304) return response;
  if (declared > max) {
    void response.body.cancel().catch(() => {});
    return new Response(null, init);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      void reader.cancel().catch(() => {});
      return new Response(null, init);
    }
    chunks.push(value);
  }
  return new Response(new Blob(chunks as BlobPart[]), init);
}

/** Rejects with the signal's reason once it aborts; never settles without a signal. */
const abandoned = (signal?: AbortSignal | null) =>
  new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));

export function resilientFetch(fetchFn: typeof fetch, options: ResilientFetchOptions = {}): typeof fetch {
  const { tries = 3, baseDelay = 250, maxDelay = 2000, maxBody = 1 << 20, random = Math.random, timers = globalThis, lifetime } = options;
  return async (input, init = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const keyed = new Headers(init.headers).has('idempotency-key');
    const retryable = method === 'GET' || method === 'HEAD' ? READ_RETRY : keyed ? WRITE_RETRY : null;
    for (let attempt = 1; ; attempt++) {
      // After destroy() nothing more leaves the page, not even a retry that was waiting.
      if (lifetime?.aborted) throw lifetime.reason;
      let response: Response | null = null;
      try {
        // Raced against the caller's signal: a host's fetch wrapper that ignores it (T06) cannot
        // hold the widget past its deadline.
        response = await Promise.race([fetchFn(input, init), abandoned(init.signal)]);
      } catch (error) {
        // An abort is the caller's deadline or destroy(): never retried.
        if (!retryable || attempt >= tries || init.signal?.aborted) throw error;
      }
      if (response && (!retryable || attempt >= tries || !retryable.includes(response.status))) return capped(response, maxBody);
      const asked = retryAfterMs(response?.headers.get('retry-after') ?? null);
      if (response && asked !== null && asked > maxDelay) return capped(response, maxBody);
      void response?.body?.cancel().catch(() => {});
      const delay = asked ?? random() * Math.min(maxDelay, baseDelay * 2 ** (attempt - 1));
      await sleep(delay, [init.signal, lifetime], timers);
    }
  };
}
