import "server-only";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";

/** Hides a GPT from the actor's sidebar. Idempotent; only ever touches the actor's own pins. */
export async function unpinGpt({ actor, gptId }: { actor: Actor; gptId: string }) {
  await prisma.pinnedGpt.deleteMany({ where: { userId: actor.id, gptId } });
  return { ok: true as const };
}
