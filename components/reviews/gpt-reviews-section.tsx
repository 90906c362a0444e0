"use client";

import { LogIn, MessageSquareText } from "lucide-react";
import Link from "next/link";
import { AboutSection } from "@/components/store/gpt-about/about-section";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { InlineRetryError } from "@/components/ui/inline-retry-error";
import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { reviewsOfPages, useGptReviews } from "@/lib/reviews/hooks";
import type { ReviewViewer } from "@/lib/reviews/schemas";
import { OwnReview } from "./own-review";
import { RatingSummary } from "./rating-summary";
import { ReviewCard } from "./review-card";
import { ReviewForm } from "./review-form";

/**
 * "Ratings & reviews" on the GPT page: the summary, the viewer's own review or the form to rate
 * (when they may), and the reviews, newest first, ten at a time. The creator replies inline.
 */
export function GptReviewsSection({
  gptId,
  isOwner,
  isSignedIn,
  signInHref,
}: {
  gptId: string;
  isOwner: boolean;
  isSignedIn: boolean;
  signInHref: string;
}) {
  const query = useGptReviews(gptId);
  const first = query.data?.pages[0];
  const hasOwnPinned = Boolean(first?.viewer.ownReview);
  // The viewer's own review is pinned above the list (with Edit/Delete), not repeated in it.
  const reviews = reviewsOfPages(query.data?.pages ?? []).filter(
    (review) => !(review.isOwn && hasOwnPinned),
  );

  return (
    <AboutSection title="Ratings & reviews" testId="reviews-section">
      {query.isPending ? (
        <ReviewsSkeleton />
      ) : query.isError && !query.data ? (
        <LoadErrorAlert
          title="Reviews could not be loaded"
          message={query.error.message}
          isRetrying={query.isRefetching}
          onRetry={() => query.refetch()}
          testId="reviews-error"
        />
      ) : first ? (
        <div className="grid gap-4">
          <RatingSummary summary={first.summary} />
          <ViewerArea
            gptId={gptId}
            viewer={first.viewer}
            isOwner={isOwner}
            isSignedIn={isSignedIn}
            signInHref={signInHref}
          />
          {reviews.length === 0 && !first.viewer.ownReview ? (
            <EmptyState
              icon={MessageSquareText}
              titleAs="h3"
              title="No reviews yet"
              description={
                isOwner
                  ? "Reviews from people who chat with your GPT appear here."
                  : "People who chat with this GPT can rate it here."
              }
              className="py-8"
            />
          ) : (
            <div className="divide-y" data-testid="review-list">
              {reviews.map((review) => (
                <ReviewCard
                  key={review.id}
                  review={review}
                  gptId={gptId}
                  canReply={first.viewer.isCreator}
                />
              ))}
            </div>
          )}
          {query.hasNextPage ? (
            <Button
              variant="outline"
              className="w-fit justify-self-center"
              isLoading={query.isFetchingNextPage}
              onClick={() => query.fetchNextPage()}
            >
              Show more
            </Button>
          ) : null}
          {query.isFetchNextPageError ? (
            <InlineRetryError
              className="justify-self-center"
              message="More reviews could not be loaded."
              onRetry={() => query.fetchNextPage()}
            />
          ) : query.isRefetchError ? (
            <InlineRetryError
              className="justify-self-center"
              message="Reviews could not be refreshed."
              onRetry={() => query.refetch()}
            />
          ) : null}
        </div>
      ) : null}
    </AboutSection>
  );
}

function ViewerArea({
  gptId,
  viewer,
  isOwner,
  isSignedIn,
  signInHref,
}: {
  gptId: string;
  viewer: ReviewViewer;
  isOwner: boolean;
  isSignedIn: boolean;
  signInHref: string;
}) {
  if (viewer.ownReview) return <OwnReview gptId={gptId} review={viewer.ownReview} />;
  if (viewer.canReview) return <ReviewForm gptId={gptId} />;
  if (isOwner) return null;
  if (!isSignedIn) {
    return (
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-dashed p-4">
        <p className="text-sm text-muted-foreground">
          Sign in to rate this GPT after chatting with it.
        </p>
        <Button variant="outline" size="sm" asChild>
          <Link href={signInHref}>
            <LogIn aria-hidden="true" />
            Sign in to rate
          </Link>
        </Button>
      </div>
    );
  }
  return viewer.reason ? (
    <p
      className="rounded-xl border border-dashed p-4 text-sm text-muted-foreground"
      data-testid="review-refusal"
    >
      {viewer.reason}
    </p>
  ) : null;
}

function ReviewsSkeleton() {
  return (
    <div className="grid gap-4" aria-busy="true">
      <Spinner label="Loading reviews" className="sr-only" />
      <Skeleton className="h-32 rounded-xl" />
      {Array.from({ length: 2 }, (_, index) => (
        <div key={index} className="grid gap-2 py-2">
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-4 w-full" />
        </div>
      ))}
    </div>
  );
}
