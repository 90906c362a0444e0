/**
 * Pure ranking maths of knowledge retrieval (no I/O; unit-tested).
 *
 * Relevance (0-1, what `knowledgeMinScore` applies to):
 * - lexical: the chunk's BM25 score divided by the best score any chunk could get for this query,
 *   Σ idf(t)·(k1+1) over the query's terms (the limit of BM25 when every term is very frequent in a
 *   short chunk). So 1 means "every query term, many times", ~0.2-0.4 a chunk that contains the
 *   rarer half of the terms once, and the scale does not depend on corpus size or query length.
 *   A query term found nowhere in scope (chatty words like "hello", a typo) counts with the mean
 *   idf of the terms that were found, not the maximal idf of an unseen term, so chatty questions are
 *   not punished to nothing.
 * - vector: cosine similarity clamped to 0-1 (model-dependent scale).
 * - hybrid: ordered by reciprocal rank fusion (k = 60) of both lists; relevance is the higher of the
 *   two relevances, so a chunk found by either method keeps the scale that found it.
 */

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;
export const RRF_K = 60;

/** BM25's (always positive) idf: ln(1 + (N - df + 0.5) / (df + 0.5)). */
export function bm25Idf(documentCount: number, documentFrequency: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** The best BM25 score a chunk could reach for a query with these term idfs (null = absent). */
export function maxBm25Score(idfs: (number | null)[], k1 = BM25_K1): number {
  const present = idfs.filter((idf): idf is number => idf !== null);
  if (present.length === 0) return 0;
  const mean = present.reduce((sum, idf) => sum + idf, 0) / present.length;
  return idfs.reduce<number>((sum, idf) => sum + (idf ?? mean) * (k1 + 1), 0);
}

export function lexicalRelevance(score: number, maxScore: number): number {
  if (!(maxScore > 0) || !(score > 0)) return 0;
  return clamp01(score / maxScore);
}

/** pgvector's `<=>` is cosine distance (0 = same direction, 2 = opposite). */
export function vectorRelevance(cosineDistance: number): number {
  return clamp01(1 - cosineDistance);
}

export function clamp01(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/**
 * Reciprocal rank fusion: score(d) = Σ over lists 1 / (k + rank(d)), ranks 1-based. Returns ids
 * best first; ties keep the order of first appearance (lexical list first).
 */
export function reciprocalRankFusion(
  lists: string[][],
  k = RRF_K,
): { id: string; score: number }[] {
  const scores = new Map<string, number>();
  for (const list of lists) {
    list.forEach((id, index) => {
      scores.set(id, (scores.get(id) ?? 0) + 1 / (k + index + 1));
    });
  }
  const order = [...scores.keys()];
  return order
    .map((id, position) => ({ id, score: scores.get(id) ?? 0, position }))
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .map(({ id, score }) => ({ id, score }));
}
