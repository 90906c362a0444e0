import "server-only";
import type { Actor } from "../auth/session";
import type { MessageFeedbackState } from "../chat/schemas";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { SetMessageFeedbackInput } from "./schemas";

export const MESSAGE_NOT_FOUND = "Message not found.";

/**
 * An answer in one of the actor's own store conversations (previews and the builder's chat are
 * not rated); anyone else's message reads as missing.
 */
export async function findRatableMessage({
  actor,
  messageId,
}: {
  actor: Actor;
  messageId: string;
}) {
  const message = await prisma.message.findFirst({
    where: {
      id: messageId,
      conversation: { userId: actor.id, isPreview: false, isBuilder: false },
    },
    select: { id: true, role: true, versionId: true, conversation: { select: { gptId: true } } },
  });
  if (!message) throw new AppError("not_found", MESSAGE_NOT_FOUND);
  if (message.role !== "ASSISTANT") {
    throw new AppError("bad_request", "Only answers can be rated, not your own messages.");
  }
  return message;
}

/**
 * Sets (or changes) the actor's thumb on an answer. The feedback goes to the GPT that answered:
 * the version's GPT, which is another than the conversation's after an @mention.
 */
export async function setMessageFeedback({
  actor,
  messageId,
  input,
}: {
  actor: Actor;
  messageId: string;
  input: SetMessageFeedbackInput;
}): Promise<{ feedback: MessageFeedbackState }> {
  const message = await findRatableMessage({ actor, messageId });
  const version = message.versionId
    ? await prisma.gptVersion.findUnique({
        where: { id: message.versionId },
        select: { gptId: true },
      })
    : null;
  const gptId = version?.gptId ?? message.conversation.gptId;
  const saved = await prisma.messageFeedback.upsert({
    where: { messageId },
    create: {
      messageId,
      userId: actor.id,
      gptId,
      rating: input.rating,
      comment: input.comment ?? null,
    },
    update: {
      rating: input.rating,
      ...(input.comment !== undefined ? { comment: input.comment } : {}),
    },
    select: { rating: true, comment: true },
  });
  return { feedback: saved };
}
