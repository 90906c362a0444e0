import { CHUNK_OVERLAP_TOKENS, CHUNK_TOKENS, type ChunkDraft } from "../types";
import { KnowledgeParseError, tokenLimitMessage } from "./errors";
import type { ParsedDocument, ProgressFn } from "./parsed-document";
import { splitIntoPieces } from "./split-oversized";
import { encode } from "./tokenizer";

export type ChunkOptions = {
  /** Whole-document limit; over it the file is rejected with a creator-facing message. */
  maxTokens: number;
  chunkTokens?: number;
  overlapTokens?: number;
  onProgress?: ProgressFn;
};

/** A unit the packer never splits: a whole block, or a piece of an oversized block. */
export type Unit = {
  text: string;
  tokens: number;
  /** Put before this unit when it follows another in a chunk: the separator, or "" inside a block. */
  glue: string;
  page: number | null;
  heading: string | null;
  /** First unit under a new heading: a good place to start a chunk. */
  isSectionStart: boolean;
  /** First unit of a new PDF page: a chunk may end here so citations name the right page. */
  isPageStart: boolean;
};

/**
 * Token-based chunking. Every block is encoded once (no re-encoding of growing chunks, so 2M
 * tokens take seconds, not minutes); chunks are packed from whole blocks, and only a block larger
 * than a chunk is split (lines, then sentences, then raw tokens). Consecutive chunks share up to
 * `overlapTokens` of trailing blocks, except across a heading, where a fresh chunk starts.
 * Token counts are summed per block rather than re-encoded per chunk; joining blocks merges
 * tokens at the seams (".\n\n" is one token), so the counts are a slight over-estimate.
 */
export function chunkText(document: ParsedDocument, options: ChunkOptions) {
  const chunkTokens = options.chunkTokens ?? CHUNK_TOKENS;
  const overlapTokens = options.overlapTokens ?? CHUNK_OVERLAP_TOKENS;
  const header = document.chunkHeader ? `${document.chunkHeader}\n` : "";
  const headerTokens = header ? encode(header).length : 0;
  const budget = chunkTokens - headerTokens;
  if (budget < Math.max(16, chunkTokens / 4)) {
    throw new KnowledgeParseError("This file's header row is too long to repeat in every chunk.");
  }
  const separatorTokens = encode(document.separator).length;
  const { units, tokenCount } = toUnits(document, {
    ...options,
    budget,
    overlapTokens,
    separatorTokens,
  });
  const packed = packUnits(units, { budget, overlapTokens, separatorTokens });
  const chunks: ChunkDraft[] = packed.map((group, ordinal) => ({
    ordinal,
    text: header + renderUnits(group.units),
    tokenCount: headerTokens + group.tokens,
    // Where the chunk's own text starts, not its overlap: a citation points at the new content.
    page: group.units[group.firstNew].page,
    heading: group.units[group.firstNew].heading,
  }));
  return { chunks, tokenCount };
}

type UnitOptions = ChunkOptions & {
  budget: number;
  overlapTokens: number;
  separatorTokens: number;
};

