import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CategoryPageView, categoryTitle } from "@/components/store/category-page-view";
import { categoryParamsSchema, STORE_SORT_LABELS, type StoreSort } from "@/lib/store/browse-rules";
import { listCategoryGpts } from "@/lib/store/category-queries";
import { cachedListing } from "@/lib/store/listing-cache";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Metadata and page share one read per request (cache keys on these primitive arguments).
const readCategory = cache((categorySlug: string, sort: StoreSort, page: number) =>
  cachedListing(`category:${categorySlug}:${sort}:${page}`, () =>
    listCategoryGpts({ categorySlug, sort, page }),
  ),
);

async function load({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const { sort, page } = categoryParamsSchema.parse(query);
  const data = await readCategory(slug, sort, page);
  if (!data) notFound();
  return data;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const data = await load(props);
  const title = `${categoryTitle(data)} GPTs · ${STORE_SORT_LABELS[data.sort]}`;
  return {
    title: data.page > 1 ? `${title} · Page ${data.page}` : title,
    description:
      data.category?.description ?? "Browse every GPT in the store by trending, rating and usage.",
  };
}

export default async function CategoryPage(props: Props) {
  return <CategoryPageView data={await load(props)} />;
}
