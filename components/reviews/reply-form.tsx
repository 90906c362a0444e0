"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useReplyToReview } from "@/lib/reviews/hooks";
import { REVIEW_LIMITS } from "@/lib/reviews/schemas";
import { CharacterCounter } from "./character-counter";

/** The creator's one public reply, behind a "Reply" button so the list stays quiet. */
export function ReplyForm({ gptId, reviewId }: { gptId: string; reviewId: string }) {
  const router = useRouter();
  const id = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const reply = useReplyToReview(gptId);

  if (!isOpen) {
    return (
      <Button variant="ghost" size="sm" className="w-fit" onClick={() => setIsOpen(true)}>
        Reply
      </Button>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) {
      setError("Write a reply.");
      return;
    }
    // mutateAsync: the refetch after success replaces this form with the reply, and callbacks
    // passed to mutate() are skipped once the form has unmounted.
    try {
      await reply.mutateAsync({ reviewId, input: { body } });
    } catch (failure) {
      const message = failure instanceof Error ? failure.message : "The reply was not saved.";
      setError(message);
      toast.error(message);
      return;
    }
    toast.success("Your reply is public under the review.");
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="grid gap-2" aria-label="Reply to this review">
      <div className="flex items-baseline justify-between gap-2">
        <Label htmlFor={id}>Your public reply</Label>
        <CharacterCounter
          id={`${id}-counter`}
          length={body.trim().length}
          limit={REVIEW_LIMITS.reply}
        />
      </div>
      <Textarea
        id={id}
        value={body}
        rows={2}
        onChange={(event) => setBody(event.target.value)}
        aria-describedby={error ? `${id}-counter ${id}-error` : `${id}-counter`}
        aria-invalid={error ? true : undefined}
        disabled={reply.isPending}
        autoFocus
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => setIsOpen(false)}
          disabled={reply.isPending}
        >
          Cancel
        </Button>
        <Button type="submit" size="sm" isLoading={reply.isPending}>
          Post reply
        </Button>
      </div>
    </form>
  );
}
