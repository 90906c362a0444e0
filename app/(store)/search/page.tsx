import type { Metadata } from "next";
import { SearchPageView } from "@/components/store/search-page-view";
import { searchParamsSchema } from "@/lib/store/browse-rules";
import { listStoreCategories } from "@/lib/store/categories";
import { searchGpts } from "@/lib/store/search";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const readParams = async ({ searchParams }: Props) => searchParamsSchema.parse(await searchParams);

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { q } = await readParams(props);
  return {
    title: q ? `“${q}” · Search GPTs` : "Search GPTs",
    description: "Search the store's GPTs by name, description, category and creator.",
    // Result pages are endless variations of one page: keep them out of search engines.
    robots: q ? { index: false, follow: true } : undefined,
  };
}

export default async function SearchPage(props: Props) {
  const { q = "", category, capability, page } = await readParams(props);
  const [result, categories] = await Promise.all([
    searchGpts({ query: q, category: category || undefined, capability, page }),
    listStoreCategories(),
  ]);
  return (
    <SearchPageView
      result={result}
      category={category || undefined}
      capability={capability}
      categories={categories}
    />
  );
}
