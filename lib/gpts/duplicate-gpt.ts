import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { insertActionCopies } from "../gpt-actions/copy-actions";
import { snapshotDraftActions } from "../gpt-actions/snapshot";
import {
  insertKnowledgeFileCopies,
  withKnowledgeCopy,
} from "../knowledge/copy/copy-knowledge-files";
import { copyAvatar } from "./copy-avatar";
import { configOf } from "./gpt-config";
import { GPT_LIMITS } from "./schemas";
import { makeGptSlug } from "./slug";

const COPY_SUFFIX = " (copy)";

/** "<name> (copy)", the name shortened so the whole fits the name limit. */
export function copyName(name: string): string {
  const room = GPT_LIMITS.name - COPY_SUFFIX.length;
  return `${name.slice(0, room).trimEnd()}${COPY_SUFFIX}`;
}

/**
 * Copies the owner's own draft (every versioned field, the avatar file included) into a new
 * private, never-published GPT. Sharing settings start off: the copy is a fresh draft. A remix
 * stays credited to its original. A GPT removed by a moderator cannot be copied back to life.
 * The draft's knowledge files are copied too (blobs, rows, and the chunks of READY files; files
 * still processing are processed again for the copy), all or nothing.
 */
export async function duplicateGpt({ actor, gptId }: { actor: Actor; gptId: string }) {
  const source = await prisma.gpt.findFirst({
    where: { id: gptId, ownerId: actor.id, deletedAt: null },
  });
  if (!source) throw new AppError("not_found", "GPT not found.");
  if (source.status === "REMOVED") {
    throw new AppError("forbidden", "This GPT was removed by a moderator and cannot be copied.");
  }
  const config = configOf(source);
  const avatarKey = await copyAvatar({ avatarKey: config.avatarKey, ownerId: actor.id });
  const name = copyName(config.name);
  const drafts = await prisma.knowledgeFile.findMany({
    where: { gptId: source.id, inDraft: true },
    select: { id: true },
  });
  return withKnowledgeCopy({
    fileIds: drafts.map((file) => file.id),
    ownerId: actor.id,
    write: (copies) =>
      prisma.$transaction(async (tx) => {
        const copy = await tx.gpt.create({
          data: {
            ...config,
            name,
            avatarKey,
            ownerId: actor.id,
            slug: makeGptSlug(name),
            visibility: "PRIVATE",
            allowRemix: false,
            allowKnowledgeRemix: false,
            remixedFromId: source.remixedFromId,
          },
          select: { id: true, slug: true, name: true },
        });
        await insertKnowledgeFileCopies(tx, { copies, gptId: copy.id, ownerId: actor.id });
        // The owner's own copy keeps their action credentials (sealed, never shown).
        const actions = await snapshotDraftActions(tx, source.id);
        await insertActionCopies(tx, { gptId: copy.id, definitions: actions });
        return copy;
      }),
  });
}
