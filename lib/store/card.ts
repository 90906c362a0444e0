import "server-only";
import { avatarUrl } from "../gpts/avatar/avatar-url";
import { displayRating } from "./ranking";

/** What a store card shows; every list in the store (home rows, category, search, profile) uses it. */
export type StoreGptCard = {
  id: string;
  slug: string;
  name: string;
  description: string;
  /** From the published version: the uploaded picture, else initials on `avatarColor`. */
  avatarUrl: string | null;
  avatarColor: string | null;
  creatorName: string;
  /** The creator's /u/<handle>; null when they have no profile (older accounts). */
  creatorHandle: string | null;
  isCreatorVerified: boolean;
  categoryName: string | null;
  categorySlug: string | null;
  conversationCount: number;
  /** Plain mean, one decimal (null when unrated), and how many ratings it has. */
  rating: number | null;
  ratingCount: number;
  capabilities: string[];
  isDemo: boolean;
};

/** The Prisma select every store card is built from (published version only, never the draft). */
export const storeCardSelect = {
  id: true,
  slug: true,
  isDemo: true,
  conversationCount: true,
  ratingCount: true,
  ratingSum: true,
  owner: {
    select: {
      name: true,
      builderProfile: { select: { displayName: true, handle: true, verifiedDomain: true } },
    },
  },
  publishedVersion: {
    select: {
      name: true,
      description: true,
      avatarKey: true,
      avatarColor: true,
      capabilities: true,
      categoryId: true,
    },
  },
} as const;

type CardRow = {
  id: string;
  slug: string;
  isDemo: boolean;
  conversationCount: number;
  ratingCount: number;
  ratingSum: number;
  owner: {
    name: string | null;
    builderProfile: { displayName: string; handle: string; verifiedDomain: string | null } | null;
  };
  publishedVersion: {
    name: string;
    description: string;
    avatarKey: string | null;
    avatarColor: string | null;
    capabilities: string[];
    categoryId: string | null;
  } | null;
};

export function creatorDisplayName(owner: {
  name: string | null;
  builderProfile: { displayName: string } | null;
}): string {
  return owner.builderProfile?.displayName ?? owner.name ?? "Unknown creator";
}

/**
 * Rows selected with `storeCardSelect` → cards. Categories come as a map (id → name, slug) read
 * once per request rather than joined per row. Rows without a published version are dropped.
 */
export function toStoreCards(
  rows: CardRow[],
  categories: Map<string, { name: string; slug: string }>,
): StoreGptCard[] {
  return rows.flatMap((row) => {
    const version = row.publishedVersion;
    if (!version) return [];
    const category = version.categoryId ? categories.get(version.categoryId) : undefined;
    return [
      {
        id: row.id,
        slug: row.slug,
        name: version.name,
        description: version.description,
        avatarUrl: avatarUrl(version.avatarKey),
        avatarColor: version.avatarColor,
        creatorName: creatorDisplayName(row.owner),
        creatorHandle: row.owner.builderProfile?.handle ?? null,
        isCreatorVerified: Boolean(row.owner.builderProfile?.verifiedDomain),
        categoryName: category?.name ?? null,
        categorySlug: category?.slug ?? null,
        conversationCount: row.conversationCount,
        rating: displayRating(row),
        ratingCount: row.ratingCount,
        capabilities: version.capabilities,
        isDemo: row.isDemo,
      },
    ];
  });
}

/** The `where` of every store list: public, published, active, not deleted, creator not banned. */
export const listedInStoreWhere = {
  visibility: "PUBLIC",
  status: "ACTIVE",
  publishedVersionId: { not: null },
  deletedAt: null,
  owner: { bannedAt: null },
} as const;
