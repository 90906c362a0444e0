import { describe, expect, it } from "vitest";
import {
  SEARCH_RATING_WEIGHT,
  SEARCH_USAGE_WEIGHT,
  searchQuality,
  searchScore,
} from "@/lib/store/search-rank";

const base = { similarity: 1, textRank: 0.3, ratingScore: 0, ratingCount: 0, conversationCount: 0 };

describe("[STORE]: search ranking (relevance × quality)", () => {
  it("[STORE]: among equally relevant matches the better rated comes first", () => {
    const better = searchScore({ ...base, ratingScore: 4.6, ratingCount: 40 });
    const worse = searchScore({ ...base, ratingScore: 3.1, ratingCount: 40 });
    expect(better).toBeGreaterThan(worse);
  });

  it("[STORE]: among equally relevant and rated matches the more used comes first", () => {
    expect(searchScore({ ...base, conversationCount: 500 })).toBeGreaterThan(
      searchScore({ ...base, conversationCount: 5 }),
    );
  });

  it("[STORE]: an unrated GPT ranks as neutral: above a poorly rated one, below a well rated one", () => {
    const unrated = searchScore(base);
    expect(unrated).toBeGreaterThan(searchScore({ ...base, ratingScore: 2, ratingCount: 30 }));
    expect(unrated).toBeLessThan(searchScore({ ...base, ratingScore: 4.5, ratingCount: 30 }));
  });

  it("[STORE]: a name match (full text) outranks a typo-only match of equal quality", () => {
    const fullText = searchScore({ ...base, similarity: 1, textRank: 0.4 });
    const typoOnly = searchScore({ ...base, similarity: 0.5, textRank: 0 });
    expect(fullText).toBeGreaterThan(typoOnly);
  });

  it("[STORE]: popularity cannot lift a weak match above a strong unused one", () => {
    const strongUnused = searchScore({ ...base, similarity: 1, textRank: 0.4 });
    const weakPopular = searchScore({
      ...base,
      similarity: 0.45,
      textRank: 0,
      ratingScore: 5,
      ratingCount: 1000,
      conversationCount: 1_000_000,
    });
    expect(strongUnused).toBeGreaterThan(weakPopular);
  });

  it("[STORE]: quality stays between 1 and 1 + the rating and usage weights", () => {
    expect(searchQuality({ ratingScore: 1, ratingCount: 5, conversationCount: 0 })).toBe(1);
    expect(
      searchQuality({ ratingScore: 5, ratingCount: 5, conversationCount: 10_000_000 }),
    ).toBeCloseTo(1 + SEARCH_RATING_WEIGHT + SEARCH_USAGE_WEIGHT);
  });
});
