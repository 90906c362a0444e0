import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { AppError } from "../../errors";
import { toShareLink } from "./share-queries";
import { toSharedParts } from "./snapshot";
import type { SharedMessage, ShareLink } from "./types";

const versionSelect = {
  name: true,
  avatarKey: true,
  avatarColor: true,
  hideKnowledgeSources: true,
} as const;

function newToken(): string {
  return randomBytes(24).toString("base64url");
}

/**
 * Shares the actor's conversation as it is now: a copy of its messages (text, citations, "Used
 * <host>" lines) that later messages never reach. Sharing again refreshes the copy under the same
 * token; after a revoke it gets a new token, so a revoked link stays dead. Someone else's
 * conversation is "not found"; builder previews cannot be shared.
 */
export async function createShare({
  actor,
  conversationId,
}: {
  actor: Actor;
  conversationId: string;
}): Promise<ShareLink> {
  const conversation = await prisma.conversation.findFirst({
    where: { id: conversationId, userId: actor.id, isHidden: false },
    select: {
      id: true,
      title: true,
      isPreview: true,
      gptId: true,
      gpt: { select: { name: true, publishedVersion: { select: versionSelect } } },
      version: { select: versionSelect },
      share: { select: { token: true, revokedAt: true } },
      // What the owner sees: no replaced messages, and no answer still being written.
      messages: {
        where: { supersededAt: null, status: { not: "STREAMING" } },
        orderBy: { createdAt: "asc" },
        select: { id: true, role: true, parts: true, status: true, versionId: true },
      },
    },
  });
  if (!conversation) throw new AppError("not_found", "Conversation not found.");
  if (conversation.isPreview) {
    throw new AppError("bad_request", "Preview conversations can’t be shared.");
  }
  const last = conversation.messages.at(-1);
  if (!last) throw new AppError("bad_request", "Send a message before sharing this conversation.");

  // Who answered each message (an @mentioned GPT answers with its own version).
  const versionIds = [
    ...new Set(conversation.messages.flatMap((m) => (m.versionId ? [m.versionId] : []))),
  ];
  const versions = new Map(
    (
      await prisma.gptVersion.findMany({
        where: { id: { in: versionIds } },
        select: { id: true, ...versionSelect },
      })
    ).map((version) => [version.id, version]),
  );
  const home = conversation.gpt.publishedVersion ??
    conversation.version ?? {
      name: conversation.gpt.name,
      avatarKey: null,
      avatarColor: null,
      hideKnowledgeSources: true,
    };
  // Conservative: a name hidden by any version involved stays hidden.
  const homeHides =
    !!conversation.gpt.publishedVersion?.hideKnowledgeSources ||
    !!conversation.version?.hideKnowledgeSources;

  const messages: SharedMessage[] = conversation.messages.flatMap((message) => {
    const answeredBy = message.versionId ? versions.get(message.versionId) : undefined;
    const gpt = message.role === "ASSISTANT" && answeredBy ? answeredBy : home;
    const parts = toSharedParts(message.parts, {
      hideSources: homeHides || !!answeredBy?.hideKnowledgeSources,
    });
    // A failed answer with no text has nothing to show.
    if (parts.length === 0) return [];
    return [
      {
        id: message.id,
        role: message.role === "USER" ? "user" : "assistant",
        parts,
        ...(message.status === "INTERRUPTED" ? { status: "INTERRUPTED" as const } : {}),
        gpt: { name: gpt.name, avatarKey: gpt.avatarKey, avatarColor: gpt.avatarColor },
      },
    ];
  });

  const isActive = conversation.share && !conversation.share.revokedAt;
  const snapshot = {
    title: conversation.title,
    gptId: conversation.gptId,
    messages,
    lastMessageId: last.id,
    revokedAt: null,
  };
  const share = await prisma.conversationShare.upsert({
    where: { conversationId },
    create: { ...snapshot, token: newToken(), conversationId, userId: actor.id },
    update: { ...snapshot, ...(isActive ? {} : { token: newToken() }) },
  });
  return toShareLink(share);
}
