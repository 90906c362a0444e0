import "server-only";
import { prisma } from "../db";
import { ACTION_CALL_PART_TYPE, type ActionCallPartData } from "../gpt-actions/types";
import { CITATIONS_PART_TYPE, type Citation } from "../knowledge/citations/types";
import { costMicros } from "../usage/cost";
import type { Turn } from "./prepare-turn";
import type { ChatMessageStatus } from "./schemas";

/**
 * Saves the assistant message and its one usage event in one transaction, keyed by the message id
 * (UsageEvent.messageId is unique: a second call for the same message is a no-op, never a second
 * charge).
 */
export async function recordAssistantMessage({
  turn,
  messageId,
  text,
  status,
  errorMessage,
  usage,
  citations = [],
  actionCalls = [],
}: {
  turn: Turn;
  messageId: string;
  text: string;
  status: ChatMessageStatus;
  errorMessage?: string;
  usage: { inputTokens: number; outputTokens: number; isEstimated: boolean };
  /** Passages the answer cites (already filtered for the reader: see buildCitations). */
  citations?: Citation[];
  /** The last state of each action call made for this answer (shown above its text). */
  actionCalls?: ActionCallPartData[];
}): Promise<void> {
  const cost = costMicros({
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    inputPricePerMillion: turn.model.inputPricePerMillion,
    outputPricePerMillion: turn.model.outputPricePerMillion,
  });
  await prisma.$transaction(async (tx) => {
    const existing = await tx.message.findUnique({
      where: { id: messageId },
      select: { id: true },
    });
    if (existing) return;
    await tx.message.create({
      data: {
        id: messageId,
        conversationId: turn.conversationId,
        role: "ASSISTANT",
        parts: [
          ...actionCalls.map((data) => ({
            type: ACTION_CALL_PART_TYPE,
            id: data.toolCallId,
            data,
          })),
          ...(text ? [{ type: "text", text }] : []),
          ...(citations.length > 0
            ? [{ type: CITATIONS_PART_TYPE, id: "citations", data: { citations } }]
            : []),
        ],
        status,
        errorMessage: errorMessage ?? null,
        versionId: turn.versionId,
        modelConfigId: turn.model.id,
      },
    });
    await tx.usageEvent.create({
      data: {
        messageId,
        userId: turn.actor.id,
        gptId: turn.gpt.id,
        creatorId: turn.gpt.ownerId,
        channel: turn.channel,
        modelId: turn.model.modelId,
        inputTokens: usage.inputTokens,
        outputTokens: usage.outputTokens,
        costMicros: cost,
        isEstimated: usage.isEstimated,
      },
    });
    await tx.conversation.update({
      where: { id: turn.conversationId },
      data: { updatedAt: new Date() },
    });
  });
}
