import { type ParsedDocument, splitParagraphs } from "./parsed-document";

/** Plain text and source code: blank-line separated blocks, text kept exactly as written. */
export function parsePlain(text: string): ParsedDocument {
  const segments = splitParagraphs(text).map((p) => ({ text: p, page: null, heading: null }));
  return { segments, pageCount: null, separator: "\n\n", chunkHeader: null };
}
