import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { findOwnedGpt } from "../knowledge/files/owned-gpt";
import { ACTION_NOT_FOUND } from "./find-action";

/**
 * Removes an action from the draft. Published versions keep their own snapshot (with the sealed
 * credential), so the live GPT goes on calling it until the next publish.
 */
export async function deleteGptAction({
  actor,
  gptId,
  actionId,
}: {
  actor: Actor;
  gptId: string;
  actionId: string;
}): Promise<void> {
  await findOwnedGpt(actor, gptId);
  const deleted = await prisma.gptAction.deleteMany({ where: { id: actionId, gptId } });
  if (deleted.count === 0) throw new AppError("not_found", ACTION_NOT_FOUND);
}
