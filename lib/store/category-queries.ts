import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { ALL_CATEGORIES_SLUG, pageCountOf, STORE_PAGE_SIZE, type StoreSort } from "./browse-rules";
import { listedInStoreWhere, type StoreGptCard, storeCardSelect, toStoreCards } from "./card";
import { categoryMapOf, listStoreCategories, type StoreCategory } from "./categories";

/**
 * Each sort ends on the id so every page boundary is stable: the same URL shows the same GPTs
 * while the scores do not change. "Newest" is the newest publish (Gpt.publishedAt, the published
 * version's createdAt), so a GPT published today after months as a draft counts as new.
 */
export const storeSortOrder: Record<StoreSort, Prisma.GptOrderByWithRelationInput[]> = {
  trending: [{ trendingScore: "desc" }, { conversationCount: "desc" }, { id: "asc" }],
  "top-rated": [{ ratingScore: "desc" }, { ratingCount: "desc" }, { id: "asc" }],
  "most-used": [{ conversationCount: "desc" }, { trendingScore: "desc" }, { id: "asc" }],
  newest: [{ publishedAt: "desc" }, { id: "asc" }],
};

export type CategoryPage = {
  /** null for the all-categories listing (/categories/all). */
  category: StoreCategory | null;
  categories: StoreCategory[];
  sort: StoreSort;
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
  gpts: StoreGptCard[];
};

/**
 * One page (24) of a category's listed GPTs in the chosen order, with the total for page links.
 * `categorySlug` "all" lists every category. Returns null for an unknown category (the page 404s).
 */
export async function listCategoryGpts({
  categorySlug,
  sort,
  page = 1,
}: {
  categorySlug: string;
  sort: StoreSort;
  page?: number;
}): Promise<CategoryPage | null> {
  const categories = await listStoreCategories();
  const category = categories.find((row) => row.slug === categorySlug) ?? null;
  if (!category && categorySlug !== ALL_CATEGORIES_SLUG) return null;
  const pageNumber = Math.max(1, Math.floor(page));
  const where: Prisma.GptWhereInput = category
    ? { ...listedInStoreWhere, publishedCategoryId: category.id }
    : listedInStoreWhere;
  const [rows, total] = await Promise.all([
    prisma.gpt.findMany({
      where,
      orderBy: storeSortOrder[sort],
      skip: (pageNumber - 1) * STORE_PAGE_SIZE,
      take: STORE_PAGE_SIZE,
      select: storeCardSelect,
    }),
    prisma.gpt.count({ where }),
  ]);
  return {
    category,
    categories,
    sort,
    page: pageNumber,
    pageSize: STORE_PAGE_SIZE,
    pageCount: pageCountOf(total),
    total,
    gpts: toStoreCards(rows, categoryMapOf(categories)),
  };
}
