import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { displayRating } from "../store/ranking";
import { reviewRefusalReason } from "./policy";
import { countedReviewWhere } from "./rating-score";
import { hasChattedWith, loadReviewTarget, type ReviewTarget } from "./review-target";
import { type RatingSummary, REVIEW_LIMITS, type ReviewsPage, type ReviewViewer } from "./schemas";
import { reviewItemSelect, toReviewItem } from "./to-review-item";

const STARS = [5, 4, 3, 2, 1] as const;

/**
 * One page of a GPT's reviews (most recently written first), its rating summary, and what the
 * viewer may do. Anyone who can view the GPT can read its reviews; signed-out visitors too.
 */
export async function getGptReviews({
  actor,
  gptId,
  page,
}: {
  actor: Actor | null;
  gptId: string;
  page: number;
}): Promise<ReviewsPage> {
  const gpt = await loadReviewTarget(prisma, actor, gptId, { forRead: true });
  const pageSize = REVIEW_LIMITS.pageSize;
  const [rows, summary, viewer] = await Promise.all([
    prisma.review.findMany({
      where: { gptId: gpt.id, ...countedReviewWhere },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      // One extra row tells whether there is a next page without a count query.
      take: pageSize + 1,
      select: reviewItemSelect,
    }),
    ratingSummary(gpt.id),
    reviewViewer(actor, gpt),
  ]);
  return {
    summary,
    reviews: rows.slice(0, pageSize).map((row) => toReviewItem(row, actor?.id ?? null)),
    page,
    nextPage: rows.length > pageSize ? page + 1 : null,
    viewer,
  };
}

async function ratingSummary(gptId: string): Promise<RatingSummary> {
  const groups = await prisma.review.groupBy({
    by: ["rating"],
    where: { gptId, ...countedReviewWhere },
    _count: { _all: true },
  });
  const countOf = (stars: number) =>
    groups.find((group) => group.rating === stars)?._count._all ?? 0;
  const count = groups.reduce((sum, group) => sum + group._count._all, 0);
  const ratingSum = groups.reduce((sum, group) => sum + group.rating * group._count._all, 0);
  return {
    average: displayRating({ ratingSum, ratingCount: count }),
    count,
    distribution: STARS.map((stars) => ({ stars, count: countOf(stars) })),
  };
}

async function reviewViewer(actor: Actor | null, gpt: ReviewTarget): Promise<ReviewViewer> {
  const isCreator = actor !== null && actor.id === gpt.ownerId;
  if (gpt.isRemoved) {
    const reason = "This GPT was removed by an admin.";
    return { canReview: false, reason, isCreator: false, ownReview: null };
  }
  if (!actor || isCreator) {
    const refusal = reviewRefusalReason(actor, gpt, false);
    return { canReview: false, reason: refusal?.message ?? null, isCreator, ownReview: null };
  }
  const [own, hasChatted] = await Promise.all([
    prisma.review.findUnique({
      where: { gptId_userId: { gptId: gpt.id, userId: actor.id } },
      select: reviewItemSelect,
    }),
    hasChattedWith(prisma, actor.id, gpt.id),
  ]);
  if (own) {
    return { canReview: false, reason: null, isCreator, ownReview: toReviewItem(own, actor.id) };
  }
  const refusal = reviewRefusalReason(actor, gpt, hasChatted);
  return {
    canReview: refusal === null,
    reason: refusal?.message ?? null,
    isCreator,
    ownReview: null,
  };
}
