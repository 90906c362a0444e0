import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { definitionsFromVersion } from "../gpt-actions/definition";
import { hasActionChanges, restoreDraftActions } from "../gpt-actions/snapshot";
import { deleteObject } from "../storage/storage";
import { releaseAvatar } from "./avatar/release-avatar";
import { type DraftFormValues, toDraftFormValues } from "./draft-form";
import { changedFields, configOf, versionedFieldsSelect } from "./gpt-config";
import { parseInput } from "./parse-input";
import { isSameFileSet } from "./version-queries";
import { type RestoreGptVersionInput, restoreGptVersionSchema } from "./version-schemas";

export type RestoredDraft = {
  revision: number;
  /** The whole draft as the editor's form values (sharing settings are the live ones). */
  values: DraftFormValues;
  /** The draft now equals the published version ("Unpublished changes" clears). */
  matchesPublished: boolean;
};

/**
 * Copies a version's configuration into the draft. Like a draft save, it takes the revision the
 * editor holds and is a conflict when another tab saved since; the published version is not
 * touched (users see the restored configuration only after the next publish). A model that was
 * disabled since stays chosen (chat falls back to the default model), but a category or model
 * that no longer exists is cleared rather than failing the restore.
 *
 * The draft's knowledge files become the version's: its files are back in the draft; the draft's
 * other files leave it (kept, inDraft = false, while any version uses them; otherwise deleted with
 * their chunks, and their blobs once the transaction has committed). The draft's actions become
 * the version's too (same ids, so users' OAuth connections still apply).
 */
export async function restoreGptVersion({
  actor,
  gptId,
  number,
  input,
}: {
  actor: Actor;
  gptId: string;
  number: number;
  input: RestoreGptVersionInput;
}): Promise<RestoredDraft> {
  const { revision } = parseInput(restoreGptVersionSchema, input);
  const { restored, replacedAvatarKey, releasedBlobKeys } = await prisma.$transaction(
    async (tx) => {
      const gpt = await tx.gpt.findFirst({
        where: { id: gptId, ownerId: actor.id, deletedAt: null },
        select: {
          id: true,
          avatarKey: true,
          allowRemix: true,
          allowKnowledgeRemix: true,
          publishedVersionId: true,
          publishedVersion: { select: { ...versionedFieldsSelect, actions: true } },
        },
      });
      if (!gpt) throw new AppError("not_found", "GPT not found.");
      const version = await tx.gptVersion.findUnique({
        where: { gptId_number: { gptId: gpt.id, number } },
        select: { id: true, actions: true, ...versionedFieldsSelect },
      });
      if (!version) throw new AppError("not_found", `Version ${number} not found.`);

      const config = configOf(version);
      if (config.categoryId) {
        const category = await tx.category.findUnique({ where: { id: config.categoryId } });
        if (!category) config.categoryId = null;
      }
      if (config.modelConfigId) {
        const model = await tx.modelConfig.findUnique({ where: { id: config.modelConfigId } });
        if (!model) config.modelConfigId = null;
      }

      const updated = await tx.gpt.updateMany({
        where: { id: gpt.id, ownerId: actor.id, deletedAt: null, revision },
        data: { ...config, revision: { increment: 1 } },
      });
      if (updated.count === 0) {
        throw new AppError(
          "conflict",
          "This GPT was changed in another tab or window. Reload to get the latest version.",
        );
      }
      const { fileIds, releasedBlobKeys } = await restoreKnowledgeFiles(tx, {
        gptId: gpt.id,
        versionId: version.id,
      });
      await restoreDraftActions(tx, gpt.id, version.actions);
      const publishedFileIds =
        gpt.publishedVersionId === null || gpt.publishedVersionId === version.id
          ? fileIds
          : await versionFileIds(tx, gpt.publishedVersionId);
      const restored: RestoredDraft = {
        revision: revision + 1,
        values: toDraftFormValues({
          ...config,
          allowRemix: gpt.allowRemix,
          allowKnowledgeRemix: gpt.allowKnowledgeRemix,
        }),
        matchesPublished:
          gpt.publishedVersion !== null &&
          changedFields(config, gpt.publishedVersion).length === 0 &&
          isSameFileSet(fileIds, publishedFileIds) &&
          !hasActionChanges(definitionsFromVersion(version.actions), gpt.publishedVersion.actions),
      };
      const replaced = gpt.avatarKey !== config.avatarKey ? gpt.avatarKey : null;
      return { restored, replacedAvatarKey: replaced, releasedBlobKeys };
    },
  );
  if (replacedAvatarKey) await releaseAvatar(replacedAvatarKey);
  // After the commit: a rolled-back restore must not lose a file's bytes. A failed delete leaves
  // an unreferenced blob, never a row without its blob.
  await Promise.all(releasedBlobKeys.map((key) => deleteObject(key).catch(() => undefined)));
  return restored;
}

async function versionFileIds(tx: Prisma.TransactionClient, versionId: string) {
  const rows = await tx.gptVersionKnowledgeFile.findMany({
    where: { versionId },
    select: { fileId: true },
  });
  return rows.map((row) => row.fileId);
}

/** Makes the draft's knowledge file set the version's; returns it and the blobs to delete. */
async function restoreKnowledgeFiles(
  tx: Prisma.TransactionClient,
  { gptId, versionId }: { gptId: string; versionId: string },
): Promise<{ fileIds: string[]; releasedBlobKeys: string[] }> {
  const fileIds = await versionFileIds(tx, versionId);
  if (fileIds.length > 0) {
    await tx.knowledgeFile.updateMany({
      where: { gptId, id: { in: fileIds }, inDraft: false },
      data: { inDraft: true },
    });
  }
  const leaving = await tx.knowledgeFile.findMany({
    where: { gptId, inDraft: true, id: { notIn: fileIds } },
    select: { id: true, blobKey: true, _count: { select: { versions: true } } },
  });
  const kept = leaving.filter((file) => file._count.versions > 0).map((file) => file.id);
  const deleted = leaving.filter((file) => file._count.versions === 0);
  if (kept.length > 0) {
    await tx.knowledgeFile.updateMany({ where: { id: { in: kept } }, data: { inDraft: false } });
  }
  if (deleted.length > 0) {
    await tx.knowledgeFile.deleteMany({ where: { id: { in: deleted.map((file) => file.id) } } });
  }
  return { fileIds, releasedBlobKeys: deleted.map((file) => file.blobKey) };
}
