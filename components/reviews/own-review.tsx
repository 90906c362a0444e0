"use client";

import { Pencil, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { useDeleteReview } from "@/lib/reviews/hooks";
import type { ReviewItem } from "@/lib/reviews/schemas";
import { ReviewCard } from "./review-card";
import { ReviewForm } from "./review-form";

/** The viewer's own review, pinned above the list, with Edit and Delete (after a confirmation). */
export function OwnReview({ gptId, review }: { gptId: string; review: ReviewItem }) {
  const router = useRouter();
  const [isEditing, setIsEditing] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const remove = useDeleteReview(gptId);

  if (isEditing) {
    return <ReviewForm gptId={gptId} existing={review} onDone={() => setIsEditing(false)} />;
  }

  // mutateAsync: the refetch after success removes this review, and callbacks passed to
  // mutate() are skipped once it has unmounted.
  async function confirmDelete() {
    try {
      await remove.mutateAsync({ gptId });
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "The review was not deleted.");
      return;
    }
    setIsConfirming(false);
    toast.success("Your review was deleted.");
    // The page's server-rendered rating (stats, cards) moves with the review.
    router.refresh();
  }

  const actions = (
    <>
      <Button variant="ghost" size="sm" onClick={() => setIsEditing(true)}>
        <Pencil aria-hidden="true" />
        Edit
      </Button>
      <AlertDialog
        open={isConfirming}
        onOpenChange={(open) => !remove.isPending && setIsConfirming(open)}
      >
        <AlertDialogTrigger asChild>
          <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive">
            <Trash2 aria-hidden="true" />
            Delete
          </Button>
        </AlertDialogTrigger>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Delete your review?</AlertDialogTitle>
            <AlertDialogDescription>
              Your rating and review (and any reply from the creator) will be removed. You can rate
              this GPT again later.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel disabled={remove.isPending}>Cancel</AlertDialogCancel>
            <Button variant="destructive" isLoading={remove.isPending} onClick={confirmDelete}>
              Delete review
            </Button>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );

  return (
    <div className="rounded-xl border bg-card px-4" data-testid="own-review">
      <ReviewCard review={review} gptId={gptId} canReply={false} actions={actions} />
    </div>
  );
}
