import "server-only";

/**
 * A short in-process cache for store listings (home rows, category pages). Every visitor sees the
 * same listing, and at 10,000 GPTs one home render is ten ranked queries (~100-250 ms on 2 cores,
 * `npm run bench:store`), so a busy store would spend its time recomputing one answer. Entries
 * live LISTING_TTL_MS; a publish, unpublish, feature or moderation change on this instance clears
 * them at once (other instances catch up within the TTL). Concurrent misses share one query.
 * Searches and GPT pages are not cached: they vary per query and per viewer. A new review does
 * not clear the cache (on a busy store it would almost never hold): card ratings may lag 30 s.
 */
export const LISTING_TTL_MS = 30_000;

type Entry = { expiresAt: number; value: Promise<unknown> };

// On globalThis: Next may load this module more than once per process (route bundles).
const globalForCache = globalThis as unknown as { atelierListingCache?: Map<string, Entry> };
if (!globalForCache.atelierListingCache) globalForCache.atelierListingCache = new Map();
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

/** Forgets every cached listing (after a change that adds, removes or reorders listed GPTs). */
export function invalidateStoreListings(): void {
  entries.clear();
}
