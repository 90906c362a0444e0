"use client";

import { ThumbsDown, ThumbsUp } from "lucide-react";
import type { GptFeedbackItem } from "@/lib/feedback/schemas";
import { cn } from "@/lib/utils/cn";
import { formatAbsoluteTime, formatRelativeTime } from "@/lib/utils/format-time";

/** One rating: the thumb, when, the note (if any) and the start of the answer it was about. */
export function FeedbackItem({ item }: { item: GptFeedbackItem }) {
  const isUp = item.rating === "UP";
  const Icon = isUp ? ThumbsUp : ThumbsDown;
  return (
    <li className="grid gap-2 rounded-xl border p-3 sm:p-4" data-testid="feedback-item">
      <div className="flex items-center gap-2 text-sm">
        <span
          className={cn(
            "inline-flex size-7 items-center justify-center rounded-full",
            isUp
              ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
              : "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-200",
          )}
        >
          <Icon className="size-3.5" aria-hidden />
        </span>
        <span className="font-medium">{isUp ? "Good response" : "Bad response"}</span>
        <time
          className="ml-auto text-xs text-muted-foreground"
          dateTime={item.updatedAt}
          title={formatAbsoluteTime(item.updatedAt)}
        >
          {formatRelativeTime(item.updatedAt)}
        </time>
      </div>
      {item.comment ? (
        <p className="whitespace-pre-wrap wrap-anywhere text-sm">{item.comment}</p>
      ) : (
        <p className="text-sm text-muted-foreground italic">No note</p>
      )}
      {item.excerpt ? (
        <blockquote className="line-clamp-3 border-l-2 pl-3 text-xs text-muted-foreground">
          <span className="sr-only">Answer: </span>
          {item.excerpt}
        </blockquote>
      ) : null}
    </li>
  );
}
