import "server-only";
import { database } from "../../db";
import { activeEmbeddingModel, embedQuery } from "../embeddings";
import type { KnowledgeScope, RetrievedChunk } from "../types";
import { reciprocalRankFusion } from "./fuse";
import { type LexicalHit, lexicalSearch } from "./lexical-search";
import { scopeFileIds } from "./scope-sql";
import { scopeHasEmbeddings, type VectorHit, vectorSearch } from "./vector-search";

export type SearchMode = "lexical" | "hybrid";
export type SearchResult = { results: RetrievedChunk[]; mode: SearchMode };

export const MAX_TOP_K = 100;
/** Each method's candidate list for fusion: deep enough that RRF can promote a chunk. */
const MIN_CANDIDATES = 50;

/**
 * Ranked passages of a scope's knowledge for a query: BM25 alone, or BM25 and vector similarity
 * fused by reciprocal rank (when the instance has an embedding model and this scope's chunks have
 * vectors from it). `relevance` (0-1, see fuse.ts) must reach `minScore`; at most `topK` results.
 * A failing embedding endpoint degrades to lexical rather than failing the chat turn.
 */
export async function searchKnowledge({
  scope,
  query,
  topK,
  minScore,
}: {
  scope: KnowledgeScope;
  query: string;
  topK: number;
  minScore: number;
}): Promise<SearchResult> {
  const limit = Math.max(1, Math.min(MAX_TOP_K, Math.floor(topK)));
  const trimmed = query.trim().slice(0, 4000);
  if (!trimmed) return { results: [], mode: "lexical" };
  const candidates = Math.max(limit * 3, MIN_CANDIDATES);
  const fileIds = await scopeFileIds(scope);
  if (fileIds.length === 0) return { results: [], mode: "lexical" };

  const [lexical, vector] = await Promise.all([
    lexicalSearch({ fileIds, query: trimmed, limit: candidates }),
    vectorCandidates(fileIds, trimmed, candidates),
  ]);
  const mode: SearchMode = vector ? "hybrid" : "lexical";

  const lexicalById = new Map<string, LexicalHit>(lexical.map((hit) => [hit.chunkId, hit]));
  const vectorById = new Map<string, VectorHit>((vector ?? []).map((hit) => [hit.chunkId, hit]));
  const ranked = vector
    ? reciprocalRankFusion([lexical.map((hit) => hit.chunkId), vector.map((hit) => hit.chunkId)])
    : lexical.map((hit) => ({ id: hit.chunkId, score: hit.score }));

  const kept = ranked
    .map(({ id }) => {
      const lex = lexicalById.get(id);
      const vec = vectorById.get(id);
      return {
        id,
        relevance: Math.max(lex?.relevance ?? 0, vec?.relevance ?? 0),
        lexicalScore: lex?.score ?? null,
        vectorScore: vec ? 1 - vec.distance : null,
      };
    })
    .filter((hit) => hit.relevance >= minScore)
    .slice(0, limit);
  if (kept.length === 0) return { results: [], mode };

  const rows = await database().sql.query<{
    id: string;
    fileId: string;
    fileName: string;
    page: number | null;
    heading: string | null;
    text: string;
  }>(
    `SELECT c."id", c."fileId", f."name" AS "fileName", c."page", c."heading", c."text"
     FROM "KnowledgeChunk" c JOIN "KnowledgeFile" f ON f."id" = c."fileId"
     WHERE c."id" = ANY($1::text[])`,
    [kept.map((hit) => hit.id)],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const results: RetrievedChunk[] = [];
  for (const hit of kept) {
    const row = byId.get(hit.id);
    if (!row) continue; // deleted between the two queries
    results.push({
      chunkId: row.id,
      fileId: row.fileId,
      fileName: row.fileName,
      page: row.page,
      heading: row.heading,
      text: row.text,
      rank: results.length + 1,
      relevance: hit.relevance,
      lexicalScore: hit.lexicalScore,
      vectorScore: hit.vectorScore,
    });
  }
  return { results, mode };
}

async function vectorCandidates(
  fileIds: string[],
  query: string,
  limit: number,
): Promise<VectorHit[] | null> {
  try {
    const model = await activeEmbeddingModel();
    if (!model || !(await scopeHasEmbeddings(fileIds, model.id))) return null;
    const embedded = await embedQuery(query);
    if (!embedded) return null;
    return await vectorSearch({
      fileIds,
      vector: embedded.vector,
      embeddingModelId: embedded.modelId,
      limit,
    });
  } catch (error) {
    console.error("[atelier] vector retrieval failed; answering from lexical retrieval", error);
    return null;
  }
}
