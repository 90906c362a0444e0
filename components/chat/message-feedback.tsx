"use client";

import { ThumbsDown, ThumbsUp } from "lucide-react";
import { type ReactNode, useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { FeedbackRating, MessageFeedbackState } from "@/lib/chat/schemas";
import { useSaveMessageFeedback } from "@/lib/feedback/hooks";
import { FEEDBACK_COMMENT_MAX_CHARS } from "@/lib/feedback/schemas";
import { cn } from "@/lib/utils/cn";
import { MessageFeedbackComment } from "./message-feedback-comment";

/**
 * Thumbs up / down under an answer, and after one is chosen an optional note for the GPT's
 * creator. Pressing the chosen thumb again takes the feedback back. Changes show at once and are
 * rolled back (with a toast) if the server refuses them.
 */
export function MessageFeedback({
  messageId,
  gptName,
  initial,
  leading,
}: {
  messageId: string;
  /** The GPT that answered (whose creator reads the note). */
  gptName: string;
  initial?: MessageFeedbackState | null;
  /** Other answer actions, in the same row before the thumbs (copy, regenerate). */
  leading?: ReactNode;
}) {
  const [feedback, setFeedback] = useState<MessageFeedbackState | null>(initial ?? null);
  const [isEditing, setIsEditing] = useState(false);
  const save = useSaveMessageFeedback(messageId);
  const commentId = useId();

  function choose(rating: FeedbackRating) {
    // One save at a time: a comment save (which sends its rating) finishing after a newer thumb
    // would put the old thumb back.
    if (save.isPending) return;
    const previous = feedback;
    const isRemoving = previous?.rating === rating;
    const next = isRemoving ? null : { rating, comment: previous?.comment ?? null };
    setFeedback(next);
    setIsEditing(!isRemoving && !next?.comment);
    save.mutate(isRemoving ? null : { rating }, {
      onSuccess: (saved) => setFeedback(saved),
      onError: (error) => {
        setFeedback(previous);
        setIsEditing(false);
        toast.error(`Couldn't save your feedback. ${error.message}`);
      },
    });
  }

  async function saveComment(comment: string) {
    if (!feedback) return;
    try {
      const saved = await save.mutateAsync({ rating: feedback.rating, comment });
      setFeedback(saved);
      setIsEditing(false);
      toast.success(
        saved?.comment ? `Thanks! The creator of ${gptName} will see your note.` : "Note removed.",
      );
    } catch (error) {
      toast.error(`Couldn't save your note. ${(error as Error).message}`);
    }
  }

  const thumbs = [
    { rating: "UP" as const, label: "Good response", Icon: ThumbsUp },
    { rating: "DOWN" as const, label: "Bad response", Icon: ThumbsDown },
  ];
  return (
    <div className="mt-1 grid gap-2" data-testid="message-feedback">
      <div className="-ml-2 flex items-center gap-0.5">
        {leading}
        {thumbs.map(({ rating, label, Icon }) => {
          const isPressed = feedback?.rating === rating;
          return (
            <Button
              key={rating}
              type="button"
              variant="ghost"
              size="icon"
              className={cn("size-8 text-muted-foreground", isPressed && "text-foreground")}
              aria-label={label}
              aria-pressed={isPressed}
              // aria-disabled, not disabled: a disabled button drops keyboard focus.
              aria-disabled={save.isPending || undefined}
              onClick={() => choose(rating)}
            >
              <Icon className={cn("size-4", isPressed && "fill-current")} aria-hidden />
            </Button>
          );
        })}
        {feedback && !isEditing ? (
          <Button
            type="button"
            variant="link"
            size="sm"
            className="h-8 px-2 text-xs text-muted-foreground"
            onClick={() => setIsEditing(true)}
          >
            {feedback.comment ? "Edit note" : "Add a note"}
          </Button>
        ) : null}
      </div>
      {feedback && isEditing ? (
        <MessageFeedbackComment
          id={commentId}
          initialComment={feedback.comment ?? ""}
          maxLength={FEEDBACK_COMMENT_MAX_CHARS}
          isSaving={save.isPending}
          onSave={saveComment}
          onCancel={() => setIsEditing(false)}
        />
      ) : feedback?.comment ? (
        <p className="max-w-prose whitespace-pre-wrap wrap-anywhere rounded-lg bg-muted/60 px-3 py-2 text-xs text-muted-foreground">
          <span className="font-medium text-foreground">Your note to the creator: </span>
          {feedback.comment}
        </p>
      ) : null}
    </div>
  );
}
