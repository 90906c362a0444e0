import { ChevronRight } from "lucide-react";
import Link from "next/link";
import type { StoreHomeRow } from "@/lib/store/home-queries";
import { GptCardGrid } from "./gpt-card-grid";

/** One home row: heading, a line on what it is, "See all", and its cards. */
export function StoreRow({ row }: { row: StoreHomeRow }) {
  const headingId = `row-${row.id}-heading`;
  return (
    <section aria-labelledby={headingId} data-testid={`store-row-${row.id}`}>
      <div className="mb-4 flex items-end justify-between gap-4">
        <div className="min-w-0">
          <h2 id={headingId} className="text-xl font-semibold tracking-tight">
            {row.title}
          </h2>
          {row.description ? (
            <p className="mt-0.5 text-sm text-muted-foreground">{row.description}</p>
          ) : null}
        </div>
        {row.seeAllHref ? (
          <Link
            href={row.seeAllHref}
            className="inline-flex shrink-0 items-center gap-0.5 rounded-md px-2 py-1 text-sm font-medium text-primary hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            See all<span className="sr-only"> {row.title}</span>
            <ChevronRight className="size-4" aria-hidden />
          </Link>
        ) : null}
      </div>
      <GptCardGrid gpts={row.gpts} isCompactOnPhones={row.seeAllHref !== null} />
    </section>
  );
}
