import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { ratingPriorMean } from "../reviews/rating-score";
import { invalidateStoreListings } from "./listing-cache";
import { RATING_PRIOR_WEIGHT, TRENDING_HALF_LIFE_DAYS, TRENDING_WINDOW_DAYS } from "./ranking";

/** The Prisma client or a transaction client. */
type DatabaseClient = Prisma.TransactionClient;

/**
 * Recomputes every GPT's trendingScore, mirroring trendingWeight/trendingScore of
 * lib/store/ranking.ts: each distinct user of the last TRENDING_WINDOW_DAYS (store conversations
 * only, never draft previews) counts once, weighted 0.5^(age / half-life) by the age of their
 * latest conversation; GPTs nobody used in the window get 0. One statement for all GPTs; rows
 * whose score does not change are not written.
 */
export async function refreshTrendingScores({
  now = new Date(),
  db = prisma,
}: {
  now?: Date;
  db?: DatabaseClient;
} = {}): Promise<number> {
  const windowStart = new Date(now.getTime() - TRENDING_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  return db.$executeRaw`
    WITH latest AS (
      SELECT c."gptId", c."userId", max(c."createdAt") AS "at"
      FROM "Conversation" c
      WHERE c."isPreview" = false AND c."createdAt" >= ${windowStart}
      GROUP BY c."gptId", c."userId"
    ), scores AS (
      SELECT "gptId",
        sum(power(0.5::float8,
          GREATEST(0, extract(epoch FROM (${now}::timestamp - "at")) / 86400.0)
          / ${TRENDING_HALF_LIFE_DAYS}::float8)) AS "score"
      FROM latest
      GROUP BY "gptId"
    )
    UPDATE "Gpt" g
    SET "trendingScore" = coalesce(s."score", 0)
    FROM "Gpt" g2
    LEFT JOIN scores s ON s."gptId" = g2."id"
    WHERE g2."id" = g."id" AND g."trendingScore" IS DISTINCT FROM coalesce(s."score", 0)`;
}

/**
 * Recomputes every GPT's ratingScore (Bayesian, see bayesianRating in lib/store/ranking.ts) against
 * the current instance-wide prior mean. Reviews update their own GPT at once
 * (lib/reviews/rating-score.ts); this pass moves every other GPT as the prior drifts.
 */
export async function refreshRatingScores({
  db = prisma,
}: {
  db?: DatabaseClient;
} = {}): Promise<number> {
  const priorMean = await ratingPriorMean(db);
  return db.$executeRaw`
    WITH target AS (
      SELECT "id",
        CASE WHEN "ratingCount" > 0
          THEN (${RATING_PRIOR_WEIGHT}::float8 * ${priorMean}::float8 + "ratingSum")
               / (${RATING_PRIOR_WEIGHT}::float8 + "ratingCount")
          ELSE 0 END AS "score"
      FROM "Gpt"
    )
    UPDATE "Gpt" g SET "ratingScore" = t."score"
    FROM target t
    WHERE t."id" = g."id" AND g."ratingScore" IS DISTINCT FROM t."score"`;
}

/** The store-scores job: trending, then ratings. */
export async function refreshStoreScores({ now = new Date() }: { now?: Date } = {}) {
  const trendingUpdated = await refreshTrendingScores({ now });
  const ratingUpdated = await refreshRatingScores();
  if (trendingUpdated + ratingUpdated > 0) invalidateStoreListings();
  return { trendingUpdated, ratingUpdated };
}
