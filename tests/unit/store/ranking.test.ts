import { describe, expect, it } from "vitest";
import {
  bayesianRating,
  DEFAULT_RATING_PRIOR_MEAN,
  displayRating,
  TRENDING_WINDOW_DAYS,
  trendingScore,
  trendingWeight,
} from "@/lib/store/ranking";

describe("[STORE]: Bayesian rating", () => {
  it("[STORE]: one 5-star rating does not outrank a hundred 4.8-star ratings", () => {
    const single = bayesianRating({ ratingSum: 5, ratingCount: 1, priorMean: 4 });
    const hundred = bayesianRating({ ratingSum: 480, ratingCount: 100, priorMean: 4 });
    expect(hundred).toBeGreaterThan(single);
  });

  it("[STORE]: an unrated GPT scores 0, not the prior mean", () => {
    expect(bayesianRating({ ratingSum: 0, ratingCount: 0 })).toBe(0);
    expect(displayRating({ ratingSum: 0, ratingCount: 0 })).toBeNull();
  });

  it("[STORE]: with few ratings the score stays near the prior, with many it nears the mean", () => {
    const few = bayesianRating({
      ratingSum: 2,
      ratingCount: 2,
      priorMean: DEFAULT_RATING_PRIOR_MEAN,
    });
    const many = bayesianRating({ ratingSum: 1000, ratingCount: 1000 });
    expect(few).toBeGreaterThan(3);
    expect(many).toBeLessThan(1.1);
  });

  it("[STORE]: the displayed rating is the plain mean to one decimal", () => {
    expect(displayRating({ ratingSum: 14, ratingCount: 3 })).toBe(4.7);
  });
});

describe("[STORE]: trending weights", () => {
  it("[STORE]: a recent user weighs more than an older one, halving every two days", () => {
    expect(trendingWeight(0)).toBe(1);
    expect(trendingWeight(2)).toBeCloseTo(0.5);
    expect(trendingWeight(1)).toBeGreaterThan(trendingWeight(5));
  });

  it("[STORE]: users older than the seven-day window count for nothing", () => {
    expect(trendingWeight(TRENDING_WINDOW_DAYS + 0.01)).toBe(0);
    expect(trendingWeight(TRENDING_WINDOW_DAYS)).toBeGreaterThan(0);
  });

  it("[STORE]: the score sums one weight per distinct user", () => {
    expect(trendingScore([0, 2])).toBeCloseTo(1.5);
    expect(trendingScore([])).toBe(0);
  });
});
