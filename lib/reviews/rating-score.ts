import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { bayesianRating, DEFAULT_RATING_PRIOR_MEAN } from "../store/ranking";

/** The Prisma client or a transaction client: both have the models and raw queries used here. */
type Db = Prisma.TransactionClient;

/**
 * The reviews that count and show: not those of banned users (a banned spammer's one-star reviews
 * must not keep pulling down other creators' GPTs). Unbanning brings them back.
 */
export const countedReviewWhere = { user: { bannedAt: null } } satisfies Prisma.ReviewWhereInput;

/**
 * The instance-wide mean rating (Σ ratingSum / Σ ratingCount over every GPT): the Bayesian prior.
 * DEFAULT_RATING_PRIOR_MEAN while nobody has rated anything.
 */
export async function ratingPriorMean(db: Db): Promise<number> {
  const totals = await db.gpt.aggregate({ _sum: { ratingSum: true, ratingCount: true } });
  const count = totals._sum.ratingCount ?? 0;
  if (count <= 0) return DEFAULT_RATING_PRIOR_MEAN;
  return (totals._sum.ratingSum ?? 0) / count;
}

/**
 * Locks the GPT row for this transaction. Call it before writing the review: inserting a review
 * takes a key-share lock on its GPT (the foreign key), so two transactions that each insert and
 * then ask for FOR UPDATE wait on each other (a deadlock PostgreSQL 15 reported in CI). Taking
 * the row lock first makes them queue instead.
 */
export async function lockGptForRating(db: Db, gptId: string): Promise<void> {
  await db.$queryRaw`SELECT id FROM "Gpt" WHERE id = ${gptId} FOR UPDATE`;
}

/**
 * Recomputes a GPT's ratingCount, ratingSum and ratingScore from its counted Review rows. Call it
 * inside the transaction that changed a review: it locks the GPT row first, so two reviews written
 * at the same time are counted one after the other and the counters never drift from the rows.
 */
export async function updateGptRating(db: Db, gptId: string): Promise<void> {
  await lockGptForRating(db, gptId);
  const totals = await db.review.aggregate({
    where: { gptId, ...countedReviewWhere },
    _sum: { rating: true },
    _count: { _all: true },
  });
  const ratingCount = totals._count._all;
  const ratingSum = totals._sum.rating ?? 0;
  // Raw SQL so the review does not bump Gpt.updatedAt (that means "the creator edited it").
  await db.$executeRaw`
    UPDATE "Gpt" SET "ratingCount" = ${ratingCount}, "ratingSum" = ${ratingSum} WHERE id = ${gptId}`;
  // The prior is read after this GPT's own totals are written, so it includes them.
  const priorMean = await ratingPriorMean(db);
  const ratingScore = bayesianRating({ ratingSum, ratingCount, priorMean });
  await db.$executeRaw`UPDATE "Gpt" SET "ratingScore" = ${ratingScore} WHERE id = ${gptId}`;
}

/** Recounts every GPT a user reviewed, each under its own row lock (after a ban or an unban). */
export async function updateRatingsReviewedBy(userId: string): Promise<void> {
  const reviewed = await prisma.review.findMany({ where: { userId }, select: { gptId: true } });
  for (const { gptId } of reviewed) {
    await prisma.$transaction((tx) => updateGptRating(tx, gptId));
  }
}
