import { DEFAULT_RATING_PRIOR_MEAN } from "./ranking";

/**
 * How search orders its matches: relevance × quality. Pure, so the rules are unit-tested; the same
 * formula runs in SQL (searchScoreSql in lib/store/search.ts) over every match before paging.
 *
 * relevance = similarity + SEARCH_TEXT_RANK_WEIGHT · textRank
 *   similarity: pg_trgm word_similarity(query, searchText), 0-1 (typo tolerant: "wrting" ≈ 0.5)
 *   textRank:   ts_rank(searchVector, websearch_to_tsquery(query), 32), 0-1; 0 without a full-text
 *               match. The name is weighted A, category and creator B, description C, so a name
 *               match outranks the same words in a description.
 * quality   = 1 + SEARCH_RATING_WEIGHT · (rating − 1) / 4
 *               + SEARCH_USAGE_WEIGHT · min(1, ln(1 + conversations) / ln(1 + SEARCH_USAGE_SATURATION))
 *   rating: the Bayesian ratingScore; an unrated GPT counts as DEFAULT_RATING_PRIOR_MEAN (neutral,
 *   so being unrated is neither a reward nor a penalty next to a poorly rated GPT).
 *
 * Quality is a multiplier between 1 and 1 + SEARCH_RATING_WEIGHT + SEARCH_USAGE_WEIGHT (2): among
 * equally relevant matches the better rated and more used come first, but popularity cannot lift
 * a weak match far above a strong one.
 */
export const SEARCH_SIMILARITY_THRESHOLD = 0.45;
export const SEARCH_TEXT_RANK_WEIGHT = 2;
export const SEARCH_RATING_WEIGHT = 0.5;
export const SEARCH_USAGE_WEIGHT = 0.5;
/** Conversations at which usage stops adding quality (log scale). */
export const SEARCH_USAGE_SATURATION = 10_000;

export type SearchRankInput = {
  similarity: number;
  textRank: number;
  ratingScore: number;
  ratingCount: number;
  conversationCount: number;
};

export function searchRelevance({
  similarity,
  textRank,
}: Pick<SearchRankInput, "similarity" | "textRank">) {
  return similarity + SEARCH_TEXT_RANK_WEIGHT * textRank;
}

export function searchQuality({
  ratingScore,
  ratingCount,
  conversationCount,
}: Pick<SearchRankInput, "ratingScore" | "ratingCount" | "conversationCount">) {
  const rating = ratingCount > 0 ? ratingScore : DEFAULT_RATING_PRIOR_MEAN;
  const ratingPart = Math.min(1, Math.max(0, (rating - 1) / 4));
  const usagePart = Math.min(
    1,
    Math.log(1 + Math.max(0, conversationCount)) / Math.log(1 + SEARCH_USAGE_SATURATION),
  );
  return 1 + SEARCH_RATING_WEIGHT * ratingPart + SEARCH_USAGE_WEIGHT * usagePart;
}

export function searchScore(input: SearchRankInput): number {
  return searchRelevance(input) * searchQuality(input);
}
