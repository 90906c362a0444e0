import "server-only";
import { publish, subscribe } from "../events/bus";

/**
 * A short in-process cache for store listings (home rows, category pages). Every visitor sees the
 * same listing, and at 10,000 GPTs one home render is ten ranked queries (~100-250 ms on 2 cores,
 * `npm run bench:store`), so a busy store would spend its time recomputing one answer. Entries
 * live LISTING_TTL_MS; a publish, unpublish, feature or moderation change clears them at once, on
 * this process and (through the event bus, lib/events/bus.ts) on every other app process sharing the
 * database; the TTL bounds what a missed notification can cost. Concurrent misses share one query.
 * Searches and GPT pages are not cached: they vary per query and per viewer. A new review does
 * not clear the cache (on a busy store it would almost never hold): card ratings may lag 30 s.
 */
export const LISTING_TTL_MS = 30_000;

type Entry = { expiresAt: number; value: Promise<unknown> };

// On globalThis: Next may load this module more than once per process (route bundles).
const globalForCache = globalThis as unknown as { atelierListingCache?: Map<string, Entry> };
if (!globalForCache.atelierListingCache) {
  const created = new Map<string, Entry>();
  globalForCache.atelierListingCache = created;
  subscribe("store-listings", () => created.clear());
  // Invalidations sent while this process was not listening are lost: start over.
  subscribe("reconnected", () => created.clear());
}
const entries = globalForCache.atelierListingCache;

export function cachedListing<T>(key: string, read: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.expiresAt > now) return hit.value as Promise<T>;
  const value = read();
  entries.set(key, { expiresAt: now + LISTING_TTL_MS, value });
  // A failed read is not remembered: the next request tries again.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  // Bounded: page URLs are crawlable, so drop the oldest entries past a few hundred keys.
  if (entries.size > 500) {
    for (const oldest of entries.keys()) {
      entries.delete(oldest);
      if (entries.size <= 400) break;
    }
  }
  return value;
}

/**
 * Forgets every cached listing (after a change that adds, removes or reorders listed GPTs), here and
 * in the other app processes.
 */
export function invalidateStoreListings(): void {
  publish("store-listings", {});
}
