import "server-only";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { AppError } from "../../errors";
import { deleteObject } from "../../storage/storage";
import { findOwnedGpt, KNOWLEDGE_FILE_NOT_FOUND } from "./owned-gpt";

/**
 * Removes a file from the GPT's draft. A file some version still uses stays (inDraft false) so that
 * version keeps answering from it until the next publish; an unused one is deleted with its
 * chunks (FK cascade) and then its blob. Removing a file already out of the draft is a no-op.
 */
export async function removeKnowledgeFile({
  actor,
  gptId,
  fileId,
}: {
  actor: Actor;
  gptId: string;
  fileId: string;
}): Promise<{ ok: true; isDeleted: boolean }> {
  const gpt = await findOwnedGpt(actor, gptId);
  const file = await prisma.knowledgeFile.findFirst({
    where: { id: fileId, gptId: gpt.id, ownerId: gpt.ownerId },
    select: { id: true, blobKey: true },
  });
  if (!file) throw new AppError("not_found", KNOWLEDGE_FILE_NOT_FOUND);

  const isDeleted = await prisma.$transaction(async (tx) => {
    const usedByVersions = await tx.gptVersionKnowledgeFile.count({ where: { fileId: file.id } });
    if (usedByVersions > 0) {
      await tx.knowledgeFile.update({ where: { id: file.id }, data: { inDraft: false } });
      return false;
    }
    await tx.knowledgeFile.delete({ where: { id: file.id } });
    return true;
  });
  if (isDeleted) {
    await deleteObject(file.blobKey).catch((error: unknown) =>
      console.error(`[atelier] could not delete knowledge blob ${file.blobKey}`, error),
    );
  }
  return { ok: true, isDeleted };
}
