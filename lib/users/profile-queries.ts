import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { avatarUrl } from "../gpts/avatar/avatar-url";
import {
  listedInStoreWhere,
  type StoreGptCard,
  storeCardSelect,
  toStoreCards,
} from "../store/card";
import { suggestedDisplayName } from "./builder-profile-queries";
import { initialHandle } from "./handle";
import { HANDLE_PATTERN } from "./handle-rules";
import type { DomainState, MyProfile } from "./profile-schema";

/** How many of a creator's GPTs the profile page lists (the stats still count them all). */
export const CREATOR_PROFILE_GPT_LIMIT = 60;

export const myProfileSelect = {
  handle: true,
  displayName: true,
  bio: true,
  website: true,
  avatarKey: true,
  verifiedDomain: true,
  domainVerifiedAt: true,
  pendingDomain: true,
  domainToken: true,
} as const;

type MyProfileRow = {
  handle: string;
  displayName: string;
  bio: string | null;
  website: string | null;
  avatarKey: string | null;
  verifiedDomain: string | null;
  domainVerifiedAt: Date | null;
  pendingDomain: string | null;
  domainToken: string | null;
};

export function toDomainState(
  row: Pick<
    MyProfileRow,
    "verifiedDomain" | "domainVerifiedAt" | "pendingDomain" | "domainToken"
  > | null,
): DomainState {
  return {
    verifiedDomain: row?.verifiedDomain ?? null,
    verifiedAt: row?.domainVerifiedAt?.toISOString() ?? null,
    pendingDomain: row?.pendingDomain ?? null,
    token: row?.domainToken ?? null,
  };
}

export function toMyProfile(row: MyProfileRow): MyProfile {
  return {
    isSaved: true,
    handle: row.handle,
    displayName: row.displayName,
    bio: row.bio,
    website: row.website,
    avatarUrl: avatarUrl(row.avatarKey),
    domain: toDomainState(row),
  };
}

/** The actor's own profile for the settings page; suggestions when they have none yet. */
export async function getMyProfile({ actor }: { actor: Actor }): Promise<MyProfile> {
  const row = await prisma.builderProfile.findUnique({
    where: { userId: actor.id },
    select: myProfileSelect,
  });
  if (row) return toMyProfile(row);
  const displayName = suggestedDisplayName(actor);
  return {
    isSaved: false,
    handle: initialHandle(displayName, actor.id),
    displayName,
    bio: null,
    website: null,
    avatarUrl: null,
    domain: toDomainState(null),
  };
}

/** The actor's handle, for links to "Your profile"; null without a profile. */
export async function getMyHandle({ actor }: { actor: Actor }): Promise<string | null> {
  const row = await prisma.builderProfile.findUnique({
    where: { userId: actor.id },
    select: { handle: true },
  });
  return row?.handle ?? null;
}

export type CreatorProfile = {
  handle: string;
  displayName: string;
  bio: string | null;
  website: string | null;
  avatarUrl: string | null;
  verifiedDomain: string | null;
  /** ISO dates. */
  domainVerifiedAt: string | null;
  joinedAt: string;
  /** Only ever true for admins: everyone else gets null for a banned creator. */
  isBanned: boolean;
  isOwnProfile: boolean;
  gpts: StoreGptCard[];
  stats: {
    gptCount: number;
    conversationCount: number;
    /** Mean of every rating across their listed GPTs, one decimal; null when none is rated. */
    averageRating: number | null;
    ratingCount: number;
  };
};

/**
 * A creator's public profile by handle (case-insensitive) with their listed GPTs (the store's
 * visibility rule: never private, link-only, removed or unpublished ones). Null when there is no
 * such handle, or the creator is banned and the actor is not an admin.
 */
export async function getCreatorProfile({
  actor,
  handle,
}: {
  actor: Actor | null;
  handle: string;
}): Promise<CreatorProfile | null> {
  const normalized = handle.trim().toLowerCase();
  if (!HANDLE_PATTERN.test(normalized)) return null;
  const profile = await prisma.builderProfile.findUnique({
    where: { handle: normalized },
    select: {
      ...myProfileSelect,
      userId: true,
      user: { select: { createdAt: true, bannedAt: true } },
    },
  });
  if (!profile) return null;
  const isBanned = Boolean(profile.user.bannedAt);
  if (isBanned && actor?.role !== "ADMIN") return null;

  const where = { ...listedInStoreWhere, ownerId: profile.userId };
  const [rows, totals] = await Promise.all([
    prisma.gpt.findMany({
      where,
      orderBy: [{ conversationCount: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      take: CREATOR_PROFILE_GPT_LIMIT,
      select: storeCardSelect,
    }),
    prisma.gpt.aggregate({
      where,
      _count: { _all: true },
      _sum: { conversationCount: true, ratingCount: true, ratingSum: true },
    }),
  ]);
  const categoryIds = [...new Set(rows.flatMap((row) => row.publishedVersion?.categoryId ?? []))];
  const categories = categoryIds.length
    ? await prisma.category.findMany({
        where: { id: { in: categoryIds } },
        select: { id: true, name: true, slug: true },
      })
    : [];
  const ratingCount = totals._sum.ratingCount ?? 0;
  const ratingSum = totals._sum.ratingSum ?? 0;
  return {
    handle: profile.handle,
    displayName: profile.displayName,
    bio: profile.bio,
    website: profile.website,
    avatarUrl: avatarUrl(profile.avatarKey),
    verifiedDomain: profile.verifiedDomain,
    domainVerifiedAt: profile.domainVerifiedAt?.toISOString() ?? null,
    joinedAt: profile.user.createdAt.toISOString(),
    isBanned,
    isOwnProfile: actor?.id === profile.userId,
    gpts: toStoreCards(rows, new Map(categories.map((category) => [category.id, category]))),
    stats: {
      gptCount: totals._count._all,
      conversationCount: totals._sum.conversationCount ?? 0,
      averageRating: ratingCount > 0 ? Math.round((ratingSum / ratingCount) * 10) / 10 : null,
      ratingCount,
    },
  };
}
