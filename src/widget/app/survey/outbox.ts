import { stringify } from './safeJson';
import type { SurveyStorage } from './storage';

/**
 * The survey outbox: what the shopper answered (and the impressions and dismissals the frequency
 * rules count) waits here, in `localStorage`, until the server has acknowledged it. One outbox per
 * shop and per identity (guest, or one signed-in customer), capped, expiring, and sent again on
 * every occasion (a new save, `online`, the next page load, capped jittered backoff, the page
 * going away). The server keeps one copy per id, so sending twice is safe; losing one is not.
 */

export type OutboxKind = 'response' | 'impression' | 'dismissal';

export interface OutboxItem {
  kind: OutboxKind;
  /** `responseId` or `eventId`. One item per id: a newer save of a response replaces the older. */
  id: string;
  /** The request body, without the customer token (a fresh one is added at send time). */
  body: Record<string, unknown>;
  /** The response's `sequence` (0 for events). */
  seq: number;
  /** When the id was first queued (ms since epoch), for expiry. */
  at: number;
}

export type Delivery =
  | { status: 'delivered'; json: unknown }
  /** Network down, timeout, 5xx, 401, 408, 429: worth sending again later. */
  | { status: 'retry'; code: string }
  /** Any other 4xx: the server will never accept it, so it leaves the outbox. */
  | { status: 'rejected'; code: string };

export interface OutboxLimits {
  /** @default 20 */
  items: number;
  /** Serialised size of the whole outbox. @default 32 KB */
  bytes: number;
  /** @default 7 days */
  ttl: number;
}

export const DEFAULT_LIMITS: OutboxLimits = { items: 20, bytes: 32 * 1024, ttl: 7 * 24 * 60 * 60 * 1000 };

export interface OutboxOptions {
  storage: SurveyStorage;
  key: string;
  send(item: OutboxItem, unloading: boolean): Promise<Delivery>;
  /** Called after every attempt, before `put()`'s promise resolves. */
  onDelivery(item: OutboxItem, delivery: Delivery): void;
  now(): number;
  random(): number;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  limits?: Partial<OutboxLimits>;
}

export interface Outbox {
  /**
   * Stores an item and sends it now. `persisted` is `false` when it could not be written to
   * storage (it is still kept and retried for as long as this page lives); `attempt` settles with
   * the outcome of the first attempt to deliver this version. With `send: false` it is only
   * stored (the page is going away: `flushOnExit()` sends it).
   */
  put(item: OutboxItem, send?: boolean): { persisted: boolean; attempt: Promise<Delivery> };
  /** Sends everything pending, one at a time; stops at the first failure and backs off. */
  flush(): Promise<void>;
  /** The page is going away: hands every pending item to `send(…, true)` without waiting. */
  flushOnExit(): void;
  items(): OutboxItem[];
  /** Forgets everything (identity change). */
  clear(): void;
  dispose(): void;
}

const KINDS: readonly string[] = ['response', 'impression', 'dismissal'];
const BACKOFF_BASE = 1000;
const BACKOFF_CAP = 60_000;

function isItem(value: unknown): value is OutboxItem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return (
    KINDS.includes(item.kind as string) &&
    typeof item.id === 'string' &&
    typeof item.body === 'object' &&
    item.body !== null &&
    typeof item.seq === 'number' &&
    typeof item.at === 'number'
  );
}

