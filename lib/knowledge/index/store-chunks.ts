import "server-only";
import { randomUUID } from "node:crypto";
import { database } from "../../db";
import type { ChunkDraft } from "../types";

/** Rows per INSERT: small statements keep PGlite (in-process) from stalling the web server. */
export const STORE_BATCH_SIZE = 40;

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
  for (let start = 0; start < chunks.length; start += STORE_BATCH_SIZE) {
    const batch = chunks.slice(start, start + STORE_BATCH_SIZE);
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
    onProgress?.(Math.min(1, (start + batch.length) / chunks.length));
    await yieldToEventLoop();
  }
  if (chunks.length === 0) onProgress?.(1);
}

/** Removes a file's chunks (re-ingestion, or the file's deletion). */
export async function deleteFileChunks(fileId: string): Promise<void> {
  await database().sql.query(`DELETE FROM "KnowledgeChunk" WHERE "fileId" = $1`, [fileId]);
}
