import { Star } from "lucide-react";
import { RatingStars } from "@/components/store/gpt-about/rating-stars";
import type { RatingSummary as Summary } from "@/lib/reviews/schemas";
import { starLabel } from "./star-rating-input";

export function ratingCountLabel(count: number): string {
  return `${count.toLocaleString("en-US")} rating${count === 1 ? "" : "s"}`;
}

/** The average (plain mean) and a bar per star level; each bar also reads as text. */
export function RatingSummary({ summary }: { summary: Summary }) {
  const max = Math.max(1, ...summary.distribution.map((row) => row.count));
  return (
    <div
      className="grid gap-5 rounded-xl border bg-card p-4 sm:grid-cols-[9rem_minmax(0,1fr)] sm:items-center"
      data-testid="rating-summary"
    >
      <div className="flex flex-row items-center gap-3 sm:flex-col sm:items-start sm:gap-1">
        {summary.average === null ? (
          <p className="text-lg font-medium text-muted-foreground">No ratings yet</p>
        ) : (
          <>
            <p className="text-4xl font-semibold tabular-nums" data-testid="rating-average">
              {summary.average.toFixed(1)}
              <span className="sr-only"> out of 5</span>
            </p>
            <div className="grid gap-1">
              <RatingStars rating={summary.average} />
              <p className="text-sm text-muted-foreground">{ratingCountLabel(summary.count)}</p>
            </div>
          </>
        )}
      </div>
      <ul
        aria-label="Rating distribution"
        className="grid gap-1.5"
        data-testid="rating-distribution"
      >
        {summary.distribution.map((row) => {
          const share = summary.count ? Math.round((row.count / summary.count) * 100) : 0;
          return (
            <li
              key={row.stars}
              className="grid grid-cols-[2.25rem_minmax(0,1fr)_2.5rem] items-center gap-2 text-sm"
              data-testid={`distribution-${row.stars}`}
            >
              <span className="inline-flex items-center gap-1 tabular-nums" aria-hidden="true">
                {row.stars}
                <Star className="size-3.5 fill-amber-400 text-amber-400" />
              </span>
              <span className="sr-only">
                {starLabel(row.stars)}: {ratingCountLabel(row.count)} ({share}%)
              </span>
              <span aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-muted">
                <span
                  className="block h-full rounded-full bg-amber-400"
                  style={{ width: `${(row.count / max) * 100}%` }}
                />
              </span>
              <span aria-hidden="true" className="text-right text-muted-foreground tabular-nums">
                {row.count.toLocaleString("en-US")}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
