import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { avatarUrl } from "../gpts/avatar/avatar-url";
import { chatMessageSelect, toChatMessages } from "./conversation-messages";
import type { ChatMessage } from "./schemas";

/** Keyset position in the newest-first list: the last item's updatedAt and id. */
export type ConversationCursor = { updatedAt: Date; id: string };

/**
 * The actor's conversations with published GPTs (previews live in the builder), newest first.
 * `q` matches titles (case-insensitive substring); `cursor` continues after a page's last item.
 */
export async function listConversations({
  actor,
  q,
  cursor,
  limit = 100,
}: {
  actor: Actor;
  q?: string;
  cursor?: ConversationCursor;
  limit?: number;
}) {
  const query = q?.trim();
  const conversations = await prisma.conversation.findMany({
    where: {
      userId: actor.id,
      isPreview: false,
      isHidden: false,
      // Prisma passes LIKE wildcards through: a "%" typed by the user must match a "%".
      ...(query
        ? {
            title: {
              contains: query.replace(/[\\%_]/g, (char) => `\\${char}`),
              mode: "insensitive" as const,
            },
          }
        : {}),
      ...(cursor
        ? {
            OR: [
              { updatedAt: { lt: cursor.updatedAt } },
              { updatedAt: cursor.updatedAt, id: { lt: cursor.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
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
    where: { id: conversationId, userId: actor.id, isHidden: false },
    select: {
      id: true,
      title: true,
      isPreview: true,
      gptId: true,
      gpt: { select: { slug: true } },
      // The name the user chatted with, for when the GPT is gone (never the owner's draft name).
      version: { select: { name: true } },
      // Regenerated or edited-away messages stay for the record, out of sight.
      messages: {
        where: { supersededAt: null },
        orderBy: { createdAt: "asc" },
        select: chatMessageSelect,
      },
    },
  });
  if (!conversation) return null;
  // Replies from @mentioned GPTs carry their name and picture; every reply its owner's thumbs.
  const messages: ChatMessage[] = await toChatMessages({
    gptId: conversation.gptId,
    messages: conversation.messages,
  });
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
