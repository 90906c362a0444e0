import { type Citation, QUOTE_MAX_CHARS } from "./types";

/**
 * Inline citation markers in answer text: "[1]", "[2, 3]", "[1][4]". Not Markdown links
 * ("[1](https://…)") nor footnotes ("[^1]"). Returns the distinct numbers in order of first use.
 */
export function citedNumbers(text: string): number[] {
  const seen = new Set<number>();
  for (const match of text.matchAll(CITATION_MARKER)) {
    for (const piece of match[1].split(",")) {
      const n = Number(piece.trim());
      if (Number.isInteger(n) && n > 0) seen.add(n);
    }
  }
  return [...seen];
}

/** `[1]` or `[1, 2]`, not followed by `(` (a Markdown link). */
export const CITATION_MARKER = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\](?!\()/g;

/** A source passage the model was given, under its label `n`. */
export type LabelledSource = {
  n: number;
  chunkId: string;
  fileId: string;
  fileName: string;
  page: number | null;
  heading: string | null;
  text: string;
  /** The search that found it, if known: the quote is taken where the chunk matches it. */
  query?: string;
};

/** Words of a query worth looking for in a passage (3+ letters, lower case). */
function queryWords(query: string): string[] {
  return [...new Set(query.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'-]{2,}/gu) ?? [])];
}

/**
 * The part of a passage shown in a citation: the whole passage when it fits, otherwise the
 * QUOTE_MAX_CHARS window, starting at a sentence, that holds the most query words. Chunks begin
 * with overlap from the one before, so their first characters are often not what answered.
 */
export function quoteOf(text: string, query = ""): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= QUOTE_MAX_CHARS) return clean;
  const words = queryWords(query);
  const lower = clean.toLowerCase();
  let bestStart = 0;
  let bestScore = -1;
  if (words.length > 0) {
    const starts = [
      0,
      ...[...clean.matchAll(/[.!?]\s+/g)].map((m) => (m.index ?? 0) + m[0].length),
    ];
    for (const start of starts) {
      const window = lower.slice(start, start + QUOTE_MAX_CHARS);
      const score = words.reduce((sum, word) => sum + (window.includes(word) ? 1 : 0), 0);
      // Ties go to the later start: the window then opens on the sentence that matches.
      if (score >= bestScore && score > 0) {
        bestScore = score;
        bestStart = start;
      }
    }
  }
  const prefix = bestStart > 0 ? "…" : "";
  const rest = clean.slice(bestStart);
  const room = QUOTE_MAX_CHARS - prefix.length;
  return prefix + (rest.length > room ? `${rest.slice(0, room - 1)}…` : rest);
}

/**
 * The citations of an answer: the given sources whose label the text cites, in label order.
 * Only cited passages are ever sent to the browser or stored (knowledge text is not shown
 * otherwise), and the file name only when `showFileNames` (hideKnowledgeSources, non-owner).
 */
export function buildCitations({
  text,
  sources,
  showFileNames,
}: {
  text: string;
  sources: LabelledSource[];
  showFileNames: boolean;
}): Citation[] {
  const cited = new Set(citedNumbers(text));
  return sources
    .filter((source) => cited.has(source.n))
    .sort((a, b) => a.n - b.n)
    .map((source) => ({
      n: source.n,
      chunkId: source.chunkId,
      fileId: source.fileId,
      fileName: showFileNames ? source.fileName : null,
      page: source.page,
      heading: source.heading,
      quote: quoteOf(source.text, source.query),
    }));
}
