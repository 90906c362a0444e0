import "server-only";
import type { z } from "zod";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { releaseAvatar } from "./avatar/release-avatar";
import { parseInput } from "./parse-input";
import { updateGptDraftSchema } from "./schemas";
import { validateDraftAdditions, validateDraftReferences } from "./validate-references";

/**
 * Saves the draft. The owner is part of the where clause (someone else's GPT is "not found"), and
 * the revision the editor loaded must still be current: two tabs cannot silently overwrite each
 * other. Published versions are untouched: users keep talking to them until the next publish.
 */
export async function updateGptDraft({
  actor,
  gptId,
  input,
}: {
  actor: Actor;
  gptId: string;
  input: z.input<typeof updateGptDraftSchema>;
}) {
  const { revision, ...draft } = parseInput(updateGptDraftSchema, input);
  const saved = await prisma.$transaction(async (tx) => {
    const current = await tx.gpt.findFirst({
      where: { id: gptId, ownerId: actor.id, deletedAt: null },
      select: { revision: true, modelConfigId: true, avatarKey: true, capabilities: true },
    });
    if (!current) throw new AppError("not_found", "GPT not found.");
    await validateDraftReferences(tx, draft, current.modelConfigId);
    await validateDraftAdditions({ ownerId: actor.id, draft, current });
    const updated = await tx.gpt.updateMany({
      where: { id: gptId, ownerId: actor.id, deletedAt: null, revision },
      data: { ...draft, revision: { increment: 1 } },
    });
    if (updated.count === 0) {
      throw new AppError(
        "conflict",
        "This GPT was changed in another tab or window. Reload to get the latest version.",
      );
    }
    return { revision: revision + 1, replacedAvatarKey: current.avatarKey };
  });
  // After the commit: the old picture may only go once the draft no longer points at it.
  if (saved.replacedAvatarKey && saved.replacedAvatarKey !== draft.avatarKey) {
    await releaseAvatar(saved.replacedAvatarKey);
  }
  return { revision: saved.revision };
}
