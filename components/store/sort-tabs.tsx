import Link from "next/link";
import { STORE_SORT_LABELS, STORE_SORTS, type StoreSort } from "@/lib/store/browse-rules";
import { cn } from "@/lib/utils/cn";

/** Sort choices as links (no JavaScript needed); the current one is marked for screen readers. */
export function SortTabs({
  current,
  hrefOf,
}: {
  current: StoreSort;
  hrefOf: (sort: StoreSort) => string;
}) {
  return (
    <nav aria-label="Sort by" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex w-max gap-1 rounded-lg bg-muted p-1">
        {STORE_SORTS.map((sort) => (
          <li key={sort}>
            <Link
              href={hrefOf(sort)}
              aria-current={sort === current ? "page" : undefined}
              className={cn(
                "inline-flex h-8 items-center whitespace-nowrap rounded-md px-3 text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                sort === current
                  ? "bg-background text-foreground shadow-sm"
                  : "text-muted-foreground hover:text-foreground",
              )}
            >
              {STORE_SORT_LABELS[sort]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
