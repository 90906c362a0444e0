import "server-only";
import { randomUUID } from "node:crypto";
import { prisma } from "../../db";
import { AppError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import { enqueue } from "../../jobs/runner";
import { getKnowledgeLimits } from "../../settings/instance-settings";
import { deleteObject, getObject, putObject, randomKeyPart } from "../../storage/storage";

/**
 * Copies knowledge files (rows, chunks with their full-text vectors and embeddings, and blobs) to
 * another GPT and owner: remixes (the published version's files, when the original allows it) and
 * duplicates (the draft's files). Blobs are copied first, outside the database transaction; the
 * rows are written inside the caller's transaction; when that transaction fails the copied blobs
 * are deleted again, so a failed copy leaves neither rows nor blobs behind.
 */

type Tx = Prisma.TransactionClient;

/** One file to copy: its source row id and blob, and the id and blob key of the copy. */
export type KnowledgeFileCopy = {
  sourceId: string;
  id: string;
  blobKey: string;
  /** READY files keep their chunks; other files are re-processed (QUEUED) or stay FAILED. */
  status: "QUEUED" | "PROCESSING" | "READY" | "FAILED";
};

const SOURCE_SELECT = {
  id: true,
  blobKey: true,
  status: true,
  sizeBytes: true,
  mimeType: true,
} as const;

function extensionOf(blobKey: string): string {
  const match = /\.([a-z0-9]+)$/.exec(blobKey);
  return match?.[1] ?? "bin";
}

/** A new blob key under the new owner's folder (a copy never shares a blob with its source). */
export function knowledgeBlobKey(ownerId: string, extension: string): string {
  return `knowledge/${ownerId}/${randomKeyPart()}.${extension}`;
}

/** Refuses a copy that would take the new owner past the per-GPT count or per-creator size. */
async function assertWithinLimits(
  ownerId: string,
  files: { sizeBytes: number }[],
  existingInGpt: number,
): Promise<void> {
  if (files.length === 0) return;
  const limits = await getKnowledgeLimits(ownerId);
  if (existingInGpt + files.length > limits.maxFilesPerGpt) {
    throw new AppError(
      "limit_exceeded",
      `A GPT can have at most ${limits.maxFilesPerGpt} knowledge files; this copy would have ${existingInGpt + files.length}.`,
    );
  }
  const used = await prisma.knowledgeFile.aggregate({
    where: { ownerId },
    _sum: { sizeBytes: true },
  });
  const adding = files.reduce((sum, file) => sum + file.sizeBytes, 0);
  if ((used._sum.sizeBytes ?? 0) + adding > limits.maxBytesPerCreator) {
    throw new AppError(
      "limit_exceeded",
      `Copying these knowledge files would pass your storage limit of ${Math.round(limits.maxBytesPerCreator / (1024 * 1024))} MB.`,
    );
  }
}

/**
 * Step 1, before the transaction: copies the blobs of the given files for `ownerId`. A file whose
 * blob is missing is left out (it could never be exported or re-processed). On any failure the
 * blobs copied so far are deleted and the error is rethrown.
 */
export async function copyKnowledgeBlobs({
  fileIds,
  ownerId,
}: {
  fileIds: string[];
  ownerId: string;
}): Promise<KnowledgeFileCopy[]> {
  if (fileIds.length === 0) return [];
  const sources = await prisma.knowledgeFile.findMany({
    where: { id: { in: fileIds } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: SOURCE_SELECT,
  });
  await assertWithinLimits(ownerId, sources, 0);
  const copies: KnowledgeFileCopy[] = [];
  try {
    for (const source of sources) {
      const bytes = await getObject(source.blobKey);
      if (!bytes) {
        console.warn(`[atelier] knowledge copy: blob of file ${source.id} is missing; skipped`);
        continue;
      }
      const blobKey = knowledgeBlobKey(ownerId, extensionOf(source.blobKey));
      await putObject(blobKey, bytes, source.mimeType);
      copies.push({ sourceId: source.id, id: randomUUID(), blobKey, status: source.status });
    }
  } catch (error) {
    await discardKnowledgeBlobs(copies);
    throw error;
  }
  return copies;
}

/** Deletes copied blobs after a failed transaction (best effort: never masks the real error). */
export async function discardKnowledgeBlobs(copies: { blobKey: string }[]): Promise<void> {
  await Promise.all(copies.map((copy) => deleteObject(copy.blobKey).catch(() => undefined)));
}

async function hasEmbeddingColumn(tx: Tx): Promise<boolean> {
  const rows = await tx.$queryRaw<{ present: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'KnowledgeChunk'
        AND column_name = 'embedding'
    ) AS present`;
  return rows[0]?.present === true;
}

/**
 * Step 2, inside the caller's transaction: the file rows (inDraft, owned by `ownerId`, in `gptId`)
 * and, for READY files, their chunks copied by INSERT … SELECT (searchVector, searchLength and the
 * embedding travel as they are, so the copy is searchable at once). Files that were QUEUED or
 * PROCESSING are copied QUEUED: call `queueCopiedFiles` after the commit.
 */
export async function insertKnowledgeFileCopies(
  tx: Tx,
  { copies, gptId, ownerId }: { copies: KnowledgeFileCopy[]; gptId: string; ownerId: string },
): Promise<void> {
  if (copies.length === 0) return;
  const sourceIds = copies.map((copy) => copy.sourceId);
  const ids = copies.map((copy) => copy.id);
  const blobKeys = copies.map((copy) => copy.blobKey);
  const inserted = await tx.$executeRaw`
    WITH map AS (
      SELECT * FROM unnest(${sourceIds}::text[], ${ids}::text[], ${blobKeys}::text[])
        AS m(source_id, id, blob_key)
    )
    INSERT INTO "KnowledgeFile" (
      id, "gptId", "ownerId", name, kind, "mimeType", "sizeBytes", sha256, "blobKey", status,
      progress, error, "pageCount", "chunkCount", "tokenCount", attempts, "inDraft", "processedAt",
      "createdAt", "updatedAt"
    )
    SELECT
      map.id, ${gptId}, ${ownerId}, f.name, f.kind, f."mimeType", f."sizeBytes", f.sha256,
      map.blob_key,
      CASE WHEN f.status IN ('QUEUED', 'PROCESSING') THEN 'QUEUED'::"KnowledgeFileStatus"
           ELSE f.status END,
      CASE WHEN f.status = 'READY' THEN 100 ELSE 0 END,
      CASE WHEN f.status = 'FAILED' THEN f.error ELSE NULL END,
      CASE WHEN f.status = 'READY' THEN f."pageCount" ELSE NULL END,
      CASE WHEN f.status = 'READY' THEN f."chunkCount" ELSE 0 END,
      CASE WHEN f.status = 'READY' THEN f."tokenCount" ELSE 0 END,
      0, true,
      CASE WHEN f.status = 'READY' THEN f."processedAt" ELSE NULL END,
      now(), now()
    FROM map JOIN "KnowledgeFile" f ON f.id = map.source_id`;
  if (inserted !== copies.length) {
    throw new AppError("conflict", "A knowledge file was removed while it was being copied.");
  }
  const ready = copies.filter((copy) => copy.status === "READY");
  if (ready.length === 0) return;
  const readySources = ready.map((copy) => copy.sourceId);
  const readyIds = ready.map((copy) => copy.id);
  if (await hasEmbeddingColumn(tx)) {
    await tx.$executeRaw`
      WITH map AS (
        SELECT * FROM unnest(${readySources}::text[], ${readyIds}::text[]) AS m(source_id, id)
      )
      INSERT INTO "KnowledgeChunk" (
        id, "fileId", "gptId", ordinal, text, "tokenCount", page, heading, "searchVector",
        "searchLength", embedding, "embeddingModelId"
      )
      SELECT gen_random_uuid()::text, map.id, ${gptId}, c.ordinal, c.text, c."tokenCount", c.page,
        c.heading, c."searchVector", c."searchLength", c.embedding, c."embeddingModelId"
      FROM map JOIN "KnowledgeChunk" c ON c."fileId" = map.source_id`;
  } else {
    await tx.$executeRaw`
      WITH map AS (
        SELECT * FROM unnest(${readySources}::text[], ${readyIds}::text[]) AS m(source_id, id)
      )
      INSERT INTO "KnowledgeChunk" (
        id, "fileId", "gptId", ordinal, text, "tokenCount", page, heading, "searchVector",
        "searchLength", "embeddingModelId"
      )
      SELECT gen_random_uuid()::text, map.id, ${gptId}, c.ordinal, c.text, c."tokenCount", c.page,
        c.heading, c."searchVector", c."searchLength", c."embeddingModelId"
      FROM map JOIN "KnowledgeChunk" c ON c."fileId" = map.source_id`;
  }
}

/** After the commit: queues ingestion for the copies that were not READY (nor FAILED). */
export async function queueCopiedFiles(copies: KnowledgeFileCopy[]): Promise<void> {
  for (const copy of copies) {
    if (copy.status === "QUEUED" || copy.status === "PROCESSING") {
      // Not fatal: the copy stays QUEUED and start-up recovery sends it again.
      await enqueue("knowledge-ingest", { fileId: copy.id }).catch((error: unknown) =>
        console.error(`[atelier] could not queue knowledge file ${copy.id}`, error),
      );
    }
  }
}

/**
 * The whole copy around a transaction the caller runs: blobs first, then `write(tx-side insert)`;
 * blobs are discarded if it throws, ingestion queued if it commits.
 */
export async function withKnowledgeCopy<T>({
  fileIds,
  ownerId,
  write,
}: {
  fileIds: string[];
  ownerId: string;
  write: (copies: KnowledgeFileCopy[]) => Promise<T>;
}): Promise<T> {
  const copies = await copyKnowledgeBlobs({ fileIds, ownerId });
  let result: T;
  try {
    result = await write(copies);
  } catch (error) {
    await discardKnowledgeBlobs(copies);
    throw error;
  }
  await queueCopiedFiles(copies);
  return result;
}
