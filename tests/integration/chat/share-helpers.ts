import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

let clock = Date.parse("2026-11-01T10:00:00Z");

/** A store conversation with the given messages, written directly (no model involved). */
export async function createConversation(
  user: Actor,
  gpt: { id: string },
  { title = "Trip plans", isPreview = false }: { title?: string; isPreview?: boolean } = {},
) {
  const { publishedVersionId } = await prisma.gpt.findUniqueOrThrow({
    where: { id: gpt.id },
    select: { publishedVersionId: true },
  });
  return prisma.conversation.create({
    data: {
      userId: user.id,
      gptId: gpt.id,
      versionId: isPreview ? null : publishedVersionId,
      isPreview,
      title,
    },
  });
}

/** Appends a message; each one a second after the previous, so their order is certain. */
export async function addMessage(
  conversationId: string,
  role: "USER" | "ASSISTANT",
  parts: unknown[] | string,
) {
  clock += 1000;
  const { versionId } = await prisma.conversation.findUniqueOrThrow({
    where: { id: conversationId },
    select: { versionId: true },
  });
  return prisma.message.create({
    data: {
      conversationId,
      role,
      parts: (typeof parts === "string"
        ? [{ type: "text", text: parts }]
        : parts) as Prisma.InputJsonValue,
      versionId: role === "ASSISTANT" ? versionId : null,
      createdAt: new Date(clock),
    },
  });
}
