import "server-only";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { AppError } from "../../errors";
import { enqueue } from "../../jobs/runner";
import type { KnowledgeFileView } from "../types";
import { knowledgeFileViewSelect, toKnowledgeFileView } from "./knowledge-file-view";
import { findOwnedGpt, isFileLive, KNOWLEDGE_FILE_NOT_FOUND } from "./owned-gpt";

/** Puts a FAILED file back in the queue with a fresh set of attempts. */
export async function retryKnowledgeFile({
  actor,
  gptId,
  fileId,
}: {
  actor: Actor;
  gptId: string;
  fileId: string;
}): Promise<KnowledgeFileView> {
  const gpt = await findOwnedGpt(actor, gptId);
  const where = { id: fileId, gptId: gpt.id, ownerId: gpt.ownerId };
  const requeued = await prisma.knowledgeFile.updateMany({
    where: { ...where, status: "FAILED" },
    data: { status: "QUEUED", attempts: 0, progress: 0, error: null },
  });
  if (requeued.count === 0) {
    const exists = await prisma.knowledgeFile.count({ where });
    if (!exists) throw new AppError("not_found", KNOWLEDGE_FILE_NOT_FOUND);
    throw new AppError("conflict", "Only a file that failed to process can be retried.");
  }
  await enqueue("knowledge-ingest", { fileId }).catch((error: unknown) =>
    console.error(`[atelier] could not queue knowledge file ${fileId}`, error),
  );
  const row = await prisma.knowledgeFile.findUniqueOrThrow({
    where: { id: fileId },
    select: knowledgeFileViewSelect,
  });
  return toKnowledgeFileView(row, await isFileLive(fileId, gpt.publishedVersionId));
}
