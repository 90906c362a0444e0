"use client";

import { MessageSquareReply } from "lucide-react";
import type { ReactNode } from "react";
import { RatingStars } from "@/components/store/gpt-about/rating-stars";
import type { ReviewItem } from "@/lib/reviews/schemas";
import { formatAbsoluteTime, formatRelativeTime } from "@/lib/utils/format-time";
import { ReplyForm } from "./reply-form";
import { starLabel } from "./star-rating-input";

function Time({ iso, prefix = "" }: { iso: string; prefix?: string }) {
  return (
    <time dateTime={iso} title={formatAbsoluteTime(iso)}>
      {prefix}
      {formatRelativeTime(iso)}
    </time>
  );
}

/** One review: stars, name, date, text, and the creator's reply (or the reply form for them). */
export function ReviewCard({
  review,
  gptId,
  canReply,
  actions,
}: {
  review: ReviewItem;
  gptId: string;
  canReply: boolean;
  /** Edit / Delete on the viewer's own review. */
  actions?: ReactNode;
}) {
  // A second apart: creation writes both timestamps, a few milliseconds from each other.
  const isEdited = Date.parse(review.updatedAt) - Date.parse(review.createdAt) > 1000;
  return (
    <article
      className="grid gap-2 py-4"
      data-testid="review"
      aria-label={`Review by ${review.reviewerName}`}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <RatingStars rating={review.rating} />
        <span className="sr-only">{starLabel(review.rating)}</span>
        <span className="text-sm font-medium">
          {review.reviewerName}
          {review.isOwn ? <span className="font-normal text-muted-foreground"> (you)</span> : null}
        </span>
        <span className="text-xs text-muted-foreground">
          <Time iso={review.createdAt} />
          {isEdited ? " · edited" : null}
        </span>
        {actions ? <div className="ml-auto flex gap-1">{actions}</div> : null}
      </div>
      {review.body ? (
        <p className="text-sm leading-relaxed wrap-anywhere whitespace-pre-line">{review.body}</p>
      ) : null}
      {review.creatorReply ? (
        <div className="ml-3 grid gap-1 border-l-2 pl-3" data-testid="creator-reply">
          <p className="inline-flex items-center gap-1.5 text-xs font-medium text-muted-foreground">
            <MessageSquareReply aria-hidden="true" className="size-3.5" />
            Response from the creator
            {review.creatorRepliedAt ? (
              <span className="font-normal">
                · <Time iso={review.creatorRepliedAt} />
              </span>
            ) : null}
          </p>
          <p className="text-sm leading-relaxed wrap-anywhere whitespace-pre-line">
            {review.creatorReply}
          </p>
        </div>
      ) : canReply ? (
        <ReplyForm gptId={gptId} reviewId={review.id} />
      ) : null}
    </article>
  );
}
