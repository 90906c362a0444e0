import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { insertActionCopies, withoutCredentials } from "../gpt-actions/copy-actions";
import { definitionsFromVersion } from "../gpt-actions/definition";
import {
  copyKnowledgeBlobs,
  discardKnowledgeBlobs,
  insertKnowledgeFileCopies,
  type KnowledgeFileCopy,
} from "../knowledge/copy/copy-knowledge-files";
import { copyAvatar } from "./copy-avatar";
import { configOf, versionedFieldsSelect } from "./gpt-config";
import { canRemixGpt } from "./policy";
import { makeGptSlug } from "./slug";

export const REMIX_NOT_ALLOWED_MESSAGE = "The creator of this GPT doesn’t allow remixing it.";

/**
 * Knowledge a remix copies: the published version's files, and only when the owner allows it
 * (`allowKnowledgeRemix`). Action credentials are never copied (a remix enters its own); the
 * actions issue copies action descriptions without their secrets.
 */
async function remixableKnowledgeFileIds(source: {
  allowKnowledgeRemix: boolean;
  publishedVersionId: string;
}): Promise<string[]> {
  if (!source.allowKnowledgeRemix) return [];
  const rows = await prisma.gptVersionKnowledgeFile.findMany({
    where: { versionId: source.publishedVersionId },
    select: { fileId: true },
  });
  return rows.map((row) => row.fileId);
}

/**
 * Copies a published GPT's configuration (its published version, never the draft) into a new
 * private draft owned by the actor, credited to the original, whose remix count goes up in the
 * same transaction. A GPT the actor cannot see (private, deleted, removed, banned owner) is "not
 * found"; one whose owner does not allow remixing is forbidden. Knowledge files of the published
 * version come along (rows, searchable chunks, blobs: owned by the remixer, in its draft) only
 * when the owner allows knowledge remixing, checked again under the row lock.
 */
export async function remixGpt({ actor, gptId }: { actor: Actor; gptId: string }) {
  const source = await prisma.gpt.findUnique({
    where: { id: gptId },
    select: {
      id: true,
      ownerId: true,
      visibility: true,
      status: true,
      allowRemix: true,
      allowKnowledgeRemix: true,
      publishedVersionId: true,
      deletedAt: true,
      owner: { select: { bannedAt: true } },
      publishedVersion: { select: { ...versionedFieldsSelect, actions: true } },
    },
  });
  if (!source) throw new AppError("not_found", "GPT not found.");
  const access = {
    ...source,
    isOwnerBanned: source.owner.bannedAt !== null,
    isDeleted: source.deletedAt !== null,
  };
  if (!canRemixGpt(actor, { ...access, allowRemix: true }) || !source.publishedVersion) {
    throw new AppError("not_found", "GPT not found.");
  }
  if (!source.allowRemix) throw new AppError("forbidden", REMIX_NOT_ALLOWED_MESSAGE);

  const config = configOf(source.publishedVersion);
  const avatarKey = await copyAvatar({ avatarKey: config.avatarKey, ownerId: actor.id });
  const publishedVersionId = source.publishedVersionId as string;
  let copies: KnowledgeFileCopy[] = [];
  try {
    copies = await copyKnowledgeBlobs({
      fileIds: await remixableKnowledgeFileIds({
        allowKnowledgeRemix: source.allowKnowledgeRemix,
        publishedVersionId,
      }),
      ownerId: actor.id,
    });
    const { remix, copiedKnowledge } = await prisma.$transaction(async (tx) => {
      // Re-checked under the row lock this update takes: an owner who turns remixing (or
      // knowledge remixing) off, or deletes the GPT, while this runs wins, and the count matches
      // the remixes that exist.
      const counted = await tx.gpt.updateMany({
        where: { id: source.id, allowRemix: true, status: { not: "REMOVED" }, deletedAt: null },
        data: { remixCount: { increment: 1 } },
      });
      if (counted.count === 0) throw new AppError("forbidden", REMIX_NOT_ALLOWED_MESSAGE);
      const current = await tx.gpt.findUniqueOrThrow({
        where: { id: source.id },
        select: { allowKnowledgeRemix: true, publishedVersionId: true },
      });
      if (current.publishedVersionId !== publishedVersionId) {
        // The configuration and the files copied belong to the version that was live.
        throw new AppError("conflict", "This GPT changed while it was being remixed. Try again.");
      }
      const remix = await tx.gpt.create({
        data: {
          ...config,
          avatarKey,
          ownerId: actor.id,
          slug: makeGptSlug(config.name),
          visibility: "PRIVATE",
          remixedFromId: source.id,
        },
        select: { id: true, slug: true },
      });
      await insertActionCopies(tx, {
        gptId: remix.id,
        definitions: definitionsFromVersion(source.publishedVersion?.actions).map(
          withoutCredentials,
        ),
      });
      const copiedKnowledge = current.allowKnowledgeRemix;
      if (copiedKnowledge) {
        await insertKnowledgeFileCopies(tx, { copies, gptId: remix.id, ownerId: actor.id });
      }
      return { remix, copiedKnowledge };
    });
    if (!copiedKnowledge) await discardKnowledgeBlobs(copies);
    return remix;
  } catch (error) {
    await discardKnowledgeBlobs(copies);
    throw error;
  }
}
