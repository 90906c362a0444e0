import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";

export type GptUsageSummary = {
  gptId: string;
  conversations: number;
  answers: number;
  inputTokens: number;
  outputTokens: number;
  costMicros: number;
  byChannel: { channel: string; answers: number; costMicros: number }[];
};

/** Usage of one GPT, for its owner (or an admin). Counted from UsageEvent, the billing record. */
export async function getGptUsageSummary({
  actor,
  gptId,
}: {
  actor: Actor;
  gptId: string;
}): Promise<GptUsageSummary> {
  const gpt = await prisma.gpt.findFirst({
    where: actor.role === "ADMIN" ? { id: gptId } : { id: gptId, ownerId: actor.id },
    select: { id: true, conversationCount: true },
  });
  if (!gpt) throw new AppError("not_found", "GPT not found.");
  const groups = await prisma.usageEvent.groupBy({
    by: ["channel"],
    where: { gptId },
    _count: { _all: true },
    _sum: { inputTokens: true, outputTokens: true, costMicros: true },
  });
  return {
    gptId,
    conversations: gpt.conversationCount,
    answers: groups.reduce((sum, group) => sum + group._count._all, 0),
    inputTokens: groups.reduce((sum, group) => sum + (group._sum.inputTokens ?? 0), 0),
    outputTokens: groups.reduce((sum, group) => sum + (group._sum.outputTokens ?? 0), 0),
    costMicros: groups.reduce((sum, group) => sum + (group._sum.costMicros ?? 0), 0),
    byChannel: groups.map((group) => ({
      channel: group.channel,
      answers: group._count._all,
      costMicros: group._sum.costMicros ?? 0,
    })),
  };
}
