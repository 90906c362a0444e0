import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { stopConversationAnswer } from "./engine/stop-answer";

export const renameConversationSchema = z.object({
  title: z.string().trim().min(1, "Enter a title.").max(100, "Use at most 100 characters."),
});

/** Owner-scoped in the where clause: someone else's conversation is simply not found. */
export async function renameConversation({
  actor,
  conversationId,
  title,
}: {
  actor: Actor;
  conversationId: string;
  title: string;
}) {
  const updated = await prisma.conversation.updateMany({
    where: { id: conversationId, userId: actor.id, isHidden: false },
    data: { title },
  });
  if (updated.count === 0) throw new AppError("not_found", "Conversation not found.");
  return { id: conversationId, title };
}

/**
 * Deletes the conversation and its messages. Usage events stay: they are the billing record. An
 * answer still being written is stopped and saved first, so it is metered like any other.
 */
export async function deleteConversation({
  actor,
  conversationId,
}: {
  actor: Actor;
  conversationId: string;
}) {
  const conversation = await prisma.conversation.findFirst({
    where: { id: conversationId, userId: actor.id, isHidden: false },
    select: { id: true },
  });
  if (!conversation) throw new AppError("not_found", "Conversation not found.");
  await stopConversationAnswer({ actor, conversationId });
  if (await prisma.message.count({ where: { conversationId, status: "STREAMING" } })) {
    throw new AppError("conflict", "An answer is still being saved here. Try again in a moment.");
  }
  await prisma.conversation.delete({ where: { id: conversation.id } });
  return { id: conversationId };
}
