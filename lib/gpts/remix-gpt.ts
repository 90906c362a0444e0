import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { copyAvatar } from "./copy-avatar";
import { configOf, versionedFieldsSelect } from "./gpt-config";
import { canRemixGpt } from "./policy";
import { makeGptSlug } from "./slug";

export const REMIX_NOT_ALLOWED_MESSAGE = "The creator of this GPT doesn’t allow remixing it.";

type RemixSource = { id: string; allowKnowledgeRemix: boolean; publishedVersionId: string };

/**
 * The plug-in point for what a remix copies besides the versioned configuration, run inside the
 * remix's transaction. Knowledge files: only when the owner allows it (`allowKnowledgeRemix`), and
 * then the files of the published version. Action credentials: never (a remix enters its own).
 * Neither knowledge files nor actions exist yet, so this copies nothing today; the knowledge issue
 * adds `if (source.allowKnowledgeRemix) copy the files of source.publishedVersionId to remixId`,
 * and the actions issue copies action descriptions without their secrets.
 */
async function copyRemixableAssets(
  _tx: Prisma.TransactionClient,
  _args: { source: RemixSource; remixId: string },
): Promise<void> {}

/**
 * Copies a published GPT's configuration (its published version, never the draft) into a new
 * private draft owned by the actor, credited to the original, whose remix count goes up in the
 * same transaction. A GPT the actor cannot see (private, deleted, removed, banned owner) is "not
 * found"; one whose owner does not allow remixing is forbidden.
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
      publishedVersion: { select: versionedFieldsSelect },
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
  return prisma.$transaction(async (tx) => {
    // Re-checked under the row lock this update takes: an owner who turns remixing off, or
    // deletes the GPT, while this runs wins, and the count matches the remixes that exist.
    const counted = await tx.gpt.updateMany({
      where: { id: source.id, allowRemix: true, status: "ACTIVE", deletedAt: null },
      data: { remixCount: { increment: 1 } },
    });
    if (counted.count === 0) throw new AppError("forbidden", REMIX_NOT_ALLOWED_MESSAGE);
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
    await copyRemixableAssets(tx, {
      source: {
        id: source.id,
        allowKnowledgeRemix: source.allowKnowledgeRemix,
        publishedVersionId: source.publishedVersionId as string,
      },
      remixId: remix.id,
    });
    return remix;
  });
}
