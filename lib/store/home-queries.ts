import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { categoryHref, type StoreSort } from "./browse-rules";
import { listedInStoreWhere, type StoreGptCard, storeCardSelect, toStoreCards } from "./card";
import { categoryMapOf, listStoreCategories, type StoreCategory } from "./categories";
import { storeSortOrder } from "./category-queries";

/** Cards per home row: two lines of the 3-column grid on desktop, three of 2 on tablets. */
export const HOME_ROW_SIZE = 6;

export type StoreHomeRow = {
  /** Stable id for headings and tests: "featured", "trending", "top-rated", "new", "category-<slug>". */
  id: string;
  title: string;
  description: string;
  gpts: StoreGptCard[];
  /** Where "See all" goes; null when the row is the whole list (Featured). */
  seeAllHref: string | null;
};

export type StoreHome = {
  categories: StoreCategory[];
  /** Rows with at least one GPT, in display order. */
  rows: StoreHomeRow[];
  /** Nothing is listed at all: the page shows its empty state. */
  isEmpty: boolean;
};

/**
 * The store home: Featured (admin-curated, newest featured first), Trending, Top rated, New, then
 * one row per category in Category.sortOrder. Only listed GPTs (lib/store/card.ts). Empty rows
 * are left out, so a young instance shows New and its categories rather than blank headings.
 */
export async function getStoreHome(): Promise<StoreHome> {
  const categories = await listStoreCategories();
  const categoryMap = categoryMapOf(categories);
  const read = async (where: Prisma.GptWhereInput, orderBy: Prisma.GptOrderByWithRelationInput[]) =>
    toStoreCards(
      await prisma.gpt.findMany({
        where: { ...listedInStoreWhere, ...where },
        orderBy,
        take: HOME_ROW_SIZE,
        select: storeCardSelect,
      }),
      categoryMap,
    );
  const allHref = (sort: StoreSort) => categoryHref("all", { sort });

  const [featured, trending, topRated, newest, ...byCategory] = await Promise.all([
    read({ featuredAt: { not: null } }, [{ featuredAt: "desc" }, { id: "asc" }]),
    read({ trendingScore: { gt: 0 } }, storeSortOrder.trending),
    read({ ratingCount: { gt: 0 } }, storeSortOrder["top-rated"]),
    read({}, storeSortOrder.newest),
    ...categories.map((category) =>
      read({ publishedCategoryId: category.id }, storeSortOrder.trending),
    ),
  ]);

  const rows: StoreHomeRow[] = [
    {
      id: "featured",
      title: "Featured",
      description: "Curated picks from the team running this store.",
      gpts: featured,
      seeAllHref: null,
    },
    {
      id: "trending",
      title: "Trending",
      description: "Most people chatting with them this week.",
      gpts: trending,
      seeAllHref: allHref("trending"),
    },
    {
      id: "top-rated",
      title: "Top rated",
      description: "Highest rated by the people who use them.",
      gpts: topRated,
      seeAllHref: allHref("top-rated"),
    },
    {
      id: "new",
      title: "New",
      description: "Recently published.",
      gpts: newest,
      seeAllHref: allHref("newest"),
    },
    ...categories.map((category, index) => ({
      id: `category-${category.slug}`,
      title: category.name,
      description: category.description ?? "",
      gpts: byCategory[index],
      seeAllHref: categoryHref(category.slug),
    })),
  ];
  return {
    categories,
    rows: rows.filter((row) => row.gpts.length > 0),
    isEmpty: newest.length === 0,
  };
}
