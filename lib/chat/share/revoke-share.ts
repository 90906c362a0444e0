import "server-only";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { AppError } from "../../errors";

/**
 * Ends the link of the actor's conversation: /share/<token> 404s from now on, and sharing again
 * makes a new token. Idempotent. Someone else's conversation is "not found".
 */
export async function revokeShare({
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
  await prisma.conversationShare.updateMany({
    where: { conversationId, userId: actor.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return { ok: true as const };
}
