import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { currentInstanceId } from "../../instances/app-instance";
import type { ChatLimits } from "../../limits/chat-limits";
import { consumeChatMessage } from "../../limits/consume-chat-message";

export type TurnStart = {
  actor: Actor;
  conversation:
    | { id: string; versionId?: string | null }
    | {
        create: {
          gptId: string;
          versionId: string | null;
          isPreview: boolean;
          isBuilder?: boolean;
          title: string;
        };
        /** Store conversations count towards the GPT's conversation count. */
        isCounted: boolean;
      };
  /** The user's message to save; null when answering a saved one again. */
  userMessageParts: unknown[] | null;
  /** The saved question answered again (regenerate), when userMessageParts is null. */
  savedQuestionId?: string | null;
  /** Visible messages this turn replaces (regenerate, edit): hidden, kept for the record. */
  supersededMessageIds: string[];
  /** What the answer will be metered as. */
  answer: {
    gptId: string;
    channel: "STORE" | "API" | "EMBED" | "PREVIEW";
    versionId: string | null;
    modelConfigId: string;
  };
  limits: ChatLimits;
};

export type BegunTurn = {
  conversationId: string;
  isNewConversation: boolean;
  /** The answer's message id: its STREAMING row exists from here on. */
  messageId: string;
  /** The user message being answered (saved now, or earlier for a regenerate). */
  questionId: string | null;
};

/**
 * The write-ahead of a chat turn, in one short transaction with no other work inside it: take one
 * message from the user's allowance, create or touch the conversation, save the user's message,
 * and create the answer's message as STREAMING (owned by this process), before the model is
 * called. From here on nothing can be lost: the answer is finalised by the turn, by the durable
 * finalize job, or by recovery after a crash. A refusal (a limit) rolls everything back.
 */
export async function beginTurn(start: TurnStart): Promise<BegunTurn> {
  const messageId = randomUUID();
  const questionId = start.userMessageParts ? randomUUID() : (start.savedQuestionId ?? null);
  // Explicit times keep the question before its answer (now() is one value per transaction).
  const askedAt = new Date();
  const answeredAt = new Date(askedAt.getTime() + 1);
  const conversationId = await prisma.$transaction(
    async (tx) => {
      await consumeChatMessage(tx, { userId: start.actor.id, limits: start.limits, now: askedAt });
      const spec = start.conversation;
      const id =
        "create" in spec
          ? (
              await tx.conversation.create({
                data: { ...spec.create, userId: start.actor.id },
                select: { id: true },
              })
            ).id
          : (
              await tx.conversation.update({
                where: { id: spec.id },
                data: {
                  updatedAt: askedAt,
                  ...(spec.versionId !== undefined ? { versionId: spec.versionId } : {}),
                },
                select: { id: true },
              })
            ).id;
      if (start.supersededMessageIds.length > 0) {
        await tx.message.updateMany({
          where: { id: { in: start.supersededMessageIds }, conversationId: id },
          data: { supersededAt: askedAt },
        });
      }
      await tx.message.createMany({
        data: [
          ...(start.userMessageParts
            ? [
                {
                  id: questionId ?? undefined,
                  conversationId: id,
                  role: "USER" as const,
                  parts: start.userMessageParts as never,
                  createdAt: askedAt,
                },
              ]
            : []),
          {
            id: messageId,
            conversationId: id,
            role: "ASSISTANT" as const,
            parts: [],
            status: "STREAMING" as const,
            instanceId: currentInstanceId(),
            gptId: start.answer.gptId,
            channel: start.answer.channel,
            versionId: start.answer.versionId,
            modelConfigId: start.answer.modelConfigId,
            createdAt: answeredAt,
          },
        ],
      });
      // Last: a popular GPT's row is the most contended lock of this transaction.
      if ("create" in spec && spec.isCounted) {
        await tx.gpt.update({
          where: { id: spec.create.gptId },
          data: { conversationCount: { increment: 1 } },
          select: { id: true },
        });
      }
      return id;
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
  return {
    conversationId,
    isNewConversation: "create" in start.conversation,
    messageId,
    questionId,
  };
}
