import "server-only";
import { prisma } from "../../db";
import type { JobContext } from "../../jobs/job-types";
import { getKnowledgeLimits } from "../../settings/instance-settings";
import { getObject } from "../../storage/storage";
import { embedFileChunks } from "../embeddings";
import { deleteFileChunks, storeChunks } from "../index/store-chunks";
import { KnowledgeParseError, parseAndChunkInWorker } from "../parse/index";
import type { KnowledgeKind } from "../types";
import {
  BLOB_MISSING_MESSAGE,
  INGEST_FAILED_MESSAGE,
  INGEST_INTERRUPTED_MESSAGE,
  MAX_INGEST_ATTEMPTS,
  PROGRESS_BANDS,
} from "./ingest-rules";
import { createProgressReporter, inBand } from "./progress-reporter";

export type IngestOutcome = "ready" | "failed" | "skipped";

type ClaimedFile = {
  id: string;
  gptId: string;
  kind: string;
  blobKey: string;
  attempts: number;
};

/**
 * Takes the file for this run: QUEUED → PROCESSING with attempts + 1, in one conditional UPDATE, so
 * two runs can never both take it. A redelivered job (pg-boss retry after an expiry or a stop) may
 * also take a file left PROCESSING: the queue's singleton key means no other run holds it.
 */
async function claimFile(fileId: string, context: JobContext): Promise<ClaimedFile | null> {
  const statuses = context.retryCount > 0 ? ["QUEUED", "PROCESSING"] : ["QUEUED"];
  const claimed = await prisma.knowledgeFile.updateMany({
    where: {
      id: fileId,
      status: { in: statuses as ("QUEUED" | "PROCESSING")[] },
      attempts: { lt: MAX_INGEST_ATTEMPTS },
    },
    data: { status: "PROCESSING", attempts: { increment: 1 }, progress: 0, error: null },
  });
  if (claimed.count === 1) {
    return prisma.knowledgeFile.findUnique({
      where: { id: fileId },
      select: { id: true, gptId: true, kind: true, blobKey: true, attempts: true },
    });
  }
  // Not claimable: gone, finished, or out of attempts (which is a final answer, written here).
  await prisma.knowledgeFile.updateMany({
    where: {
      id: fileId,
      status: { in: statuses as ("QUEUED" | "PROCESSING")[] },
      attempts: { gte: MAX_INGEST_ATTEMPTS },
    },
    data: { status: "FAILED", progress: 0, error: INGEST_INTERRUPTED_MESSAGE },
  });
  return null;
}

/** Writes a final or intermediate status, only while this run still holds the file. */
async function settle(
  file: ClaimedFile,
  data: Parameters<typeof prisma.knowledgeFile.updateMany>[0]["data"],
) {
  return prisma.knowledgeFile.updateMany({
    where: { id: file.id, status: "PROCESSING", attempts: file.attempts },
    data,
  });
}

async function fail(file: ClaimedFile, message: string): Promise<IngestOutcome> {
  await deleteFileChunks(file.id).catch(() => {});
  await settle(file, {
    status: "FAILED",
    error: message,
    progress: 0,
    chunkCount: 0,
    tokenCount: 0,
    pageCount: null,
  });
  return "failed";
}

/**
 * The ingestion job: parse and chunk the file in a worker thread, store the chunks with their
 * full-text vectors, embed them when an embedding model is configured, then mark it READY.
 *
 * - A KnowledgeParseError is the file's fault: FAILED with its message, never retried.
 * - Anything else is ours: the file goes back to QUEUED and the error is rethrown so pg-boss
 *   retries with backoff; on the last attempt it is FAILED with a generic message instead.
 * - Chunks of an earlier, interrupted attempt are deleted before storing, so a retry never
 *   duplicates them (KnowledgeChunk's (fileId, ordinal) is unique as well).
 */
export async function ingestKnowledgeFile(
  fileId: string,
  context: JobContext = { jobId: null, retryCount: 0, isLastAttempt: false },
): Promise<IngestOutcome> {
  const file = await claimFile(fileId, context);
  if (!file) return "skipped";
  const progress = createProgressReporter(file.id);
  try {
    const bytes = await getObject(file.blobKey);
    if (!bytes) return await fail(file, BLOB_MISSING_MESSAGE);
    const limits = await getKnowledgeLimits();
    const document = await parseAndChunkInWorker({
      bytes: new Uint8Array(bytes),
      kind: file.kind as KnowledgeKind,
      maxTokens: limits.maxTokensPerFile,
      onProgress: (fraction: number) => progress.report(inBand(PROGRESS_BANDS.parse, fraction)),
    });
    await deleteFileChunks(file.id);
    await storeChunks({
      fileId: file.id,
      gptId: file.gptId,
      chunks: document.chunks,
      onProgress: (fraction) => progress.report(inBand(PROGRESS_BANDS.store, fraction)),
    });
    progress.report(PROGRESS_BANDS.embed[0]);
    await embedFileChunks(file.id);
    await progress.flush();
    await settle(file, {
      status: "READY",
      progress: 100,
      error: null,
      chunkCount: document.chunks.length,
      tokenCount: document.tokenCount,
      pageCount: document.pageCount,
      processedAt: new Date(),
    });
    return "ready";
  } catch (error) {
    await progress.flush();
    if (error instanceof KnowledgeParseError) return fail(file, error.message);
    const isGone = !(await prisma.knowledgeFile.count({ where: { id: file.id } }));
    if (isGone) return "skipped"; // removed while it was being processed
    console.error(`[atelier] knowledge file ${file.id} could not be processed`, error);
    if (context.isLastAttempt || file.attempts >= MAX_INGEST_ATTEMPTS) {
      return fail(file, INGEST_FAILED_MESSAGE);
    }
    await deleteFileChunks(file.id).catch(() => {});
    await settle(file, { status: "QUEUED", progress: 0 });
    throw error;
  }
}
