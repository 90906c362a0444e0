"use client";

import { Check, X } from "lucide-react";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { ApiError } from "@/lib/admin/api-client";
import { useApproveReview, useRejectReview } from "@/lib/moderation/review/hooks";
import { REVIEW_LIMITS, type ReviewQueueRow } from "@/lib/moderation/review/schemas";

type Mode = "approve" | "reject";

/** Approve (optional note) or Reject (a reason of 10+ characters), each confirmed in a dialog. */
export function ReviewDecisionButtons({ review }: { review: ReviewQueueRow }) {
  const [mode, setMode] = useState<Mode | null>(null);
  const name = review.gpt.name;
  const isBlocked = review.gpt.status === "REMOVED" || review.gpt.status === "UNLISTED";
  return (
    <div className="flex flex-wrap gap-2 border-t pt-3 sm:justify-end">
      <Button
        variant="outline"
        className="text-destructive hover:text-destructive"
        onClick={() => setMode("reject")}
        aria-label={`Reject ${name}`}
      >
        <X aria-hidden="true" />
        Reject
      </Button>
      <Button
        onClick={() => setMode("approve")}
        disabled={isBlocked}
        aria-label={`Approve ${name}`}
        title={isBlocked ? "Restore this GPT before approving its listing." : undefined}
      >
        <Check aria-hidden="true" />
        Approve
      </Button>
      <Dialog open={mode !== null} onOpenChange={(open) => !open && setMode(null)}>
        <DialogContent className="sm:max-w-lg">
          {mode ? <DecisionForm review={review} mode={mode} onDone={() => setMode(null)} /> : null}
        </DialogContent>
      </Dialog>
    </div>
  );
}

function DecisionForm({
  review,
  mode,
  onDone,
}: {
  review: ReviewQueueRow;
  mode: Mode;
  onDone: () => void;
}) {
  const approve = useApproveReview();
  const reject = useRejectReview();
  const mutation = mode === "approve" ? approve : reject;
  const [text, setText] = useState("");
  const [clientError, setClientError] = useState<string | null>(null);
  const serverError =
    mutation.error instanceof ApiError
      ? (mutation.error.fieldErrors[mode === "approve" ? "note" : "reason"]?.[0] ?? null)
      : null;
  const name = review.gpt.name;
  const isReject = mode === "reject";
  const fieldId = `review-${review.id}-${mode}`;

  // mutateAsync: the refetch after success drops this card (and its dialog); callbacks passed
  // to mutate() would be skipped once it has unmounted.
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = text.trim();
    if (isReject && value.length < REVIEW_LIMITS.reasonMin) {
      setClientError(
        `Explain the reason in at least ${REVIEW_LIMITS.reasonMin} characters: the creator needs it to fix the listing.`,
      );
      return;
    }
    setClientError(null);
    try {
      if (isReject) {
        await reject.mutateAsync({ reviewId: review.id, input: { reason: value } });
        toast.success(`${name} was rejected. Its creator was told why.`);
      } else {
        await approve.mutateAsync({
          reviewId: review.id,
          input: value ? { note: value } : {},
        });
        toast.success(`${name} is listed in the store.`);
      }
      onDone();
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      // A field error stays in the form; anything else (409 already decided) closes it.
      if (apiError && Object.keys(apiError.fieldErrors).length > 0) return;
      toast.error(error instanceof Error ? error.message : "The decision could not be saved.");
      onDone();
    }
  }

  return (
    <form className="grid gap-5" onSubmit={onSubmit} noValidate>
      <DialogHeader>
        <DialogTitle>{isReject ? `Reject “${name}”?` : `Approve “${name}”?`}</DialogTitle>
        <DialogDescription>
          {isReject
            ? "It stays out of the store (it keeps working by link). Its creator is notified with your reason and can resubmit."
            : "It is listed in the store at once, and its creator is notified."}
        </DialogDescription>
      </DialogHeader>
      <Field
        id={fieldId}
        label={isReject ? "Reason (shown to the creator)" : "Note for the creator (optional)"}
        description={
          isReject
            ? "Say what breaks the store’s rules and what to change."
            : "Added to the approval notification."
        }
        error={clientError ?? serverError}
        isRequired={isReject}
      >
        <Textarea
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            // The message was about the old text.
            setClientError(null);
            if (mutation.isError) mutation.reset();
          }}
          rows={4}
          maxLength={isReject ? REVIEW_LIMITS.reason : REVIEW_LIMITS.note}
          required={isReject}
        />
      </Field>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone} disabled={mutation.isPending}>
          Cancel
        </Button>
        <Button
          type="submit"
          variant={isReject ? "destructive" : "default"}
          isLoading={mutation.isPending}
        >
          {isReject ? "Reject listing" : "Approve listing"}
        </Button>
      </DialogFooter>
    </form>
  );
}
