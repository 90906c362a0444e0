import type { ChunkedDocument, KnowledgeKind } from "../types";
import { chunkText } from "./chunk-text";
import { parseDocument } from "./parse-document";
import type { ProgressFn } from "./parsed-document";

/** Share of the progress bar given to parsing; the rest is tokenising and chunking. */
const PARSE_SHARE = 0.6;

/**
 * Parses and chunks one file in the current thread. Production code calls parseAndChunkInWorker,
 * which runs this in a resource-limited worker; tests and the worker itself call it directly.
 * Throws KnowledgeParseError with a creator-facing message for anything wrong with the file.
 */
export async function parseAndChunk(
  bytes: Uint8Array,
  kind: KnowledgeKind,
  maxTokens: number,
  onProgress: ProgressFn = () => {},
): Promise<ChunkedDocument> {
  onProgress(0);
  const parsed = await parseDocument(bytes, kind, (f) => onProgress(f * PARSE_SHARE));
  onProgress(PARSE_SHARE);
  const { chunks, tokenCount } = chunkText(parsed, {
    maxTokens,
    onProgress: (f) => onProgress(PARSE_SHARE + f * (1 - PARSE_SHARE)),
  });
  onProgress(1);
  return { chunks, tokenCount, pageCount: parsed.pageCount };
}
