import "server-only";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { AppError } from "../../errors";

/** The actor's own, not deleted GPT; anyone else's (or a deleted one) is "not found". */
export async function findOwnedGpt(actor: Actor, gptId: string) {
  const gpt = await prisma.gpt.findFirst({
    where: { id: gptId, ownerId: actor.id, deletedAt: null },
    select: { id: true, ownerId: true, publishedVersionId: true },
  });
  if (!gpt) throw new AppError("not_found", "GPT not found.");
  return gpt;
}

/** Whether the file is in the GPT's published version (answers store users now). */
export async function isFileLive(fileId: string, publishedVersionId: string | null) {
  if (!publishedVersionId) return false;
  const link = await prisma.gptVersionKnowledgeFile.findUnique({
    where: { versionId_fileId: { versionId: publishedVersionId, fileId } },
    select: { fileId: true },
  });
  return link !== null;
}

export const KNOWLEDGE_FILE_NOT_FOUND = "Knowledge file not found.";
