import { LayoutGrid } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { ALL_CATEGORIES_SLUG, categoryHref } from "@/lib/store/browse-rules";
import type { CategoryPage } from "@/lib/store/category-queries";
import { CategoryNav } from "./category-nav";
import { GptCardGrid } from "./gpt-card-grid";
import { Pagination } from "./pagination";
import { SortTabs } from "./sort-tabs";

const integer = new Intl.NumberFormat("en-US");

export function categoryTitle(page: Pick<CategoryPage, "category">): string {
  return page.category?.name ?? "All GPTs";
}

/** A category (or every category): sort tabs, a page of 24 cards, and page links. */
export function CategoryPageView({ data }: { data: CategoryPage }) {
  const slug = data.category?.slug ?? ALL_CATEGORIES_SLUG;
  const first = (data.page - 1) * data.pageSize + 1;
  const last = first + data.gpts.length - 1;
  return (
    <main className="mx-auto max-w-6xl px-4 pb-16">
      <div className="py-8 sm:py-10">
        <h1 className="text-3xl font-semibold tracking-tight">{categoryTitle(data)}</h1>
        <p className="mt-2 text-muted-foreground">
          {data.category?.description ?? "Every GPT in the store."}
        </p>
      </div>
      <div className="mb-6">
        <CategoryNav categories={data.categories} currentSlug={slug} allLabel="All" />
      </div>
      <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <SortTabs current={data.sort} hrefOf={(sort) => categoryHref(slug, { sort })} />
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {data.total === 0
            ? "No GPTs"
            : data.gpts.length === 0
              ? `${integer.format(data.total)} GPTs`
              : `${integer.format(first)}–${integer.format(last)} of ${integer.format(data.total)} GPTs`}
        </p>
      </div>
      {data.gpts.length > 0 ? (
        <GptCardGrid gpts={data.gpts} />
      ) : data.total > 0 ? (
        <EmptyState
          icon={LayoutGrid}
          title="This page is past the end"
          description={
            <Link href={categoryHref(slug, { sort: data.sort })} className="underline">
              Back to the first page
            </Link>
          }
        />
      ) : (
        <EmptyState
          icon={LayoutGrid}
          title="No GPTs here yet"
          description={
            <>
              Nothing has been published in this category.{" "}
              <Link href="/" className="underline">
                Explore other GPTs
              </Link>
              .
            </>
          }
        />
      )}
      <Pagination
        page={data.page}
        pageCount={data.pageCount}
        hrefOf={(page) => categoryHref(slug, { sort: data.sort, page })}
      />
    </main>
  );
}
