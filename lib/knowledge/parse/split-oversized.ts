import { decode, encode } from "./tokenizer";

export type Piece = { text: string; tokens: number };

/**
 * Text longer than this is split before it is encoded. It bounds every single allocation made
 * while tokenising (a 100 MB one-line file must not become one 25M-entry array): in a worker with
 * a heap limit, many small allocations end in a clean ERR_WORKER_OUT_OF_MEMORY, while one huge
 * allocation can abort the whole process.
 */
const MAX_ENCODE_CHARS = 16_000;
const WINDOW_CHARS = 2_000;

const LEVELS: ((text: string) => string[])[] = [
  (text) => text.split(/(?<=\n)/),
  // One-character lookbehind: linear. Whitespace after a sentence starts the next piece.
  (text) => text.split(/(?<=[.!?。！？])(?=\s)/),
  windows,
];

/**
 * Cuts text into pieces of at most `budget` tokens: whole blocks when they fit, else lines, then
 * sentences, then ~2,000-character windows, and only as a last resort raw token slices of
 * `tokenPieceSize` (small enough that consecutive chunks can still overlap). Pieces keep their
 * own whitespace so joining them with "" restores the text. Each piece is handed to `emit` as
 * soon as it is known, so the caller can enforce the token limit before the rest is processed.
 */
export function splitIntoPieces(
  text: string,
  budget: number,
  tokenPieceSize: number,
  emit: (piece: Piece) => void,
  level = 0,
): void {
  if (text.length === 0) return;
  if (text.length <= MAX_ENCODE_CHARS) {
    const tokens = encode(text);
    if (tokens.length <= budget) {
      emit({ text, tokens: tokens.length });
      return;
    }
    if (level >= LEVELS.length) {
      for (let start = 0; start < tokens.length; start += tokenPieceSize) {
        const slice = tokens.slice(start, start + tokenPieceSize);
        emit({ text: decode(slice), tokens: slice.length });
      }
      return;
    }
  }
  const parts = LEVELS[Math.min(level, LEVELS.length - 1)](text);
  // A level that cannot split this text (one line, one sentence) goes straight to the next.
  for (const part of parts) splitIntoPieces(part, budget, tokenPieceSize, emit, level + 1);
}

/** Fixed-size windows cut at the last whitespace when there is one, never inside a surrogate pair. */
function windows(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + WINDOW_CHARS, text.length);
    if (end < text.length) {
      // Search inside this window only: a text without spaces must not be rescanned from the end.
      const space = text.slice(start, end).lastIndexOf(" ");
      if (space > WINDOW_CHARS / 2) end = start + space + 1;
      else if (/[\uDC00-\uDFFF]/.test(text[end])) end -= 1;
    }
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}
