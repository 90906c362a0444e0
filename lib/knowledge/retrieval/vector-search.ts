import "server-only";
import { database } from "../../db";
import { toVectorLiteral } from "../embeddings";
import { vectorRelevance } from "./fuse";

export type VectorHit = { chunkId: string; distance: number; relevance: number };

/** Whether any chunk in scope has a vector from this embedding model (else: lexical only). */
export async function scopeHasEmbeddings(
  fileIds: string[],
  embeddingModelId: string,
): Promise<boolean> {
  if (fileIds.length === 0) return false;
  const rows = await database().sql.query<{ exists: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM "KnowledgeChunk" c
       WHERE c."fileId" = ANY($2::text[]) AND c."embeddingModelId" = $1
     ) AS "exists"`,
    [embeddingModelId, fileIds],
  );
  return Boolean(rows[0]?.exists);
}

/**
 * Nearest chunks by cosine distance (pgvector `<=>`), exact scan over the scope: the column has no
 * fixed dimension (it depends on the admin's model), so there is no ANN index; one GPT's files are
 * small enough for an exact scan. Vectors of another model (or dimension) are never compared.
 */
export async function vectorSearch({
  fileIds,
  vector,
  embeddingModelId,
  limit,
}: {
  /** The scope's files (scopeFileIds). */
  fileIds: string[];
  vector: number[];
  embeddingModelId: string;
  limit: number;
}): Promise<VectorHit[]> {
  const rows = await database().sql.query<{ chunkId: string; distance: number }>(
    `SELECT c."id" AS "chunkId", (c."embedding" <=> $1::vector)::float8 AS distance
     FROM "KnowledgeChunk" c
     WHERE c."fileId" = ANY($5::text[]) AND c."embeddingModelId" = $2
       AND c."embedding" IS NOT NULL AND vector_dims(c."embedding") = $3
     ORDER BY distance, c."id"
     LIMIT $4`,
    [toVectorLiteral(vector), embeddingModelId, vector.length, limit, fileIds],
  );
  return rows.map((row) => ({
    chunkId: row.chunkId,
    distance: Number(row.distance),
    relevance: vectorRelevance(Number(row.distance)),
  }));
}
