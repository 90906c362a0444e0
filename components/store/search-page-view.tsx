import { SearchX, Sparkles } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { type SearchCapability, searchHref } from "@/lib/store/browse-rules";
import type { StoreCategory } from "@/lib/store/categories";
import type { SearchGptsResult } from "@/lib/store/search";
import { CategoryNav } from "./category-nav";
import { GptCardGrid } from "./gpt-card-grid";
import { Pagination } from "./pagination";
import { SearchFilters } from "./search-filters";
import { StoreSearchForm } from "./store-search-form";

const integer = new Intl.NumberFormat("en-US");

type SearchPageViewProps = {
  result: SearchGptsResult;
  category?: string;
  capability?: SearchCapability;
  categories: StoreCategory[];
};

/** Search: the form, filters, results (or suggestions), pages. Without a query: the categories. */
export function SearchPageView({ result, category, capability, categories }: SearchPageViewProps) {
  const q = result.query;
  return (
    <main className="mx-auto max-w-6xl px-4 pb-16">
      <div className="py-8 sm:py-10">
        <h1 className="text-3xl font-semibold tracking-tight">
          {q ? `Results for “${q}”` : "Search GPTs"}
        </h1>
        <StoreSearchForm
          className="mt-5 max-w-2xl"
          size="md"
          inputId="search-page-query"
          defaultValue={q}
          hidden={{ category, capability }}
        />
      </div>
      {!q ? (
        <section aria-labelledby="browse-heading" className="grid gap-4">
          <h2 id="browse-heading" className="text-lg font-semibold">
            Browse by category
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {categories.map((row) => (
              <li key={row.slug}>
                <Link
                  href={`/categories/${row.slug}`}
                  className="block h-full rounded-xl border bg-card p-4 transition-colors hover:bg-accent/60 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                >
                  <span className="font-semibold">{row.name}</span>
                  {row.description ? (
                    <span className="mt-1 block text-sm text-muted-foreground">
                      {row.description}
                    </span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <>
          <SearchFilters
            q={q}
            category={category}
            capability={capability}
            categories={categories}
          />
          <p className="mt-6 mb-4 text-sm text-muted-foreground" aria-live="polite">
            {result.total === 1 ? "1 result" : `${integer.format(result.total)} results`}
          </p>
          {result.isCloseMatchesOnly ? (
            <p
              className="mb-4 flex items-center gap-2 rounded-lg border bg-muted/40 px-3 py-2 text-sm"
              data-testid="close-matches-note"
            >
              <Sparkles className="size-4 shrink-0 text-primary" aria-hidden />
              No exact matches for “{q}”. Showing close matches.
            </p>
          ) : null}
          {result.results.length > 0 ? (
            <GptCardGrid gpts={result.results} />
          ) : (
            <NoResults q={q} hasFilters={Boolean(category || capability)} categories={categories} />
          )}
          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            hrefOf={(page) => searchHref({ q, category, capability, page })}
          />
        </>
      )}
    </main>
  );
}

function NoResults({
  q,
  hasFilters,
  categories,
}: {
  q: string;
  hasFilters: boolean;
  categories: StoreCategory[];
}) {
  return (
    <div className="grid gap-6">
      <EmptyState
        icon={SearchX}
        title={`No GPTs match “${q}”`}
        description={
          <>
            Check the spelling, try fewer or more general words
            {hasFilters ? (
              <>
                , or{" "}
                <Link href={searchHref({ q })} className="underline">
                  search without filters
                </Link>
              </>
            ) : null}
            . You can also browse a category below.
          </>
        }
      />
      <CategoryNav categories={categories} label="Browse categories" />
    </div>
  );
}
