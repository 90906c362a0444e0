/**
 * The grouping key of a knowledge miss: lower-case, punctuation and symbols removed, whitespace
 * collapsed ("What's the REFUND policy?" and "whats the refund policy" are one gap). Apostrophes
 * join their word; other punctuation separates words ("e-mail/phone" → "e mail phone").
 */
export function normalizeMissQuery(query: string): string {
  return query
    .normalize("NFKC")
    .toLowerCase()
    .replace(/['’‘`´]/g, "")
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
}
