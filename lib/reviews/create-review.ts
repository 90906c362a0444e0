import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { isUniqueViolation } from "../db/is-unique-violation";
import { AppError } from "../errors";
import { parseInput } from "../gpts/parse-input";
import { reviewRefusalReason } from "./policy";
import { lockGptForRating, updateGptRating } from "./rating-score";
import { hasChattedWith, loadReviewTarget } from "./review-target";
import { type ReviewInput, type ReviewItem, reviewInputSchema } from "./schemas";
import { reviewItemSelect, toReviewItem } from "./to-review-item";

export const ALREADY_REVIEWED = "You already reviewed this GPT — edit your review.";

/**
 * Rates (and optionally reviews) a GPT the actor has chatted with. One review per user per GPT:
 * the unique (gptId, userId) index makes a second one a 409 even when two requests race. The GPT's
 * rating counters and score change in the same transaction.
 */
export async function createReview({
  actor,
  gptId,
  input,
}: {
  actor: Actor;
  gptId: string;
  input: ReviewInput;
}): Promise<ReviewItem> {
  const data = parseInput(reviewInputSchema, input);
  try {
    return await prisma.$transaction(async (tx) => {
      const gpt = await loadReviewTarget(tx, actor, gptId);
      await lockGptForRating(tx, gpt.id);
      const refusal = reviewRefusalReason(actor, gpt, await hasChattedWith(tx, actor.id, gpt.id));
      if (refusal) throw new AppError(refusal.code, refusal.message);
      const existing = await tx.review.findUnique({
        where: { gptId_userId: { gptId: gpt.id, userId: actor.id } },
        select: { id: true },
      });
      if (existing) throw new AppError("conflict", ALREADY_REVIEWED);
      const review = await tx.review.create({
        data: { gptId: gpt.id, userId: actor.id, rating: data.rating, body: data.body },
        select: reviewItemSelect,
      });
      await updateGptRating(tx, gpt.id);
      return toReviewItem(review, actor.id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", ALREADY_REVIEWED);
    throw error;
  }
}
