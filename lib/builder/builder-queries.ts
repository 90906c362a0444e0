import "server-only";
import type { Actor } from "../auth/session";
import type { ChatMessage, StoredPart } from "../chat/schemas";
import { prisma } from "../db";
import { AppError } from "../errors";
import { toChangeView } from "./draft-field";
import type { BuilderChangeView } from "./schemas";

/** Older builder messages are not shown (the model only sees what fits its window anyway). */
const HISTORY_LIMIT = 200;

export type BuilderHistory = {
  conversationId: string | null;
  messages: ChatMessage[];
  changes: BuilderChangeView[];
};

/** The Create tab's conversation for this GPT and owner (one per pair), if it exists yet. */
export async function findBuilderConversationId({
  actor,
  gptId,
}: {
  actor: Actor;
  gptId: string;
}): Promise<string | null> {
  const conversation = await prisma.conversation.findFirst({
    where: { gptId, userId: actor.id, isBuilder: true },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  return conversation?.id ?? null;
}

/** The owner's builder chat and every change it made, oldest first. Others get not_found. */
export async function getBuilderHistory({
  actor,
  gptId,
}: {
  actor: Actor;
  gptId: string;
}): Promise<BuilderHistory> {
  const gpt = await prisma.gpt.findFirst({
    where: { id: gptId, ownerId: actor.id, deletedAt: null },
    select: { id: true },
  });
  if (!gpt) throw new AppError("not_found", "GPT not found.");
  const conversationId = await findBuilderConversationId({ actor, gptId });
  const [stored, changes] = await Promise.all([
    conversationId
      ? prisma.message.findMany({
          where: { conversationId, supersededAt: null },
          orderBy: { createdAt: "desc" },
          take: HISTORY_LIMIT,
          select: { id: true, role: true, parts: true, status: true, errorMessage: true },
        })
      : [],
    prisma.builderChange.findMany({ where: { gptId }, orderBy: { createdAt: "asc" } }),
  ]);
  const messages: ChatMessage[] = stored.reverse().map((message) => ({
    id: message.id,
    role: message.role === "USER" ? "user" : "assistant",
    parts: (message.parts as StoredPart[]) ?? [],
    metadata: { status: message.status, errorMessage: message.errorMessage },
  }));
  return { conversationId, messages, changes: changes.map(toChangeView) };
}
