import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { findRatableMessage } from "./set-message-feedback";

/** Takes the actor's thumb (and comment) off an answer; removing nothing is not an error. */
export async function deleteMessageFeedback({
  actor,
  messageId,
}: {
  actor: Actor;
  messageId: string;
}): Promise<{ ok: true }> {
  await findRatableMessage({ actor, messageId });
  await prisma.messageFeedback.deleteMany({ where: { messageId, userId: actor.id } });
  return { ok: true };
}
