/** What a format parser hands to the chunker: ordered text blocks with their location. */
export type TextSegment = {
  text: string;
  /** 1-based PDF page; null for formats without pages. */
  page: number | null;
  /** Nearest heading at or above this block. */
  heading: string | null;
};

export type ParsedDocument = {
  segments: TextSegment[];
  pageCount: number | null;
  /** Joins consecutive segments inside a chunk: blank line for prose, newline for CSV rows. */
  separator: string;
  /** Repeated at the start of every chunk (CSV header row) so each chunk is self-describing. */
  chunkHeader: string | null;
};

/** Parse progress, 0-1 within the parsing phase. */
export type ProgressFn = (fraction: number) => void;

/** Splits prose into blank-line separated paragraphs, dropping empty ones. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => dropLeadingBlankLines(p).trimEnd())
    .filter((p) => p.trim().length > 0);
}

/**
 * `^(?:[ \t]*\r?\n)+` is anchored and linear. (Patterns such as `\s+$` are not: on a long run of
 * whitespace that is not at the end, they rescan the run from every position.)
 */
export function dropLeadingBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\r?\n)+/, "");
}
