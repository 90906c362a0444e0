import "server-only";
import { type BusTopic, subscribe } from "./bus";

type Entry<T> = { value: Promise<T>; expiresAt: number };

/**
 * A small in-process read cache for the chat hot path, cleared by events from any app process
 * (lib/events/bus.ts) and by a short TTL that bounds what a missed notification can cost.
 * Concurrent misses of one key share one read; a failed read is not kept.
 */
export class BusCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly options: { ttlMs: number; maxEntries: number; clearOn: BusTopic[] },
  ) {
    for (const topic of [...options.clearOn, "reconnected" as const]) {
      subscribe(topic, () => this.entries.clear());
    }
  }

  get(key: string, read: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value;
    const value = read();
    const entry = { value, expiresAt: now + this.options.ttlMs };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    if (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** One cache per name and process (Next may load a module more than once per process). */
export function busCache<T>(
  name: string,
  options: { ttlMs: number; maxEntries: number; clearOn: BusTopic[] },
): BusCache<T> {
  const holder = globalThis as unknown as { atelierBusCaches?: Map<string, BusCache<unknown>> };
  holder.atelierBusCaches ??= new Map();
  let cache = holder.atelierBusCaches.get(name);
  if (!cache) {
    cache = new BusCache<unknown>(options);
    holder.atelierBusCaches.set(name, cache);
  }
  return cache as BusCache<T>;
}
