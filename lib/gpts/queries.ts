import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { changedFields, versionedFieldsSelect } from "./gpt-config";
import { canViewGpt, isListedInStore } from "./policy";

/**
 * Reads for GPTs. Public payloads come from the published version and never include instructions
 * (or, later, knowledge): only the owner's editor query selects them.
 */

const creatorSelect = {
  id: true,
  name: true,
  builderProfile: { select: { displayName: true } },
} as const;

function creatorName(owner: {
  name: string | null;
  builderProfile: { displayName: string } | null;
}) {
  return owner.builderProfile?.displayName ?? owner.name ?? "Unknown creator";
}

export type StoreGptCard = {
  id: string;
  slug: string;
  name: string;
  description: string;
  creatorName: string;
  categoryName: string | null;
  conversationCount: number;
  isDemo: boolean;
};

/** Public, published, not removed GPTs for the store home, most used first. */
export async function listStoreGpts({
  limit = 48,
}: {
  limit?: number;
} = {}): Promise<StoreGptCard[]> {
  const gpts = await prisma.gpt.findMany({
    where: {
      visibility: "PUBLIC",
      status: "ACTIVE",
      publishedVersionId: { not: null },
      owner: { bannedAt: null },
    },
    orderBy: [{ conversationCount: "desc" }, { createdAt: "desc" }],
    take: limit,
    select: {
      id: true,
      slug: true,
      isDemo: true,
      conversationCount: true,
      owner: { select: creatorSelect },
      publishedVersion: {
        select: { name: true, description: true, categoryId: true },
      },
    },
  });
  const categories = await prisma.category.findMany({ select: { id: true, name: true } });
  const categoryNames = new Map(categories.map((category) => [category.id, category.name]));
  return gpts.map((gpt) => ({
    id: gpt.id,
    slug: gpt.slug,
    name: gpt.publishedVersion!.name,
    description: gpt.publishedVersion!.description,
    creatorName: creatorName(gpt.owner),
    categoryName: gpt.publishedVersion!.categoryId
      ? (categoryNames.get(gpt.publishedVersion!.categoryId) ?? null)
      : null,
    conversationCount: gpt.conversationCount,
    isDemo: gpt.isDemo,
  }));
}

export type GptPage = StoreGptCard & {
  conversationStarters: string[];
  visibility: "PRIVATE" | "LINK" | "PUBLIC";
  isListed: boolean;
  isOwner: boolean;
  isPublished: boolean;
  versionNumber: number | null;
};

/** The GPT page payload, or null when the actor may not see it (a private GPT is a 404). */
export async function getGptPage({
  actor,
  slug,
}: {
  actor: Actor | null;
  slug: string;
}): Promise<GptPage | null> {
  const gpt = await prisma.gpt.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      ownerId: true,
      visibility: true,
      status: true,
      isDemo: true,
      conversationCount: true,
      publishedVersionId: true,
      owner: { select: { ...creatorSelect, bannedAt: true } },
      publishedVersion: {
        select: {
          number: true,
          name: true,
          description: true,
          conversationStarters: true,
          categoryId: true,
        },
      },
    },
  });
  if (!gpt) return null;
  const access = { ...gpt, isOwnerBanned: gpt.owner.bannedAt !== null };
  if (!canViewGpt(actor, access) || !gpt.publishedVersion) return null;
  const version = gpt.publishedVersion;
  const category = version.categoryId
    ? await prisma.category.findUnique({
        where: { id: version.categoryId },
        select: { name: true },
      })
    : null;
  return {
    id: gpt.id,
    slug: gpt.slug,
    name: version.name,
    description: version.description,
    conversationStarters: version.conversationStarters,
    creatorName: creatorName(gpt.owner),
    categoryName: category?.name ?? null,
    conversationCount: gpt.conversationCount,
    isDemo: gpt.isDemo,
    visibility: gpt.visibility,
    isListed: isListedInStore(access),
    isOwner: actor?.id === gpt.ownerId,
    isPublished: true,
    versionNumber: version.number,
  };
}

/** The owner's GPTs for "My GPTs", with draft state. */
export async function listMyGpts({ actor }: { actor: Actor }) {
  const gpts = await prisma.gpt.findMany({
    where: { ownerId: actor.id },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      visibility: true,
      status: true,
      conversationCount: true,
      updatedAt: true,
      publishedVersion: { select: { number: true, createdAt: true } },
    },
  });
  return gpts;
}

/** Everything the editor needs, owner only (instructions included). */
export async function getGptForEditor({ actor, gptId }: { actor: Actor; gptId: string }) {
  const gpt = await prisma.gpt.findFirst({
    where: { id: gptId, ownerId: actor.id, deletedAt: null },
    select: {
      id: true,
      slug: true,
      ...versionedFieldsSelect,
      allowRemix: true,
      allowKnowledgeRemix: true,
      visibility: true,
      status: true,
      revision: true,
      conversationCount: true,
      remixCount: true,
      remixedFrom: { select: { slug: true, name: true, deletedAt: true } },
      publishedVersion: {
        select: { number: true, createdAt: true, ...versionedFieldsSelect },
      },
    },
  });
  if (!gpt) return null;
  const published = gpt.publishedVersion;
  const hasUnpublishedChanges = !published || changedFields(gpt, published).length > 0;
  return {
    ...gpt,
    remixedFrom:
      gpt.remixedFrom && !gpt.remixedFrom.deletedAt
        ? { slug: gpt.remixedFrom.slug, name: gpt.remixedFrom.name }
        : null,
    publishedVersion: published
      ? { number: published.number, createdAt: published.createdAt }
      : null,
    hasUnpublishedChanges,
  };
}

export type GptForEditor = NonNullable<Awaited<ReturnType<typeof getGptForEditor>>>;

export async function listCategories() {
  return prisma.category.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true },
  });
}
