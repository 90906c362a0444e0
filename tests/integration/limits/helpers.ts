import { prisma } from "@/lib/db";
import type { ChatLimits } from "@/lib/limits/chat-limits";
import { consumeChatMessage } from "@/lib/limits/consume-chat-message";

export const limitsOf = (overrides: Partial<ChatLimits> = {}): ChatLimits => ({
  burstMessages: 10,
  messagesPerMinute: 20,
  dailyMessages: 500,
  gptDailySpendCapMicros: 20_000_000,
  instanceDailySpendCapMicros: 100_000_000,
  ...overrides,
});

/** One message in its own transaction, as the turn's write-ahead transaction runs it. */
export function consume(userId: string, limits: ChatLimits, now: Date) {
  return prisma.$transaction((tx) => consumeChatMessage(tx, { userId, limits, now }));
}

/** `seconds` after `from`. */
export const plus = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);

export function allowanceOf(userId: string) {
  return prisma.chatAllowance.findUnique({ where: { userId } });
}
