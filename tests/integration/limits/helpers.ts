import { prisma } from "@/lib/db";
import type { ChatLimits } from "@/lib/limits/chat-limits";
import { consumeChatMessage } from "@/lib/limits/consume-chat-message";

export const limitsOf = (overrides: Partial<ChatLimits> = {}): ChatLimits => ({
  burstMessages: 10,
  messagesPerMinute: 20,
  pastDueGraceDays: 7,
  creditPricePercent: 130,
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

/** The Free plan's allowances (every user without a subscription is on it); 0 is unlimited. */
export async function setFreePlanAllowance({
  dailyMessages = 500,
  monthlyMessages = 0,
}: {
  dailyMessages?: number;
  monthlyMessages?: number;
}) {
  await prisma.plan.update({ where: { id: "free" }, data: { dailyMessages, monthlyMessages } });
}
