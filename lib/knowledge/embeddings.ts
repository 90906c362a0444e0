import "server-only";
import { createOpenAI } from "@ai-sdk/openai";
import { type EmbeddingModel, embedMany } from "ai";
import { modelFetch } from "../ai/model-fetch";
import { database } from "../db";
import type { Database } from "../db/open";
import type { ModelConfig } from "../generated/prisma/client";
import { resolveEmbeddingModel } from "../models/queries";
import { openSecret } from "../security/secret-box";

/** Texts per /v1/embeddings request. */
const EMBED_BATCH_SIZE = 64;

const hasColumnCache = new WeakMap<Database, Promise<boolean>>();

/** Whether KnowledgeChunk.embedding exists (the migration adds it only where pgvector is). */
export function hasEmbeddingColumn(): Promise<boolean> {
  const db = database();
  let cached = hasColumnCache.get(db);
  if (!cached) {
    cached = db.sql
      .query<{ exists: boolean }>(
        `SELECT EXISTS (
           SELECT 1 FROM pg_attribute
           WHERE attrelid = '"KnowledgeChunk"'::regclass AND attname = 'embedding' AND NOT attisdropped
         ) AS "exists"`,
      )
      .then((rows) => Boolean(rows[0]?.exists));
    hasColumnCache.set(db, cached);
  }
  return cached;
}

/**
 * Model clients are built in lib/ai/providers.ts for chat; embeddings use the same
 * OpenAI-compatible provider (`.embedding()` targets /v1/embeddings).
 */
async function embeddingClient(model: ModelConfig): Promise<EmbeddingModel> {
  const apiKey = model.apiKeyCiphertext ? await openSecret(model.apiKeyCiphertext) : undefined;
  const provider = createOpenAI({
    baseURL: model.baseUrl.replace(/\/+$/, ""),
    apiKey: apiKey || "not-needed",
    name: "openai-compatible",
    fetch: await modelFetch(model),
  });
  return provider.embedding(model.modelId);
}

/** The configured EMBEDDING model when vectors can be stored and searched here; else null. */
export async function activeEmbeddingModel(): Promise<ModelConfig | null> {
  if (!(await hasEmbeddingColumn())) return null;
  return resolveEmbeddingModel();
}

export function toVectorLiteral(vector: number[]): string {
  return `[${vector.map((value) => (Number.isFinite(value) ? value : 0)).join(",")}]`;
}

/**
 * Embeds a file's chunks that lack a vector from the current model (all of them after a model
 * change), batch by batch. A no-op without an embedding model or without pgvector: retrieval is
 * lexical then. Throws when the endpoint fails, so ingestion can retry or report it.
 */
export async function embedFileChunks(fileId: string): Promise<void> {
  const model = await activeEmbeddingModel();
  if (!model) return;
  const client = await embeddingClient(model);
  const sql = database().sql;
  for (;;) {
    const rows = await sql.query<{ id: string; heading: string | null; text: string }>(
      `SELECT "id", "heading", "text" FROM "KnowledgeChunk"
       WHERE "fileId" = $1 AND ("embedding" IS NULL OR "embeddingModelId" IS DISTINCT FROM $2)
       ORDER BY "ordinal" LIMIT ${EMBED_BATCH_SIZE}`,
      [fileId, model.id],
    );
    if (rows.length === 0) return;
    const { embeddings } = await embedMany({
      model: client,
      values: rows.map((row) => (row.heading ? `${row.heading}\n${row.text}` : row.text)),
      maxRetries: 2,
    });
    await sql.query(
      `UPDATE "KnowledgeChunk" AS c SET "embedding" = v.vec::vector, "embeddingModelId" = $3
       FROM unnest($1::text[], $2::text[]) AS v(id, vec) WHERE c."id" = v.id`,
      [rows.map((row) => row.id), embeddings.map(toVectorLiteral), model.id],
    );
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (rows.length < EMBED_BATCH_SIZE) return;
  }
}

/** The query's vector from the current embedding model, or null when retrieval is lexical. */
export async function embedQuery(
  text: string,
): Promise<{ vector: number[]; modelId: string } | null> {
  const model = await activeEmbeddingModel();
  if (!model) return null;
  const client = await embeddingClient(model);
  const { embeddings } = await embedMany({ model: client, values: [text], maxRetries: 1 });
  const vector = embeddings[0];
  return vector ? { vector, modelId: model.id } : null;
}
