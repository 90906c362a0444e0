"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";

/** The optional note that goes with a thumb: only the GPT's creator reads it. */
export function MessageFeedbackComment({
  id,
  initialComment,
  maxLength,
  isSaving,
  onSave,
  onCancel,
}: {
  id: string;
  initialComment: string;
  maxLength: number;
  isSaving: boolean;
  onSave: (comment: string) => void;
  onCancel: () => void;
}) {
  const [comment, setComment] = useState(initialComment);
  const isTooLong = comment.length > maxLength;
  return (
    <form
      className="grid max-w-prose gap-2 rounded-xl border bg-card p-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (!isTooLong) onSave(comment.trim());
      }}
    >
      <label htmlFor={id} className="text-xs font-medium">
        Tell the creator what was good or bad — only they see it
      </label>
      <Textarea
        id={id}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") onCancel();
        }}
        rows={3}
        maxLength={maxLength}
        aria-describedby={`${id}-count`}
        placeholder="Optional"
        className="min-h-16 text-sm"
        autoFocus
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span id={`${id}-count`} className="text-xs text-muted-foreground">
          {comment.length.toLocaleString("en-US")} / {maxLength.toLocaleString("en-US")}
        </span>
        <span className="flex gap-2">
          <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
            {initialComment ? "Cancel" : "Skip"}
          </Button>
          <Button type="submit" size="sm" isLoading={isSaving} disabled={isTooLong}>
            Send to creator
          </Button>
        </span>
      </div>
    </form>
  );
}