export function createOutbox(options: OutboxOptions): Outbox {
  const { storage, key, now } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  /** Items the caps kept out of storage: still sent while this page lives. */
  let overflow: OutboxItem[] = [];
  const inflight = new Map<string, number>();
  const waiters = new Map<string, Array<{ seq: number; resolve: (delivery: Delivery) => void }>>();
  let flushing: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let timer: number | null = null;
  /** A 401: the token is stale; wait for a new page (fresh token) rather than hammering. */
  let paused = false;
  let disposed = false;

  const stored = (): OutboxItem[] => {
    const raw = storage.read(key);
    const list = Array.isArray(raw) ? raw.filter(isItem) : [];
    const fresh = list.filter((item) => now() - item.at < limits.ttl);
    if (fresh.length !== list.length || (Array.isArray(raw) && list.length !== raw.length)) save(fresh);
    return fresh;
  };
  const save = (list: OutboxItem[]): boolean => {
    if (list.length === 0) {
      storage.remove(key);
      return storage.persistent;
    }
    return storage.write(key, list);
  };
  const all = (): OutboxItem[] => {
    overflow = overflow.filter((item) => now() - item.at < limits.ttl);
    return [...stored(), ...overflow];
  };
  const size = (list: OutboxItem[]) => stringify(list).length;

  /** Drops `id` once delivered or refused, unless a newer save of it has been queued since. */
  const settle = (id: string, seq: number) => {
    const list = stored();
    const kept = list.filter((item) => item.id !== id || item.seq > seq);
    if (kept.length !== list.length) save(kept);
    overflow = overflow.filter((item) => item.id !== id || item.seq > seq);
  };

  const schedule = () => {
    if (disposed || paused || timer !== null) return;
    failures += 1;
    // Full jitter (AWS): anywhere between now and the capped exponential step.
    const delay = options.random() * Math.min(BACKOFF_CAP, BACKOFF_BASE * 2 ** Math.min(failures, 16));
    timer = options.setTimeout(() => {
      timer = null;
      void flush();
    }, delay);
  };
  const cancelTimer = () => {
    if (timer !== null) options.clearTimeout(timer);
    timer = null;
  };

  async function attempt(item: OutboxItem, unloading: boolean): Promise<Delivery> {
    inflight.set(item.id, item.seq);
    let delivery: Delivery;
    try {
      delivery = await options.send(item, unloading);
    } catch {
      delivery = { status: 'retry', code: 'network' };
    }
    if (inflight.get(item.id) === item.seq) inflight.delete(item.id);
    if (disposed) return delivery;
    if (delivery.status !== 'retry') settle(item.id, item.seq);
    if (delivery.status === 'delivered') failures = 0;
    if (delivery.status === 'retry' && delivery.code === 'unauthorized') paused = true;
    try {
      options.onDelivery(item, delivery);
    } finally {
      const list = waiters.get(item.id) ?? [];
      const ready = list.filter((waiter) => waiter.seq <= item.seq);
      const rest = list.filter((waiter) => waiter.seq > item.seq);
      if (rest.length) waiters.set(item.id, rest);
      else waiters.delete(item.id);
      for (const waiter of ready) waiter.resolve(delivery);
    }
    return delivery;
  }

  function flush(): Promise<void> {
    if (disposed) return Promise.resolve();
    if (flushing) {
      again = true;
      return flushing;
    }
    flushing = (async () => {
      do {
        again = false;
        for (const item of all()) {
          if (disposed || paused) return;
          // The same save already on its way (a newer one may go alongside: the server orders them).
          if ((inflight.get(item.id) ?? -1) >= item.seq) continue;
          const delivery = await attempt(item, false);
          if (delivery.status === 'retry') {
            schedule();
            return;
          }
        }
      } while (again && !disposed);
    })().finally(() => {
      flushing = null;
    });
    return flushing;
  }

  return {
    put(item, send = true) {
      const attemptDone = new Promise<Delivery>((resolve) => {
        const list = waiters.get(item.id) ?? [];
        list.push({ seq: item.seq, resolve });
        waiters.set(item.id, list);
      });
      let list = stored();
      const previous = list.find((entry) => entry.id === item.id) ?? overflow.find((entry) => entry.id === item.id);
      const entry = { ...item, at: previous?.at ?? item.at };
      list = list.filter((other) => other.id !== item.id);
      overflow = overflow.filter((other) => other.id !== item.id);
      list.push(entry);
      const over = () => list.length > limits.items || size(list) > limits.bytes;
      // Over the caps: expired items went already; then the oldest impressions and dismissals.
      let index: number;
      while (over() && (index = list.findIndex((other) => other.kind !== 'response' && other !== entry)) >= 0) list.splice(index, 1);
      let persisted: boolean;
      if (over()) {
        // Still too much: the new item is not stored (older answers keep their place) but is sent.
        list = list.filter((other) => other !== entry);
        save(list);
        overflow.push(entry);
        persisted = false;
      } else {
        persisted = save(list);
      }
      if (send) {
        // A shopper's action is the best moment to try again: skip the rest of the backoff.
        paused = false;
        cancelTimer();
        if (flushing) again = true;
        void flush();
      }
      return { persisted, attempt: attemptDone };
    },
    flush() {
      cancelTimer();
      paused = false;
      return flush();
    },
    flushOnExit() {
      if (disposed) return;
      for (const item of all()) {
        // A request already on its way is sent with `keepalive`: it survives the page.
        if ((inflight.get(item.id) ?? -1) >= item.seq) continue;
        void attempt(item, true);
      }
    },
    items: all,
    clear() {
      overflow = [];
      storage.remove(key);
    },
    dispose() {
      disposed = true;
      cancelTimer();
      for (const list of waiters.values()) for (const waiter of list) waiter.resolve({ status: 'retry', code: 'disposed' });
      waiters.clear();
    },
  };
}
