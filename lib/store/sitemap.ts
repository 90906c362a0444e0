import "server-only";
import { prisma } from "../db";
import { listedInStoreWhere } from "./card";

export type SitemapEntry = { path: string; lastModified?: Date };

/**
 * What search engines may index: the store home, categories that list at least one GPT, every
 * listed GPT (dated by its published version, so draft edits do not look like changes) and the
 * profiles of creators who have listed GPTs. Private, link-only, unlisted and removed GPTs never
 * appear: everything goes through `listedInStoreWhere`.
 */
export async function listSitemapEntries(): Promise<SitemapEntry[]> {
  const gpts = await prisma.gpt.findMany({
    where: listedInStoreWhere,
    orderBy: { id: "asc" },
    select: {
      slug: true,
      publishedVersion: { select: { createdAt: true, categoryId: true } },
      owner: { select: { builderProfile: { select: { handle: true, updatedAt: true } } } },
    },
  });
  const categoryIds = new Set<string>();
  const profiles = new Map<string, Date>();
  let latest: Date | undefined;
  for (const gpt of gpts) {
    const publishedAt = gpt.publishedVersion?.createdAt;
    if (publishedAt && (!latest || publishedAt > latest)) latest = publishedAt;
    if (gpt.publishedVersion?.categoryId) categoryIds.add(gpt.publishedVersion.categoryId);
    const profile = gpt.owner.builderProfile;
    if (!profile) continue;
    const known = profiles.get(profile.handle);
    const profileDate =
      publishedAt && publishedAt > profile.updatedAt ? publishedAt : profile.updatedAt;
    if (!known || profileDate > known) profiles.set(profile.handle, profileDate);
  }
  const categories = await prisma.category.findMany({
    where: { id: { in: [...categoryIds] } },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { slug: true },
  });
  return [
    { path: "/", lastModified: latest },
    ...categories.map((category) => ({ path: `/categories/${category.slug}` })),
    ...gpts.map((gpt) => ({
      path: `/g/${gpt.slug}`,
      lastModified: gpt.publishedVersion?.createdAt,
    })),
    ...[...profiles].map(([handle, lastModified]) => ({ path: `/u/${handle}`, lastModified })),
  ];
}
