import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { canViewGpt } from "../gpts/policy";
import { type ActionDefinition, definitionFromRow, definitionsFromVersion } from "./definition";

export const ACTION_NOT_FOUND = "Action not found.";

/**
 * The action a user may call: the owner gets the draft's row (preview, Test) and falls back to the
 * published version; anyone else only what the published version they can view contains.
 */
export async function findActionForUser({
  actor,
  gptId,
  actionId,
}: {
  actor: Actor;
  gptId: string;
  actionId: string;
}): Promise<{ definition: ActionDefinition; gpt: { id: string; ownerId: string; name: string } }> {
  const gpt = await prisma.gpt.findUnique({
    where: { id: gptId },
    include: {
      publishedVersion: { select: { actions: true } },
      owner: { select: { bannedAt: true } },
    },
  });
  if (!gpt || gpt.deletedAt) throw new AppError("not_found", ACTION_NOT_FOUND);
  const summary = { id: gpt.id, ownerId: gpt.ownerId, name: gpt.name };
  if (gpt.ownerId === actor.id) {
    const row = await prisma.gptAction.findFirst({ where: { id: actionId, gptId } });
    if (row) return { definition: definitionFromRow(row), gpt: summary };
  } else if (!canViewGpt(actor, { ...gpt, isOwnerBanned: gpt.owner.bannedAt !== null })) {
    throw new AppError("not_found", ACTION_NOT_FOUND);
  }
  const definition = definitionsFromVersion(gpt.publishedVersion?.actions).find(
    (candidate) => candidate.id === actionId,
  );
  if (!definition) throw new AppError("not_found", ACTION_NOT_FOUND);
  return { definition, gpt: summary };
}
