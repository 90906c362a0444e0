import Link from "next/link";
import type { ReactNode } from "react";
import type { GptPage } from "@/lib/gpts/gpt-page-query";
import { RatingStars } from "./rating-stars";

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

export function formatRatingCount(count: number): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? "rating" : "ratings"}`;
}

/** The store dialog's stats row: rating, category, conversations; each a value over a caption. */
export function GptStats({ gpt }: { gpt: GptPage }) {
  return (
    <dl
      className="grid w-full max-w-lg grid-cols-3 divide-x rounded-xl border bg-card py-3 text-center"
      data-testid="gpt-stats"
    >
      <Stat label={gpt.rating === null ? "Ratings" : formatRatingCount(gpt.ratingCount)}>
        {gpt.rating === null ? (
          <span className="text-xs font-normal text-muted-foreground sm:text-sm">
            No ratings yet
          </span>
        ) : (
          <span className="inline-flex flex-col items-center gap-1" data-testid="gpt-rating">
            <span>
              {gpt.rating.toFixed(1)}
              <span className="sr-only"> out of 5 stars</span>
            </span>
            <RatingStars rating={gpt.rating} />
          </span>
        )}
      </Stat>
      <Stat label="Category">
        {gpt.categoryName && gpt.categorySlug ? (
          <Link
            href={`/categories/${gpt.categorySlug}`}
            className="rounded-sm underline-offset-4 hover:text-primary hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            data-testid="gpt-category"
          >
            {gpt.categoryName}
          </Link>
        ) : (
          <span className="text-sm font-normal text-muted-foreground">Uncategorised</span>
        )}
      </Stat>
      <Stat label={gpt.conversationCount === 1 ? "Conversation" : "Conversations"}>
        <span
          title={gpt.conversationCount.toLocaleString("en-US")}
          data-testid="conversation-count"
        >
          {compact.format(gpt.conversationCount)}
        </span>
      </Stat>
    </dl>
  );
}

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col-reverse items-center justify-end gap-1 px-2">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="flex min-h-7 max-w-full items-center break-words text-base font-semibold">
        {children}
      </dd>
    </div>
  );
}
