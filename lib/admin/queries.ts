import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import type { GptStatus, GptVisibility } from "../generated/prisma/enums";
import { avatarUrl } from "../gpts/avatar/avatar-url";
import { assertAdmin } from "./policy";

export const USAGE_WINDOW_DAYS = 30;
export const ADMIN_GPT_LIST_LIMIT = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

export type AdminOverview = {
  userCount: number;
  bannedUserCount: number;
  gptCount: number;
  publishedGptCount: number;
  conversationCount: number;
  enabledModelCount: number;
  usage: {
    windowDays: number;
    costMicros: number;
    inputTokens: number;
    outputTokens: number;
    eventCount: number;
  };
};

/** Headline numbers for the admin home. Conversations exclude creators' draft previews. */
export async function getAdminOverview({
  actor,
  now = new Date(),
}: {
  actor: Actor;
  now?: Date;
}): Promise<AdminOverview> {
  assertAdmin(actor);
  const since = new Date(now.getTime() - USAGE_WINDOW_DAYS * DAY_MS);
  const [
    userCount,
    bannedUserCount,
    gptCount,
    publishedGptCount,
    conversationCount,
    enabledModelCount,
    usage,
  ] = await Promise.all([
    prisma.user.count(),
    prisma.user.count({ where: { bannedAt: { not: null } } }),
    prisma.gpt.count(),
    prisma.gpt.count({ where: { publishedVersionId: { not: null } } }),
    prisma.conversation.count({ where: { isPreview: false } }),
    prisma.modelConfig.count({ where: { isEnabled: true } }),
    prisma.usageEvent.aggregate({
      where: { createdAt: { gte: since } },
      _sum: { costMicros: true, inputTokens: true, outputTokens: true },
      _count: { _all: true },
    }),
  ]);
  return {
    userCount,
    bannedUserCount,
    gptCount,
    publishedGptCount,
    conversationCount,
    enabledModelCount,
    usage: {
      windowDays: USAGE_WINDOW_DAYS,
      costMicros: Number(usage._sum.costMicros ?? 0),
      inputTokens: Number(usage._sum.inputTokens ?? 0),
      outputTokens: Number(usage._sum.outputTokens ?? 0),
      eventCount: usage._count._all,
    },
  };
}

export type AdminGptRow = {
  id: string;
  slug: string;
  name: string;
  visibility: GptVisibility;
  status: GptStatus;
  /** Soft-deleted by its owner: gone from the store and its pages, still listed here. */
  isDeleted: boolean;
  isDemo: boolean;
  publishedVersionNumber: number | null;
  conversationCount: number;
  /** In the store's Featured row since then; null when not featured. */
  featuredAt: string | null;
  /** Public, published, active, not deleted, creator not banned: only these can be featured. */
  isListed: boolean;
  owner: { id: string; name: string | null; email: string };
  updatedAt: string;
  avatarUrl: string | null;
  avatarColor: string | null;
};

/** Every GPT (any owner, visibility or status), most recently changed first. */
export async function listGptsForAdmin({
  actor,
  limit = ADMIN_GPT_LIST_LIMIT,
}: {
  actor: Actor;
  limit?: number;
}): Promise<{ gpts: AdminGptRow[]; total: number }> {
  assertAdmin(actor);
  const [gpts, total] = await Promise.all([
    prisma.gpt.findMany({
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take: limit,
      select: {
        id: true,
        slug: true,
        name: true,
        visibility: true,
        status: true,
        isDemo: true,
        deletedAt: true,
        featuredAt: true,
        updatedAt: true,
        avatarKey: true,
        avatarColor: true,
        owner: { select: { id: true, name: true, email: true, bannedAt: true } },
        publishedVersion: { select: { number: true } },
        _count: { select: { conversations: { where: { isPreview: false } } } },
      },
    }),
    prisma.gpt.count(),
  ]);
  return {
    total,
    gpts: gpts.map((gpt) => ({
      id: gpt.id,
      slug: gpt.slug,
      name: gpt.name,
      visibility: gpt.visibility,
      status: gpt.status,
      isDeleted: gpt.deletedAt !== null,
      isDemo: gpt.isDemo,
      publishedVersionNumber: gpt.publishedVersion?.number ?? null,
      conversationCount: gpt._count.conversations,
      featuredAt: gpt.featuredAt?.toISOString() ?? null,
      isListed:
        gpt.visibility === "PUBLIC" &&
        gpt.status === "ACTIVE" &&
        gpt.publishedVersion !== null &&
        gpt.deletedAt === null &&
        gpt.owner.bannedAt === null,
      owner: { id: gpt.owner.id, name: gpt.owner.name, email: gpt.owner.email },
      updatedAt: gpt.updatedAt.toISOString(),
      avatarUrl: avatarUrl(gpt.avatarKey),
      avatarColor: gpt.avatarColor,
    })),
  };
}

/** Everything the admin home renders (users have their own page), in parallel reads. */
export async function getAdminHome({ actor }: { actor: Actor }) {
  assertAdmin(actor);
  const [overview, gpts] = await Promise.all([
    getAdminOverview({ actor }),
    listGptsForAdmin({ actor }),
  ]);
  return { overview, gpts };
}
export type AdminHome = Awaited<ReturnType<typeof getAdminHome>>;
