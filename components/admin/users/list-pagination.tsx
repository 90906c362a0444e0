import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

const integer = new Intl.NumberFormat("en-US");

type ListPaginationProps = {
  label: string;
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
  /** The URL of a page, keeping the list's filters. */
  hrefFor: (page: number) => string;
};

/** Previous / next links under an admin list, with "51–100 of 240". Server-rendered. */
export function ListPagination({
  label,
  page,
  pageCount,
  total,
  pageSize,
  hrefFor,
}: ListPaginationProps) {
  if (total === 0) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted-foreground" aria-live="polite">
        {integer.format(first)}–{integer.format(last)} of {integer.format(total)}
        {pageCount > 1 ? ` · page ${page} of ${pageCount}` : null}
      </p>
      {pageCount > 1 ? (
        <div className="flex gap-2">
          {page > 1 ? (
            <Button asChild size="sm" variant="outline">
              <Link href={hrefFor(page - 1)} rel="prev">
                <ChevronLeft aria-hidden="true" />
                Previous
              </Link>
            </Button>
          ) : null}
          {page < pageCount ? (
            <Button asChild size="sm" variant="outline">
              <Link href={hrefFor(page + 1)} rel="next">
                Next
                <ChevronRight aria-hidden="true" />
              </Link>
            </Button>
          ) : null}
        </div>
      ) : null}
    </nav>
  );
}
