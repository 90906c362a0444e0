/** Words too common to be worth highlighting in a retrieved passage. */
const STOPWORDS = new Set(
  "a an and are as at be but by can do does for from had has have how i if in into is it its me my no not of on or our so than that the their then there these they this to was we were what when where which who why will with you your".split(
    " ",
  ),
);

/** The distinct words of a query worth highlighting (letters or digits, 2+ characters). */
export function queryTerms(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms = words.filter((word) => word.length >= 2 && !STOPWORDS.has(word));
  // Longest first, so "knowledge" wins over "know" where both match.
  return [...new Set(terms)].sort((a, b) => b.length - a.length);
}

export type TextSegment = { text: string; isMatch: boolean };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Splits a passage into plain and matching segments for the query's terms, case-insensitively.
 * A term matches at the start of a word, so "price" also marks "prices" and "pricing" partly.
 */
export function highlightSegments(text: string, query: string): TextSegment[] {
  const terms = queryTerms(query);
  if (terms.length === 0 || text === "") return [{ text, isMatch: false }];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${terms.map(escapeRegExp).join("|")})`, "giu");
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (start > last) segments.push({ text: text.slice(last, start), isMatch: false });
    segments.push({ text: match[0], isMatch: true });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), isMatch: false });
  return segments;
}
