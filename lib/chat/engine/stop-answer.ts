import "server-only";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { AppError } from "../../errors";
import { requestAnswerStop } from "./engine-lifecycle";
import { findLiveAnswer } from "./live-answers";

/** How long a stop waits for the answer's final write before it answers anyway. */
const STOP_WAIT_MS = 8_000;

/**
 * Stops the answer being written in one of the actor's conversations, in whichever app process
 * writes it, and waits until it is saved as interrupted (with its partial text and usage), so the
 * next message never races it. Returns the stopped answer's id, or null when none was streaming.
 */
export async function stopConversationAnswer({
  actor,
  conversationId,
}: {
  actor: Actor;
  conversationId: string;
}): Promise<{ messageId: string | null }> {
  const conversation = await prisma.conversation.findFirst({
    where: { id: conversationId, userId: actor.id, isHidden: false },
    select: { id: true },
  });
  if (!conversation) throw new AppError("not_found", "Conversation not found.");
  const streaming = await prisma.message.findFirst({
    where: { conversationId, status: "STREAMING" },
    select: { id: true },
  });
  if (!streaming) return { messageId: null };
  requestAnswerStop(streaming.id);
  await waitUntilFinal(streaming.id);
  return { messageId: streaming.id };
}

async function waitUntilFinal(messageId: string): Promise<void> {
  const deadline = Date.now() + STOP_WAIT_MS;
  const local = findLiveAnswer({ messageId });
  if (local) {
    await Promise.race([local.ended, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS))]);
    return;
  }
  // Written by another process: its final write shows in the row.
  while (Date.now() < deadline) {
    const row = await prisma.message.findUnique({
      where: { id: messageId },
      select: { status: true },
    });
    if (row?.status !== "STREAMING") return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
