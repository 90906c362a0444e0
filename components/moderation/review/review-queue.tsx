"use client";

import { ClipboardCheck, History } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { InlineRetryError } from "@/components/ui/inline-retry-error";
import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { PageHeader } from "@/components/ui/page-header";
import { useListingReviews } from "@/lib/moderation/review/hooks";
import type { ReviewQueuePage } from "@/lib/moderation/review/schemas";
import { cn } from "@/lib/utils/cn";
import { ReviewCard } from "./review-card";

/** Admin → Reviews: public listings waiting for a moderator (oldest first), and recent decisions. */
export function ReviewQueue({ initialPage }: { initialPage: ReviewQueuePage }) {
  const filter = initialPage.filter;
  const query = useListingReviews(filter, initialPage);
  const page = query.data ?? initialPage;
  const isPending = filter === "pending";

  return (
    <div className="grid gap-6">
      <PageHeader
        className="pb-0"
        title="Listing reviews"
        description="Public GPTs waiting to be listed in the store, with what the automatic checks found. Approve to list one; reject with a reason its creator is shown."
      />
      <nav aria-label="Review status" className="flex w-fit gap-1 rounded-lg bg-muted p-1">
        <FilterTab href="/admin/reviews" isCurrent={isPending}>
          Pending
          <Badge
            variant={page.pendingCount > 0 ? "warning" : "secondary"}
            data-testid="pending-review-count"
          >
            {page.pendingCount}
            <span className="sr-only"> waiting</span>
          </Badge>
        </FilterTab>
        <FilterTab href="/admin/reviews?status=decided" isCurrent={!isPending}>
          Decided
        </FilterTab>
      </nav>
      {query.isError && query.data ? (
        <InlineRetryError
          message="The reviews could not be refreshed."
          onRetry={() => query.refetch()}
        />
      ) : null}
      {query.isError && !query.data ? (
        <LoadErrorAlert
          title="Reviews could not be loaded"
          message={query.error.message}
          isRetrying={query.isRefetching}
          onRetry={() => query.refetch()}
        />
      ) : page.reviews.length === 0 ? (
        <EmptyState
          icon={isPending ? ClipboardCheck : History}
          title={isPending ? "No listings waiting for review" : "No decisions yet"}
          description={
            isPending
              ? "When a public listing needs a moderator (by policy, or flagged by the automatic checks), it shows up here."
              : "Listings you approve or reject are listed here, newest first."
          }
        />
      ) : (
        <>
          <ul className="grid gap-4" aria-label={isPending ? "Pending reviews" : "Decided reviews"}>
            {page.reviews.map((review) => (
              <ReviewCard key={review.id} review={review} />
            ))}
          </ul>
          {page.nextPage ? (
            <p className="text-sm text-muted-foreground">
              Showing the first {page.reviews.length}. Decide some to see the rest.
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}

function FilterTab({
  href,
  isCurrent,
  children,
}: {
  href: string;
  isCurrent: boolean;
  children: ReactNode;
}) {
  return (
    <Link
      href={href}
      aria-current={isCurrent ? "page" : undefined}
      className={cn(
        "inline-flex items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring",
        isCurrent
          ? "bg-background text-foreground shadow-xs"
          : "text-muted-foreground hover:text-foreground",
      )}
    >
      {children}
    </Link>
  );
}