/** Encodes each block once, counting tokens as it goes so an oversized file is rejected early. */
function toUnits(document: ParsedDocument, options: UnitOptions) {
  const { budget, maxTokens, separatorTokens, onProgress } = options;
  const totalChars = document.segments.reduce((sum, s) => sum + s.text.length, 0);
  // Raw token slices no larger than the overlap, so even unsplittable text overlaps.
  const pieceTokens = Math.max(
    1,
    Math.floor(Math.min(options.overlapTokens || budget, budget / 2)),
  );
  const units: Unit[] = [];
  let tokenCount = 0;
  let chars = 0;
  let previousHeading: string | null = null;
  let previousPage: number | null = null;

  document.segments.forEach((segment, index) => {
    const isSectionStart = segment.heading !== null && segment.heading !== previousHeading;
    previousHeading = segment.heading;
    const isPageStart =
      segment.page !== null && previousPage !== null && segment.page !== previousPage;
    previousPage = segment.page;
    if (index > 0) tokenCount += separatorTokens;
    let isFirstPiece = true;
    let segmentChars = 0;
    splitIntoPieces(segment.text, budget, pieceTokens, (piece) => {
      units.push({
        ...piece,
        page: segment.page,
        heading: segment.heading,
        glue: isFirstPiece ? document.separator : "",
        isSectionStart: isSectionStart && isFirstPiece,
        isPageStart: isPageStart && isFirstPiece,
      });
      isFirstPiece = false;
      tokenCount += piece.tokens;
      segmentChars += piece.text.length;
      if (tokenCount > maxTokens) {
        // Stop early on huge files: extrapolate the total from the share already encoded.
        const done = Math.max(chars + segmentChars, 1);
        const estimate = Math.max(tokenCount, Math.round((tokenCount * totalChars) / done));
        throw new KnowledgeParseError(tokenLimitMessage(roundForHumans(estimate), maxTokens));
      }
    });
    chars += segment.text.length;
    if (onProgress && index % 500 === 0) onProgress(chars / Math.max(totalChars, 1));
  });
  onProgress?.(1);
  return { units, tokenCount };
}

/** "about 1,234,567" reads as false precision for an estimate: keep 3 significant digits. */
function roundForHumans(n: number): number {
  if (n < 1000) return n;
  const magnitude = 10 ** (Math.floor(Math.log10(n)) - 2);
  return Math.round(n / magnitude) * magnitude;
}

type PackOptions = { budget: number; overlapTokens: number; separatorTokens: number };
/** `firstNew`: index of the first unit that is not overlap repeated from the previous chunk. */
type Group = { units: Unit[]; tokens: number; firstNew: number };

export function packUnits(units: Unit[], { budget, overlapTokens, separatorTokens }: PackOptions) {
  const glueCost = (unit: Unit) => (unit.glue ? separatorTokens : 0);
  const groups: Group[] = [];
  let current: Group = { units: [], tokens: 0, firstNew: 0 };
  // Once a chunk holds this much, a new heading starts a new chunk instead of joining it.
  const sectionBreakFill = budget / 4;

  for (const unit of units) {
    const cost = current.units.length === 0 ? unit.tokens : unit.tokens + glueCost(unit);
    const isFull = current.tokens + cost > budget;
    const isSectionBreak = unit.isSectionStart && current.tokens >= sectionBreakFill;
    // A new page ends a chunk that is already a quarter full; unlike a heading it keeps the
    // overlap, since sentences run on across pages.
    const isPageBreak = unit.isPageStart && current.tokens >= sectionBreakFill;
    if (current.units.length > 0 && (isFull || isSectionBreak || isPageBreak)) {
      groups.push(current);
      current = isSectionBreak
        ? { units: [], tokens: 0, firstNew: 0 }
        : overlapOf(current, unit, budget);
    }
    current.tokens += current.units.length === 0 ? unit.tokens : unit.tokens + glueCost(unit);
    current.units.push(unit);
  }
  if (current.units.length > 0) groups.push(current);
  return groups;

  /** Trailing units of `previous` worth at most overlapTokens, leaving room for `next`. */
  function overlapOf(previous: Group, next: Unit, limit: number): Group {
    const room = limit - next.tokens - glueCost(next);
    let start = previous.units.length;
    let tokens = 0;
    while (start > 0) {
      const unit = previous.units[start - 1];
      const after = previous.units[start];
      const cost = after ? unit.tokens + glueCost(after) : unit.tokens;
      if (tokens + cost > overlapTokens || tokens + cost > room) break;
      start--;
      tokens += cost;
    }
    const units = previous.units.slice(start);
    return { units, tokens, firstNew: units.length };
  }
}

function renderUnits(units: Unit[]): string {
  let text = units[0].text.trimStart();
  for (let i = 1; i < units.length; i++) text += units[i].glue + units[i].text;
  return text.trimEnd();
}
