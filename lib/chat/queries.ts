import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { avatarUrl } from "../gpts/avatar/avatar-url";
import type { ChatMessage, StoredPart } from "./schemas";

/** The actor's conversations with published GPTs (previews live in the builder), newest first. */
export async function listConversations({ actor, limit = 100 }: { actor: Actor; limit?: number }) {
  const conversations = await prisma.conversation.findMany({
    where: { userId: actor.id, isPreview: false },
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: {
      id: true,
      title: true,
      updatedAt: true,
      gpt: { select: { id: true, slug: true, name: true } },
      // What the user talked to: the published version's name and picture, not the draft's.
      version: { select: { name: true, avatarKey: true, avatarColor: true } },
    },
  });
  return conversations.map(({ version, gpt, ...conversation }) => ({
    ...conversation,
    gpt: {
      ...gpt,
      name: version?.name ?? gpt.name,
      avatarUrl: avatarUrl(version?.avatarKey),
      avatarColor: version?.avatarColor ?? null,
    },
  }));
}
export type ConversationSummary = Awaited<ReturnType<typeof listConversations>>[number];

/** A conversation with its messages, only for its owner. */
export async function getConversation({
  actor,
  conversationId,
}: {
  actor: Actor;
  conversationId: string;
}) {
  const conversation = await prisma.conversation.findFirst({
    where: { id: conversationId, userId: actor.id },
    select: {
      id: true,
      title: true,
      isPreview: true,
      gptId: true,
      gpt: { select: { slug: true } },
      // The name the user chatted with, for when the GPT is gone (never the owner's draft name).
      version: { select: { name: true } },
      messages: {
        orderBy: { createdAt: "asc" },
        select: { id: true, role: true, parts: true, status: true, errorMessage: true },
      },
    },
  });
  if (!conversation) return null;
  const messages: ChatMessage[] = conversation.messages.map((message) => ({
    id: message.id,
    role: message.role === "USER" ? "user" : "assistant",
    parts: (message.parts as StoredPart[]) ?? [],
    metadata: { status: message.status, errorMessage: message.errorMessage },
  }));
  return {
    id: conversation.id,
    title: conversation.title,
    isPreview: conversation.isPreview,
    gptId: conversation.gptId,
    gptSlug: conversation.gpt.slug,
    gptVersionName: conversation.version?.name ?? null,
    messages,
  };
}
