import "server-only";
import { prisma } from "../db";

export type StoreCategory = {
  id: string;
  slug: string;
  name: string;
  description: string | null;
};

/** Every category in store order (Category.sortOrder, then name). A handful of rows: read per request. */
export async function listStoreCategories(): Promise<StoreCategory[]> {
  return prisma.category.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true, description: true },
  });
}

/** The id → { name, slug } map `toStoreCards` takes. */
export function categoryMapOf(
  categories: StoreCategory[],
): Map<string, { name: string; slug: string }> {
  return new Map(categories.map((category) => [category.id, category]));
}
