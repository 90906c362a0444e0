"use client";

import { MessageSquareText, ThumbsDown, ThumbsUp } from "lucide-react";
import { useState } from "react";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { useGptFeedback } from "@/lib/feedback/hooks";
import type { FeedbackRating } from "@/lib/feedback/schemas";
import { cn } from "@/lib/utils/cn";
import { FeedbackItem } from "./feedback-item";

type Filter = "ALL" | FeedbackRating;

/**
 * The creator's view of the thumbs their GPT's answers received, with the notes people left.
 * Private to the creator; it never says who gave the feedback.
 */
export function GptFeedbackDialog({
  gptId,
  gptName,
  open,
  onOpenChange,
}: {
  gptId: string;
  gptName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const feedback = useGptFeedback(gptId, open);
  const [filter, setFilter] = useState<Filter>("ALL");
  const items = (feedback.data?.items ?? []).filter(
    (item) => filter === "ALL" || item.rating === filter,
  );
  const totals = feedback.data?.totals;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-2xl" data-testid="gpt-feedback-dialog">
        <DialogHeader>
          <DialogTitle>Feedback on {gptName || "your GPT"}</DialogTitle>
          <DialogDescription>
            Thumbs and notes people left on its answers. Only you see them, and never who sent them.
          </DialogDescription>
        </DialogHeader>
        {feedback.isPending ? (
          <div className="grid gap-3" role="status" aria-label="Loading feedback">
            <Skeleton className="h-9 w-56" />
            <Skeleton className="h-20" />
            <Skeleton className="h-20" />
          </div>
        ) : feedback.isError ? (
          <LoadErrorAlert
            title="Couldn't load the feedback"
            message={feedback.error.message}
            isRetrying={feedback.isFetching}
            onRetry={() => feedback.refetch()}
          />
        ) : totals && totals.up + totals.down === 0 ? (
          <EmptyState
            icon={MessageSquareText}
            title="No feedback yet"
            titleAs="p"
            description="When people rate this GPT's answers with a thumbs up or down, their ratings and notes show up here."
          />
        ) : (
          <>
            <fieldset className="flex flex-wrap gap-2" data-testid="feedback-totals">
              <legend className="sr-only">Show</legend>
              {(
                [
                  { value: "ALL", label: "All", count: (totals?.up ?? 0) + (totals?.down ?? 0) },
                  { value: "UP", label: "Good", count: totals?.up ?? 0, Icon: ThumbsUp },
                  { value: "DOWN", label: "Bad", count: totals?.down ?? 0, Icon: ThumbsDown },
                ] as const
              ).map((option) => (
                <button
                  key={option.value}
                  type="button"
                  aria-pressed={filter === option.value}
                  onClick={() => setFilter(option.value)}
                  className={cn(
                    "inline-flex h-8 items-center gap-1.5 rounded-full border px-3 text-xs font-medium outline-none transition-colors hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring",
                    filter === option.value &&
                      "border-primary bg-primary text-primary-foreground hover:bg-primary/90",
                  )}
                >
                  {"Icon" in option ? <option.Icon className="size-3.5" aria-hidden /> : null}
                  {option.label}
                  <span className="tabular-nums">{option.count.toLocaleString("en-US")}</span>
                </button>
              ))}
            </fieldset>
            {items.length === 0 ? (
              <p className="py-6 text-center text-sm text-muted-foreground">
                No {filter === "UP" ? "thumbs up" : "thumbs down"} among the latest feedback.
              </p>
            ) : (
              <ul className="grid gap-3" aria-label="Latest feedback">
                {items.map((item) => (
                  <FeedbackItem key={item.id} item={item} />
                ))}
              </ul>
            )}
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
