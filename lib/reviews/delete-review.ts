import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { lockGptForRating, updateGptRating } from "./rating-score";
import { loadReviewTarget } from "./review-target";
import { NO_OWN_REVIEW } from "./update-review";

/** Deletes the actor's own review of a GPT (with the creator's reply) and updates its rating. */
export async function deleteReview({
  actor,
  gptId,
}: {
  actor: Actor;
  gptId: string;
}): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const gpt = await loadReviewTarget(tx, actor, gptId);
    await lockGptForRating(tx, gpt.id);
    const deleted = await tx.review.deleteMany({ where: { gptId: gpt.id, userId: actor.id } });
    if (deleted.count === 0) throw new AppError("not_found", NO_OWN_REVIEW);
    await updateGptRating(tx, gpt.id);
  });
}
