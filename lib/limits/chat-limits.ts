import "server-only";
import { subscribe } from "../events/bus";
import type { InstanceSettings } from "../generated/prisma/client";
import { getInstanceSettings } from "../settings/instance-settings";

/**
 * The instance-wide limits every chat turn runs under. The per-user allowances (messages per day
 * and per month, premium models) come from the user's plan (lib/billing/entitlement.ts), read in
 * the same statement that takes the message.
 */
export type ChatLimits = {
  /** Messages a user may send at once (the token bucket's capacity); at least 1. */
  burstMessages: number;
  /** Sustained messages per minute (the bucket refills at this rate); at least 1. */
  messagesPerMinute: number;
  /** Days a subscription whose renewal failed keeps its plan. */
  pastDueGraceDays: number;
  /** Usage beyond the allowance costs the model's price times this percentage, in credits. */
  creditPricePercent: number;
  /** Model spend per GPT per UTC day, micro-dollars; 0: no cap. */
  gptDailySpendCapMicros: number;
  /** Model spend of the whole instance per UTC day, micro-dollars; 0: no cap. */
  instanceDailySpendCapMicros: number;
};

/** Long enough to spare the database a read per turn; short enough for other processes to follow. */
const CACHE_TTL_MS = 5_000;

type CacheEntry = { limits: Promise<ChatLimits>; expiresAt: number };

// On globalThis: Next may load this module more than once per process (route bundles), and the
// settings save must clear the cache the chat routes read.
const cache = globalThis as unknown as { atelierChatLimits?: CacheEntry };

export function chatLimitsOf(settings: InstanceSettings): ChatLimits {
  return {
    burstMessages: settings.chatBurstMessages,
    messagesPerMinute: settings.chatMessagesPerMinute,
    pastDueGraceDays: settings.pastDueGraceDays,
    creditPricePercent: settings.creditPricePercent,
    // Safe as numbers: the settings allow at most 10^15 micro-dollars ($1,000,000,000).
    gptDailySpendCapMicros: Number(settings.gptDailySpendCapMicros),
    instanceDailySpendCapMicros: Number(settings.instanceDailySpendCapMicros),
  };
}

/**
 * The chat limits for a user's next turn. On the hot path of every turn, so the settings row is
 * cached in process for 5 s; a save clears it at once in every process sharing the database (the
 * TTL bounds what a missed notification can cost). The same for every user: their plan's
 * allowances are read by the statement that takes the message.
 */
export async function getChatLimits(): Promise<ChatLimits> {
  const now = Date.now();
  const cached = cache.atelierChatLimits;
  if (cached && cached.expiresAt > now) return cached.limits;
  // Concurrent turns share one read. A save (forgetChatLimitsCache) drops the entry, so a read
  // begun before the save never lands in the cache after it.
  const entry: CacheEntry = {
    limits: getInstanceSettings().then(chatLimitsOf),
    expiresAt: now + CACHE_TTL_MS,
  };
  cache.atelierChatLimits = entry;
  entry.limits.catch(() => {
    if (cache.atelierChatLimits === entry) cache.atelierChatLimits = undefined;
  });
  return entry.limits;
}

/** Called by tests that change settings or swap databases (a save goes through the event bus). */
export function forgetChatLimitsCache(): void {
  cache.atelierChatLimits = undefined;
}

// A save in any app process clears this cache in every process (lib/events/bus.ts).
const hooks = globalThis as unknown as { atelierChatLimitsHooked?: boolean };
if (!hooks.atelierChatLimitsHooked) {
  hooks.atelierChatLimitsHooked = true;
  subscribe("instance-settings", forgetChatLimitsCache);
  subscribe("reconnected", forgetChatLimitsCache);
}
