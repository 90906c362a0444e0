import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../gpts/parse-input";
import { lockGptForRating, updateGptRating } from "./rating-score";
import { loadReviewTarget } from "./review-target";
import { type ReviewInput, type ReviewItem, reviewInputSchema } from "./schemas";
import { reviewItemSelect, toReviewItem } from "./to-review-item";

export const NO_OWN_REVIEW = "You haven't reviewed this GPT yet.";

/**
 * Edits the actor's own review of a GPT (the author is in the where clause: nobody edits another
 * person's review). Having chatted is not re-checked: it was when the review was written. The
 * creator's reply stays; it answers the reviewer, who may have changed their mind.
 */
export async function updateReview({
  actor,
  gptId,
  input,
}: {
  actor: Actor;
  gptId: string;
  input: ReviewInput;
}): Promise<ReviewItem> {
  const data = parseInput(reviewInputSchema, input);
  return prisma.$transaction(async (tx) => {
    const gpt = await loadReviewTarget(tx, actor, gptId);
    await lockGptForRating(tx, gpt.id);
    const updated = await tx.review.updateManyAndReturn({
      where: { gptId: gpt.id, userId: actor.id },
      data: { rating: data.rating, body: data.body },
      select: { id: true },
    });
    if (updated.length === 0) throw new AppError("not_found", NO_OWN_REVIEW);
    await updateGptRating(tx, gpt.id);
    const review = await tx.review.findUniqueOrThrow({
      where: { id: updated[0].id },
      select: reviewItemSelect,
    });
    return toReviewItem(review, actor.id);
  });
}
