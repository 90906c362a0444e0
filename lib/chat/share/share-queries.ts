import "server-only";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { avatarUrl } from "../../gpts/avatar/avatar-url";
import { gptTileSelect, isTileViewable } from "../pins/gpt-tile";
import type { SharedMessage, ShareLink } from "./types";

function messagesOf(value: unknown): SharedMessage[] {
  return Array.isArray(value) ? (value as SharedMessage[]) : [];
}

/** The conversation's GPT as shared: its first message carries whom the user addressed. */
function sharedGptOf(messages: SharedMessage[]) {
  return messages[0]?.gpt ?? { name: "a GPT", avatarKey: null, avatarColor: null };
}

export function toShareLink(share: {
  token: string;
  conversationId: string;
  title: string;
  messages: unknown;
  lastMessageId: string;
  updatedAt: Date;
}): ShareLink {
  const messages = messagesOf(share.messages);
  return {
    token: share.token,
    path: `/share/${share.token}`,
    conversationId: share.conversationId,
    title: share.title,
    gptName: sharedGptOf(messages).name,
    messageCount: messages.length,
    lastMessageId: share.lastMessageId,
    sharedAt: share.updatedAt.toISOString(),
  };
}

const linkSelect = {
  token: true,
  conversationId: true,
  title: true,
  messages: true,
  lastMessageId: true,
  updatedAt: true,
} as const;

/** The active link of the actor's conversation, or null (none yet, or revoked). */
export async function getShareForOwner({
  actor,
  conversationId,
}: {
  actor: Actor;
  conversationId: string;
}): Promise<{ isShareable: boolean; share: ShareLink | null } | null> {
  const conversation = await prisma.conversation.findFirst({
    where: { id: conversationId, userId: actor.id, isHidden: false },
    select: { isPreview: true, share: { select: { ...linkSelect, revokedAt: true } } },
  });
  if (!conversation) return null;
  const share = conversation.share;
  return {
    isShareable: !conversation.isPreview,
    share: share && !share.revokedAt ? toShareLink(share) : null,
  };
}

/** The actor's active links, most recently shared first (settings → Shared links). */
export async function listMyShares({ actor }: { actor: Actor }): Promise<ShareLink[]> {
  const shares = await prisma.conversationShare.findMany({
    where: { userId: actor.id, revokedAt: null },
    orderBy: { updatedAt: "desc" },
    select: linkSelect,
  });
  return shares.map(toShareLink);
}

/**
 * A shared conversation by its token, for anyone (signed out too); null when the token is
 * unknown or revoked. `gptSlug` is set only when the viewer may open the GPT now.
 */
export async function getSharedConversation({
  token,
  viewer,
}: {
  token: string;
  viewer: Actor | null;
}) {
  const share = await prisma.conversationShare.findUnique({
    where: { token },
    select: {
      title: true,
      messages: true,
      updatedAt: true,
      revokedAt: true,
      gpt: { select: gptTileSelect },
    },
  });
  if (!share || share.revokedAt) return null;
  const messages = messagesOf(share.messages);
  const gpt = sharedGptOf(messages);
  return {
    title: share.title,
    sharedAt: share.updatedAt.toISOString(),
    gpt: {
      name: gpt.name,
      avatarUrl: avatarUrl(gpt.avatarKey),
      avatarColor: gpt.avatarColor,
      slug: isTileViewable(viewer, share.gpt) ? share.gpt.slug : null,
    },
    messages: messages.map((message) => ({
      ...message,
      gpt: {
        name: message.gpt.name,
        avatarUrl: avatarUrl(message.gpt.avatarKey),
        avatarColor: message.gpt.avatarColor,
      },
    })),
  };
}
export type SharedConversation = NonNullable<Awaited<ReturnType<typeof getSharedConversation>>>;
