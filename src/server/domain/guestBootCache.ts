import type { Database } from '../db/database';

/**
 * The guest boot payload, kept in memory for a short time: it is the same for every guest of a
 * shop in one locale, and building it (surveys parsed, texts resolved, JSON, ETag) is most of the
 * endpoint's cost. One per app, and only when `createApp({ guestBootCacheMs })` asks for it (the
 * CLI's `serve` does); a signed-in shopper's payload is never cached.
 *
 * What keeps it correct:
 * - the shop row is still read on every request, and an entry is used only while the row's name
 *   and programme text are exactly those it was built from: a programme edit made through any
 *   instance shows on the next request;
 * - a survey saved through this process forgets the shop's entries in every cache on that
 *   database at once (`forgetGuestBoots`); one saved through another instance, and the passing of
 *   time (campaign and survey windows), show within `ttlMs`.
 */
export interface GuestBoot {
  text: string;
  etag: string;
}

type ShopStamp = { id: string; name: string; programme: string };

export interface GuestBootCache {
  get(shop: ShopStamp, locale: string): GuestBoot | null;
  set(shop: ShopStamp, locale: string, boot: GuestBoot): void;
}

interface Entry extends GuestBoot {
  stamp: string;
  expires: number;
}

const MAX_ENTRIES = 1000;
/** Every cache per database, so that a write through any app of this process reaches them all. */
const registry = new WeakMap<Database, Set<Map<string, Entry>>>();

const keyOf = (shopId: string, locale: string) => `${shopId}\n${locale}`;
const stampOf = (shop: ShopStamp) => `${shop.name}\n${shop.programme}`;

export function createGuestBootCache(db: Database, ttlMs: number): GuestBootCache {
  const entries = new Map<string, Entry>();
  const caches = registry.get(db) ?? new Set();
  caches.add(entries);
  registry.set(db, caches);
  return {
    get(shop, locale) {
      const entry = entries.get(keyOf(shop.id, locale));
      return entry && entry.expires >= performance.now() && entry.stamp === stampOf(shop) ? entry : null;
    },
    set(shop, locale, boot) {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(keyOf(shop.id, locale), { ...boot, stamp: stampOf(shop), expires: performance.now() + ttlMs });
    },
  };
}

/** A write that changes what guests see (a survey saved): the shop's entries go at once. */
export function forgetGuestBoots(db: Database, shopId: string): void {
  for (const entries of registry.get(db) ?? []) {
    for (const key of entries.keys()) if (key.startsWith(`${shopId}\n`)) entries.delete(key);
  }
}
