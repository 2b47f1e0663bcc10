import { describe, expect, it } from 'vitest';
import { resilientFetch, retryAfterMs } from '../../src/widget/core/resilientFetch';

// Reliability cases T12/T13 at the unit level: which requests are tried again, how long the waits
// are, and how much of a body is read. The faults come from a scripted fetch (a deliberate fake:
// the same behaviour is driven through real Chromium and the real server in test/e2e/networkFaults).

type Step = Response | Error;

function scripted(steps: Step[]) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetchFn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    const step = steps.shift() ?? new Response('{}', { status: 200 });
    if (step instanceof Error) throw step;
    return step;
  }) as typeof fetch;
  return { fetchFn, calls };
}

/** Timers that record each wait and run it at once. */
function recordingTimers() {
  const delays: number[] = [];
  return {
    delays,
    timers: {
      setTimeout: ((fn: () => void, ms: number) => {
        delays.push(ms);
        queueMicrotask(fn);
        return 0;
      }) as unknown as typeof setTimeout,
      clearTimeout: (() => {}) as typeof clearTimeout,
    },
  };
}

const status = (code: number, headers: Record<string, string> = {}) => new Response(code === 204 ? null : `<html>${code}</html>`, { status: code, headers });

describe('resilientFetch: reads', () => {
  it.each([429, 500, 502, 503, 504])('tries a GET again after %i, with full-jitter backoff', async (code) => {
    const { fetchFn, calls } = scripted([status(code), status(code), new Response('{"ok":1}')]);
    const { delays, timers } = recordingTimers();
    const response = await resilientFetch(fetchFn, { timers, random: () => 0.5 })('https://api.test/v1/boot');
    expect(await response.json()).toEqual({ ok: 1 });
    expect(calls).toHaveLength(3);
    expect(delays).toEqual([125, 250]);
  });

  it('caps the backoff and the number of attempts', async () => {
    const { fetchFn, calls } = scripted([new TypeError('Failed to fetch'), new TypeError('x'), new TypeError('x'), new TypeError('x'), new TypeError('x')]);
    const { delays, timers } = recordingTimers();
    await expect(resilientFetch(fetchFn, { timers, tries: 5, random: () => 0.999, baseDelay: 1000, maxDelay: 1500 })('https://api.test/v1/boot')).rejects.toThrow(TypeError);
    expect(calls).toHaveLength(5);
    expect(delays.every((ms) => ms <= 1500)).toBe(true);
    expect(delays[0]).toBeCloseTo(999, 0);
  });

  it('waits as long as Retry-After says (seconds or a date) when that fits the cap', async () => {
    const { fetchFn, calls } = scripted([status(429, { 'Retry-After': '1' }), new Response('{}')]);
    const { delays, timers } = recordingTimers();
    await resilientFetch(fetchFn, { timers })('https://api.test/v1/boot');
    expect(calls).toHaveLength(2);
    expect(delays).toEqual([1000]);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:30 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(30_000);
    expect(retryAfterMs('soon')).toBeNull();
  });

  it('does not wait for a Retry-After beyond the cap: the 429 goes back to the caller', async () => {
    const { fetchFn, calls } = scripted([status(429, { 'Retry-After': '120' })]);
    const { delays, timers } = recordingTimers();
    const response = await resilientFetch(fetchFn, { timers })('https://api.test/v1/boot');
    expect(response.status).toBe(429);
    expect(calls).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('never retries other failures (400, 401, 404) or an abort', async () => {
    for (const code of [400, 401, 404]) {
      const { fetchFn, calls } = scripted([status(code)]);
      expect((await resilientFetch(fetchFn)('https://api.test/v1/boot')).status).toBe(code);
      expect(calls).toHaveLength(1);
    }
    const controller = new AbortController();
    controller.abort();
    const { fetchFn, calls } = scripted([new DOMException('aborted', 'AbortError')]);
    await expect(resilientFetch(fetchFn)('https://api.test/v1/boot', { signal: controller.signal })).rejects.toThrow();
    expect(calls).toHaveLength(1);
  });

  it('stops waiting the moment the caller aborts', async () => {
    const { fetchFn, calls } = scripted([status(503)]);
    const controller = new AbortController();
    const pending = resilientFetch(fetchFn, { baseDelay: 10_000, maxDelay: 10_000, random: () => 1 })('https://api.test/v1/boot', { signal: controller.signal });
    setTimeout(() => controller.abort(new DOMException('deadline', 'TimeoutError')), 20);
    await expect(pending).rejects.toThrow('deadline');
    expect(calls).toHaveLength(1);
  });
});

describe('resilientFetch: writes', () => {
  it('never retries a write without an idempotency key', async () => {
    for (const step of [new TypeError('Failed to fetch'), status(503)]) {
      const { fetchFn, calls } = scripted([step]);
      const attempt = resilientFetch(fetchFn)('https://api.test/v1/claims', { method: 'POST', body: '{}' });
      if (step instanceof Error) await expect(attempt).rejects.toThrow();
      else expect((await attempt).status).toBe(503);
      expect(calls).toHaveLength(1);
    }
  });

  it('retries a keyed write only when it cannot have run (network, 429, 503), with the same key', async () => {
    const { fetchFn, calls } = scripted([new TypeError('Failed to fetch'), status(503), new Response('{"code":"X"}', { status: 201 })]);
    const { timers } = recordingTimers();
    const response = await resilientFetch(fetchFn, { timers })('https://api.test/v1/redemptions', {
      method: 'POST',
      headers: { 'Idempotency-Key': 'key-1' },
      body: '{"rewardId":"r"}',
    });
    expect(response.status).toBe(201);
    expect(calls.map((call) => new Headers(call.init.headers).get('idempotency-key'))).toEqual(['key-1', 'key-1', 'key-1']);
    expect(new Set(calls.map((call) => call.init.body))).toEqual(new Set(['{"rewardId":"r"}']));

    for (const code of [500, 502, 504]) {
      const once = scripted([status(code)]);
      const answer = await resilientFetch(once.fetchFn, { timers })('https://api.test/v1/redemptions', { method: 'POST', headers: { 'Idempotency-Key': 'k' } });
      expect(answer.status).toBe(code);
      expect(once.calls).toHaveLength(1);
    }
  });
});

describe('resilientFetch: body cap', () => {
  it('passes bodies under the cap through unchanged, status and headers included', async () => {
    const { fetchFn } = scripted([new Response('{"balance":1250}', { status: 200, headers: { ETag: '"v1"' } })]);
    const response = await resilientFetch(fetchFn, { maxBody: 100 })('https://api.test/v1/boot');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"v1"');
    expect(await response.json()).toEqual({ balance: 1250 });
  });

  it('reads no more than the cap of a streamed body without Content-Length, and gives an empty body', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(32);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
        if (pulled >= 10 * 1024 * 1024) controller.close();
      },
    });
    const { fetchFn } = scripted([new Response(stream, { status: 200 })]);
    const response = await resilientFetch(fetchFn, { maxBody: 1 << 20 })('https://api.test/v1/boot');
    expect(await response.text()).toBe('');
    expect(pulled).toBeLessThanOrEqual((1 << 20) + 3 * chunk.byteLength);
  });

  it('does not read a body whose Content-Length is over the cap', async () => {
    const { fetchFn } = scripted([new Response('x'.repeat(2000), { status: 200, headers: { 'Content-Length': '2000' } })]);
    const response = await resilientFetch(fetchFn, { maxBody: 1000 })('https://api.test/v1/boot');
    await expect(response.json()).rejects.toThrow();
  });
});

describe('resilientFetch: the widget’s lifetime', () => {
  it('destroy() ends a wait between attempts at once, and nothing more is sent', async () => {
    const { fetchFn, calls } = scripted([status(503), status(503), new Response('{}')]);
    const lifetime = new AbortController();
    const pending = resilientFetch(fetchFn, { lifetime: lifetime.signal, baseDelay: 10_000, maxDelay: 10_000, random: () => 1 })('https://api.test/v1/activity');
    setTimeout(() => lifetime.abort(new DOMException('destroyed', 'AbortError')), 20);
    const started = Date.now();
    await expect(pending).rejects.toThrow('destroyed');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(calls).toHaveLength(1);
    await expect(resilientFetch(fetchFn, { lifetime: lifetime.signal })('https://api.test/v1/boot')).rejects.toThrow('destroyed');
    expect(calls).toHaveLength(1);
  });
});
