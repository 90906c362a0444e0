/**
 * Store ranking rules, pure so they can be unit-tested and mirrored in SQL (search and sorting run
 * in the database; lib/store/refresh-store-scores.ts writes the stored scores).
 */

/** How many "average" ratings every GPT starts with: one 5-star rating cannot outrank 100 × 4.8. */
export const RATING_PRIOR_WEIGHT = 10;
/** The prior's mean when the instance has no ratings yet. */
export const DEFAULT_RATING_PRIOR_MEAN = 3.5;

/**
 * Bayesian average: (C·m + Σ ratings) / (C + n), with C = RATING_PRIOR_WEIGHT and m the mean of
 * every rating on the instance. Zero ratings give 0 (not m): an unrated GPT is not "3.5 stars".
 */
export function bayesianRating({
  ratingSum,
  ratingCount,
  priorMean = DEFAULT_RATING_PRIOR_MEAN,
  priorWeight = RATING_PRIOR_WEIGHT,
}: {
  ratingSum: number;
  ratingCount: number;
  priorMean?: number;
  priorWeight?: number;
}): number {
  if (ratingCount <= 0) return 0;
  return (priorWeight * priorMean + ratingSum) / (priorWeight + ratingCount);
}

/** The plain mean shown next to the stars ("4.6"), one decimal; null when unrated. */
export function displayRating({
  ratingSum,
  ratingCount,
}: {
  ratingSum: number;
  ratingCount: number;
}): number | null {
  if (ratingCount <= 0) return null;
  return Math.round((ratingSum / ratingCount) * 10) / 10;
}

/** Trending looks back this far and halves a user's weight every TRENDING_HALF_LIFE_DAYS. */
export const TRENDING_WINDOW_DAYS = 7;
export const TRENDING_HALF_LIFE_DAYS = 2;

/**
 * One user's contribution to a GPT's trending score: each distinct user counts once, weighted by
 * how recently they last started a conversation with it (1 now, 0.5 two days ago, 0 after 7 days).
 */
export function trendingWeight(ageDays: number): number {
  if (ageDays < 0) return 1;
  if (ageDays > TRENDING_WINDOW_DAYS) return 0;
  return 0.5 ** (ageDays / TRENDING_HALF_LIFE_DAYS);
}

/** A GPT's trending score from the ages (in days) of each distinct user's latest conversation. */
export function trendingScore(latestAgeDaysPerUser: number[]): number {
  return latestAgeDaysPerUser.reduce((sum, age) => sum + trendingWeight(age), 0);
}
