import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { avatarUrl } from "../gpts/avatar/avatar-url";
import { canViewGpt } from "../gpts/policy";
import { creatorDisplayName, listedInStoreWhere } from "../store/card";

/** One entry of the @mention list (GET /api/chat/mentionable). */
export type MentionableGpt = {
  id: string;
  slug: string;
  name: string;
  avatarUrl: string | null;
  avatarColor: string | null;
  creatorName: string;
};

export const MENTIONABLE_LIMIT = 8;
export const MENTION_QUERY_MAX_CHARS = 100;

const candidateSelect = {
  id: true,
  slug: true,
  ownerId: true,
  visibility: true,
  status: true,
  publishedVersionId: true,
  deletedAt: true,
  owner: {
    select: { name: true, bannedAt: true, builderProfile: { select: { displayName: true } } },
  },
  publishedVersion: { select: { name: true, avatarKey: true, avatarColor: true } },
} as const;
type Candidate = Prisma.GptGetPayload<{ select: typeof candidateSelect }>;

/**
 * GPTs the actor may @mention, best first: pinned, recently chatted with, their own, then (when
 * typing) store matches. Only published GPTs they may view; link-only ones appear only when they
 * are pinned, used or owned (the store never lists them).
 */
export async function listMentionableGpts({
  actor,
  query = "",
  limit = MENTIONABLE_LIMIT,
}: {
  actor: Actor;
  query?: string;
  limit?: number;
}): Promise<MentionableGpt[]> {
  const q = query.trim().slice(0, MENTION_QUERY_MAX_CHARS);
  const usable: Prisma.GptWhereInput = {
    deletedAt: null,
    publishedVersionId: { not: null },
    status: { not: "REMOVED" },
    owner: { bannedAt: null },
    ...(q ? { publishedVersion: { name: { contains: q, mode: "insensitive" } } } : {}),
  };
  const [pinned, recent, own, store] = await Promise.all([
    prisma.pinnedGpt.findMany({
      where: { userId: actor.id, gpt: usable },
      orderBy: { createdAt: "desc" },
      take: limit,
      select: { gpt: { select: candidateSelect } },
    }),
    prisma.conversation.findMany({
      where: { userId: actor.id, isPreview: false, isBuilder: false, isHidden: false, gpt: usable },
      orderBy: { updatedAt: "desc" },
      // Several conversations per GPT: read enough to find `limit` distinct ones most of the time.
      take: limit * 5,
      select: { gpt: { select: candidateSelect } },
    }),
    prisma.gpt.findMany({
      where: { ownerId: actor.id, ...usable },
      orderBy: { updatedAt: "desc" },
      take: limit,
      select: candidateSelect,
    }),
    q
      ? prisma.gpt.findMany({
          where: {
            ...listedInStoreWhere,
            OR: [
              { publishedVersion: { name: { contains: q, mode: "insensitive" } } },
              { searchText: { contains: q.toLowerCase() } },
            ],
          },
          orderBy: [{ conversationCount: "desc" }, { id: "asc" }],
          take: limit,
          select: candidateSelect,
        })
      : Promise.resolve([] as Candidate[]),
  ]);
  const ordered = [
    ...pinned.map((row) => row.gpt),
    ...recent.map((row) => row.gpt),
    ...own,
    ...store,
  ];
  const seen = new Set<string>();
  const result: MentionableGpt[] = [];
  for (const gpt of ordered) {
    if (result.length >= limit) break;
    if (seen.has(gpt.id) || !gpt.publishedVersion) continue;
    seen.add(gpt.id);
    // The same rule as the chat turn, so nothing listed here is refused on send.
    const access = {
      ...gpt,
      isOwnerBanned: gpt.owner.bannedAt !== null,
      isDeleted: gpt.deletedAt !== null,
    };
    if (!canViewGpt(actor, access)) continue;
    result.push({
      id: gpt.id,
      slug: gpt.slug,
      name: gpt.publishedVersion.name,
      avatarUrl: avatarUrl(gpt.publishedVersion.avatarKey),
      avatarColor: gpt.publishedVersion.avatarColor,
      creatorName: creatorDisplayName(gpt.owner),
    });
  }
  return result;
}
