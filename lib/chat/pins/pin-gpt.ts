import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { AppError } from "../../errors";
import { type GptTile, gptTileSelect, toGptTile } from "./gpt-tile";

export const pinGptSchema = z.object({ gptId: z.string().trim().min(1, "Choose a GPT to pin.") });

/**
 * Keeps a GPT in the actor's sidebar. Idempotent (the (userId, gptId) key): pinning twice keeps
 * one pin. A GPT the actor may not open is "not found", whether it exists or not.
 */
export async function pinGpt({ actor, gptId }: { actor: Actor; gptId: string }): Promise<GptTile> {
  const gpt = await prisma.gpt.findUnique({ where: { id: gptId }, select: gptTileSelect });
  const tile = gpt ? toGptTile(actor, gpt) : null;
  if (!tile) throw new AppError("not_found", "GPT not found.");
  await prisma.pinnedGpt.createMany({
    data: [{ userId: actor.id, gptId }],
    skipDuplicates: true,
  });
  return tile;
}
