import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { cn } from "@/lib/utils/cn";

type PaginationProps = {
  page: number;
  pageCount: number;
  hrefOf: (page: number) => string;
};

/** The page numbers to show: first, last, and two either side of the current page. */
export function visiblePages(page: number, pageCount: number): (number | "gap")[] {
  const pages = new Set([1, pageCount]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pageCount) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  return sorted.flatMap((p, index) =>
    index > 0 && p - sorted[index - 1] > 1 ? ["gap" as const, p] : [p],
  );
}

const itemClasses =
  "inline-flex h-9 min-w-9 items-center justify-center gap-1 rounded-md border px-3 text-sm transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

/** Links with stable URLs (?page=N), so every page can be bookmarked and crawled. */
export function Pagination({ page, pageCount, hrefOf }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav
      aria-label="Pagination"
      className="mt-8 flex flex-wrap items-center justify-center gap-1.5"
    >
      {page > 1 ? (
        <Link href={hrefOf(page - 1)} rel="prev" className={cn(itemClasses, "hover:bg-accent")}>
          <ChevronLeft className="size-4" aria-hidden />
          Previous
        </Link>
      ) : null}
      <ul className="flex items-center gap-1.5">
        {visiblePages(page, pageCount).map((item, index) =>
          item === "gap" ? (
            <li
              key={`gap-${index}`}
              aria-hidden
              className="hidden px-1 text-muted-foreground sm:block"
            >
              …
            </li>
          ) : (
            <li key={item} className={cn(item !== page && "hidden sm:block")}>
              <Link
                href={hrefOf(item)}
                aria-current={item === page ? "page" : undefined}
                aria-label={`Page ${item}`}
                className={cn(
                  itemClasses,
                  item === page
                    ? "border-foreground bg-foreground text-background"
                    : "hover:bg-accent",
                )}
              >
                {item}
              </Link>
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <Link href={hrefOf(page + 1)} rel="next" className={cn(itemClasses, "hover:bg-accent")}>
          Next
          <ChevronRight className="size-4" aria-hidden />
        </Link>
      ) : null}
    </nav>
  );
}
