import { listCategoryGpts } from "@/lib/store/category-queries";

/** The ids of every GPT the store lists (all categories, every page), as visitors can browse them. */
export async function listedGptIds(): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page += 1) {
    const listing = await listCategoryGpts({ categorySlug: "all", sort: "newest", page });
    if (!listing) throw new Error("The all-categories listing is missing.");
    ids.push(...listing.gpts.map((gpt) => gpt.id));
    if (page >= listing.pageCount) return ids;
  }
}
