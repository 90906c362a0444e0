import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../gpts/parse-input";
import { dispatchEmail } from "../mail/send-email";
import { notify } from "../notifications/notify";
import { canReplyToReview, REVIEW_REFUSALS } from "./policy";
import { loadReviewTarget } from "./review-target";
import { type ReplyInput, type ReviewItem, replyInputSchema } from "./schemas";
import { reviewItemSelect, toReviewItem } from "./to-review-item";

export const ALREADY_REPLIED = "You already replied to this review.";

/**
 * The creator's one public reply to a review. "Once" is enforced in the update's where clause
 * (creatorReply IS NULL), so two replies sent at the same time give one reply and one 409. The
 * reviewer is notified (in the app, and by email if they keep that on).
 */
export async function replyToReview({
  actor,
  reviewId,
  input,
}: {
  actor: Actor;
  reviewId: string;
  input: ReplyInput;
}): Promise<ReviewItem> {
  const data = parseInput(replyInputSchema, input);
  const { item, email } = await prisma.$transaction(async (tx) => {
    const review = await tx.review.findUnique({
      where: { id: reviewId },
      select: { id: true, gptId: true },
    });
    if (!review) throw new AppError("not_found", "This review no longer exists.");
    const gpt = await loadReviewTarget(tx, actor, review.gptId);
    if (!canReplyToReview(actor, gpt)) throw new AppError("forbidden", REVIEW_REFUSALS.notCreator);
    // Raw SQL keeps Review.updatedAt meaning "the reviewer edited it" (reviews sort by it).
    const updatedCount = await tx.$executeRaw`
      UPDATE "Review" SET "creatorReply" = ${data.body}, "creatorRepliedAt" = now()
      WHERE id = ${review.id} AND "creatorReply" IS NULL`;
    if (updatedCount === 0) throw new AppError("conflict", ALREADY_REPLIED);
    const row = await tx.review.findUniqueOrThrow({
      where: { id: review.id },
      select: reviewItemSelect,
    });
    const listing = await tx.gpt.findUniqueOrThrow({
      where: { id: review.gptId },
      select: { name: true, slug: true },
    });
    const email = await notify(tx, {
      userId: row.userId,
      kind: "review.replied",
      title: `The creator of ${listing.name} replied to your review`,
      body: data.body,
      href: `/g/${listing.slug}`,
    });
    return { item: toReviewItem(row, actor.id), email };
  });
  if (email) await dispatchEmail(email);
  return item;
}
