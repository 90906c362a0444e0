import "server-only";
import { randomUUID } from "node:crypto";
import { database } from "../../db";
import type { ChunkDraft } from "../types";

/**
 * Per INSERT at most this many rows and characters: PGlite runs in-process, so one statement
 * blocks the web server for as long as building its full-text vectors takes (~1 ms per 1,000
 * characters here). Small PDF pages batch 40 at a time; 800-token chunks a few at a time.
 */
export const STORE_BATCH_SIZE = 40;
export const STORE_BATCH_CHARS = 12_000;

/** Consecutive slices of `chunks` within both batch limits (always at least one chunk each). */
export function storeBatches(chunks: ChunkDraft[]): ChunkDraft[][] {
  const batches: ChunkDraft[][] = [];
  let current: ChunkDraft[] = [];
  let chars = 0;
  for (const chunk of chunks) {
    const size = chunk.text.length + (chunk.heading?.length ?? 0);
    if (
      current.length > 0 &&
      (current.length >= STORE_BATCH_SIZE || chars + size > STORE_BATCH_CHARS)
    ) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(chunk);
    chars += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** The text search configuration of `searchVector` (retrieval must parse queries the same way). */
export const SEARCH_CONFIG = "english";

/**
 * One INSERT for a batch: the full-text vector is built from the heading and the text, and
 * `searchLength` (BM25's document length) counts every token position of that vector; a lexeme
 * without positions (over 16383) counts once.
 */
const INSERT_SQL = `
INSERT INTO "KnowledgeChunk"
  ("id", "fileId", "gptId", "ordinal", "text", "tokenCount", "page", "heading", "searchVector", "searchLength")
SELECT t.id, $1, $2, t.ordinal, t.text, t.token_count, t.page, t.heading, v.vec,
  (SELECT coalesce(sum(coalesce(array_length(u.positions, 1), 1)), 0)::int FROM unnest(v.vec) u)
FROM unnest($3::text[], $4::int[], $5::text[], $6::int[], $7::int[], $8::text[])
  AS t(id, ordinal, text, token_count, page, heading)
CROSS JOIN LATERAL (
  SELECT to_tsvector('${SEARCH_CONFIG}', coalesce(t.heading, '') || ' ' || t.text) AS vec
) v`;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Stores a file's chunks with their full-text vectors, in small batches with a yield between
 * them (the ingest benchmark holds event-loop lag p99 ≤ 50 ms). Not transactional across batches:
 * ingestion deletes a file's chunks before (re)storing them, so a retry starts clean.
 */
export async function storeChunks({
  fileId,
  gptId,
  chunks,
  onProgress,
}: {
  fileId: string;
  gptId: string;
  chunks: ChunkDraft[];
  onProgress?: (fraction: number) => void;
}): Promise<void> {
  const sql = database().sql;
  let stored = 0;
  for (const batch of storeBatches(chunks)) {
    await sql.query(INSERT_SQL, [
      fileId,
      gptId,
      batch.map(() => randomUUID()),
      batch.map((chunk) => chunk.ordinal),
      // NUL bytes are not valid in PostgreSQL text.
      batch.map((chunk) => chunk.text.replaceAll("\u0000", "")),
      batch.map((chunk) => chunk.tokenCount),
      batch.map((chunk) => chunk.page),
      batch.map((chunk) => chunk.heading?.replaceAll("\u0000", "") ?? null),
    ]);
    stored += batch.length;
    onProgress?.(Math.min(1, stored / chunks.length));
    await yieldToEventLoop();
  }
  if (chunks.length === 0) onProgress?.(1);
}

/** Removes a file's chunks (re-ingestion, or the file's deletion). */
export async function deleteFileChunks(fileId: string): Promise<void> {
  await database().sql.query(`DELETE FROM "KnowledgeChunk" WHERE "fileId" = $1`, [fileId]);
}
