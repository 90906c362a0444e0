"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { ApiError } from "@/lib/admin/api-client";
import { useCreateReview, useUpdateReview } from "@/lib/reviews/hooks";
import { REVIEW_LIMITS, type ReviewItem } from "@/lib/reviews/schemas";
import { CharacterCounter } from "./character-counter";
import { StarRatingInput } from "./star-rating-input";

/** "Rate this GPT" (no `existing`) or editing the viewer's own review. */
export function ReviewForm({
  gptId,
  existing,
  onDone,
}: {
  gptId: string;
  existing?: ReviewItem;
  onDone?: () => void;
}) {
  const router = useRouter();
  const textId = useId();
  const counterId = `${textId}-counter`;
  const [rating, setRating] = useState<number | null>(existing?.rating ?? null);
  const [body, setBody] = useState(existing?.body ?? "");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const create = useCreateReview(gptId);
  const update = useUpdateReview(gptId);
  const mutation = existing ? update : create;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!rating) {
      setErrors({ rating: ["Choose a rating from 1 to 5 stars."] });
      return;
    }
    setErrors({});
    // mutateAsync: the refetch after success swaps this form for the saved review, and callbacks
    // passed to mutate() are skipped once the form has unmounted.
    try {
      await mutation.mutateAsync({ gptId, input: { rating, body } });
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
      toast.error(error instanceof Error ? error.message : "The review was not saved.");
      return;
    }
    toast.success(existing ? "Your review was updated." : "Thanks for rating this GPT!");
    onDone?.();
    // The page's server-rendered rating (stats, cards) moves with the review.
    router.refresh();
  }

  const bodyError = errors.body?.[0];
  return (
    <form
      onSubmit={submit}
      className="grid gap-4 rounded-xl border bg-card p-4"
      aria-label={existing ? "Edit your review" : "Rate this GPT"}
      data-testid="review-form"
    >
      <StarRatingInput
        value={rating}
        onChange={(stars) => {
          setRating(stars);
          setErrors(({ rating: _rating, ...rest }) => rest);
        }}
        legend={existing ? "Your rating" : "Rate this GPT"}
        error={errors.rating?.[0]}
        disabled={mutation.isPending}
      />
      <div className="grid gap-2">
        <div className="flex items-baseline justify-between gap-2">
          <Label htmlFor={textId}>
            Review <span className="font-normal text-muted-foreground">(optional)</span>
          </Label>
          <CharacterCounter id={counterId} length={body.trim().length} limit={REVIEW_LIMITS.body} />
        </div>
        <Textarea
          id={textId}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          rows={3}
          placeholder="What worked well? What could be better?"
          aria-describedby={bodyError ? `${counterId} ${textId}-error` : counterId}
          aria-invalid={bodyError ? true : undefined}
          disabled={mutation.isPending}
        />
        {bodyError ? (
          <p id={`${textId}-error`} role="alert" className="text-sm font-medium text-destructive">
            {bodyError}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        {existing ? (
          <Button type="button" variant="outline" onClick={onDone} disabled={mutation.isPending}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" isLoading={mutation.isPending}>
          {existing ? "Save review" : "Submit rating"}
        </Button>
      </div>
    </form>
  );
}
