import "server-only";
import { database } from "../../db";
import { SEARCH_CONFIG } from "../index/store-chunks";
import { BM25_B, BM25_K1, lexicalRelevance, maxBm25Score } from "./fuse";

export type LexicalHit = { chunkId: string; score: number; relevance: number };

/**
 * Okapi BM25 over the scope, computed in SQL. Query terms are the lexemes of
 * to_tsvector(SEARCH_CONFIG, query) (the same parser and stemmer as the chunks), OR-ed into a
 * tsquery so the GIN index finds the candidates. Every chunk containing a term is a candidate, so
 * df is counted on the candidates; N and avgdl come from all chunks in scope. tf is the number of
 * positions of the lexeme in the chunk's vector.
 */
export function bm25Sql(): string {
  return `
WITH stats AS (
  SELECT count(*)::float8 AS n, coalesce(avg(c."searchLength"), 0)::float8 AS avgdl
  FROM "KnowledgeChunk" c WHERE c."fileId" = ANY($4::text[])
),
cand AS (
  -- Only the query's lexemes (with their positions) are kept from each candidate's vector:
  -- setweight marks them 'A', ts_filter drops the rest, so tf needs no scan of whole vectors.
  SELECT c."id", c."searchLength"::float8 AS len,
    ts_filter(setweight(c."searchVector", 'A', $1::text[]), '{a}') AS vec
  FROM "KnowledgeChunk" c
  WHERE c."fileId" = ANY($4::text[]) AND c."searchVector" @@ $2::tsquery
),
tf AS (
  SELECT cand."id", cand.len, u.lexeme, coalesce(array_length(u.positions, 1), 1)::float8 AS tf
  FROM cand, unnest(cand.vec) u
),
idf AS (
  SELECT tf.lexeme, ln(1 + (stats.n - count(*) + 0.5) / (count(*) + 0.5)) AS idf
  FROM tf, stats GROUP BY tf.lexeme, stats.n
),
scored AS (
  SELECT tf."id",
    sum(idf.idf * tf.tf * ${BM25_K1 + 1} /
      (tf.tf + ${BM25_K1} * (1 - ${BM25_B} + ${BM25_B} * tf.len / greatest(stats.avgdl, 1)))) AS score
  FROM tf JOIN idf ON idf.lexeme = tf.lexeme CROSS JOIN stats
  GROUP BY tf."id"
)
SELECT scored."id" AS "chunkId", scored.score::float8 AS score,
  (SELECT coalesce(json_agg(idf.idf), '[]'::json) FROM idf) AS idfs
FROM scored
ORDER BY scored.score DESC, scored."id"
LIMIT $3`;
}

/** A tsquery OR-ing the lexemes as they are (quoted: no second stemming pass). */
export function orQuery(lexemes: string[]): string {
  return lexemes
    .map((lexeme) => `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`)
    .join(" | ");
}

/** The best `limit` chunks by BM25, with their relevance (see fuse.ts). */
export async function lexicalSearch({
  fileIds,
  query,
  limit,
}: {
  /** The scope's files (scopeFileIds). */
  fileIds: string[];
  query: string;
  limit: number;
}): Promise<LexicalHit[]> {
  const sql = database().sql;
  // The query's terms first, so the main statement gets a constant tsquery (the GIN index).
  const terms = await sql.query<{ lexeme: string }>(
    `SELECT DISTINCT u.lexeme FROM unnest(to_tsvector('${SEARCH_CONFIG}', $1)) u`,
    [query],
  );
  const lexemes = terms.map((term) => term.lexeme);
  if (lexemes.length === 0 || fileIds.length === 0) return [];
  const rows = await sql.query<{ chunkId: string; score: number; idfs: number[] | string }>(
    bm25Sql(),
    [lexemes, orQuery(lexemes), limit, fileIds],
  );
  if (rows.length === 0) return [];
  const first = rows[0];
  const idfs = (typeof first.idfs === "string" ? JSON.parse(first.idfs) : first.idfs) as number[];
  const absent = Math.max(0, lexemes.length - idfs.length);
  const maxScore = maxBm25Score([...idfs, ...Array<null>(absent).fill(null)]);
  return rows.map((row) => ({
    chunkId: row.chunkId,
    score: Number(row.score),
    relevance: lexicalRelevance(Number(row.score), maxScore),
  }));
}
