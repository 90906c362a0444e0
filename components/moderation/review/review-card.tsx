"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import type { ReviewQueueRow } from "@/lib/moderation/review/schemas";
import { ReviewDecisionButtons } from "./review-decision-buttons";
import { ReviewFlags } from "./review-flags";
import { ReviewTime } from "./review-time";

const STATUS_BADGE = {
  UNLISTED: { label: "Unlisted by a moderator", variant: "warning" },
  REMOVED: { label: "Removed by a moderator", variant: "destructive" },
} as const;

/** One review: the GPT, what the checks found, the listing as the store would show it, and the decision. */
export function ReviewCard({ review }: { review: ReviewQueueRow }) {
  const { gpt, listing } = review;
  const headingId = `review-${review.id}-title`;
  const statusBadge =
    gpt.status === "UNLISTED" || gpt.status === "REMOVED" ? STATUS_BADGE[gpt.status] : null;
  return (
    <li
      aria-labelledby={headingId}
      className="grid gap-4 rounded-xl border bg-card p-4 sm:p-5"
      data-testid="review-card"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 items-center gap-3">
          <span aria-hidden="true" className="flex">
            <GptAvatar name={gpt.name} src={gpt.avatarUrl} color={gpt.avatarColor} />
          </span>
          <div className="grid min-w-0">
            <h2 id={headingId} className="truncate text-base font-semibold">
              <Link
                href={`/g/${gpt.slug}`}
                className="underline-offset-4 hover:underline"
                data-testid="review-gpt-link"
              >
                {gpt.name}
              </Link>
            </h2>
            <span className="truncate text-sm text-muted-foreground" title={gpt.creatorEmail}>
              by {gpt.creatorName} · {gpt.creatorEmail}
            </span>
          </div>
        </div>
        <div className="grid justify-items-start gap-1 text-xs text-muted-foreground sm:justify-items-end">
          <span>
            Submitted <ReviewTime iso={review.submittedAt} />
            {listing.versionNumber ? ` · version ${listing.versionNumber}` : ""}
          </span>
          {statusBadge ? <Badge variant={statusBadge.variant}>{statusBadge.label}</Badge> : null}
        </div>
      </div>

      <section aria-label="Automatic checks" className="grid gap-2">
        <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">
          Checks
        </h3>
        <ReviewFlags flags={review.flags} />
      </section>

      <section aria-label="Listing" className="grid gap-2 text-sm">
        <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">
          Listing
        </h3>
        <p className="wrap-anywhere whitespace-pre-line">
          {listing.description || (
            <span className="text-muted-foreground italic">No description</span>
          )}
        </p>
        {listing.conversationStarters.length > 0 ? (
          <div className="grid gap-1">
            <span className="text-muted-foreground">Conversation starters</span>
            <ul className="flex flex-wrap gap-1.5">
              {listing.conversationStarters.map((starter) => (
                <li key={starter} className="rounded-md border px-2 py-1 wrap-anywhere">
                  {starter}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {listing.actionDomains.length > 0 ? (
          <p>
            <span className="text-muted-foreground">Actions call </span>
            {listing.actionDomains.join(", ")}
          </p>
        ) : null}
      </section>

      {review.status === "PENDING" ? (
        <ReviewDecisionButtons review={review} />
      ) : (
        <ReviewOutcome review={review} />
      )}
    </li>
  );
}

function ReviewOutcome({ review }: { review: ReviewQueueRow }) {
  const isApproved = review.status === "APPROVED";
  return (
    <div className="grid gap-1 border-t pt-3 text-sm" data-testid="review-outcome">
      <div className="flex flex-wrap items-center gap-2 text-muted-foreground">
        <Badge variant={isApproved ? "success" : "destructive"}>
          {isApproved ? "Approved" : "Rejected"}
        </Badge>
        {review.decision?.decidedByName ? <span>by {review.decision.decidedByName}</span> : null}
        {review.decidedAt ? <ReviewTime iso={review.decidedAt} /> : null}
      </div>
      {review.decision?.reason ? (
        <p className="wrap-anywhere">
          <span className="text-muted-foreground">{isApproved ? "Note: " : "Reason: "}</span>
          {review.decision.reason}
        </p>
      ) : null}
    </div>
  );
}
