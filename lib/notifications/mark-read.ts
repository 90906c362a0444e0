import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { parseInput } from "../gpts/parse-input";
import { type MarkReadInput, type MarkReadResult, markReadInputSchema } from "./schemas";

/**
 * Marks the actor's notifications read: the ones named, or all. The update is scoped to the
 * actor's rows, so an id belonging to someone else (or to nothing) is silently skipped and its
 * row never touched. Rows already read keep their first readAt.
 */
export async function markNotificationsRead({
  actor,
  input,
}: {
  actor: Actor;
  input: MarkReadInput;
}): Promise<MarkReadResult> {
  const { ids, all } = parseInput(markReadInputSchema, input);
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: {
        userId: actor.id,
        readAt: null,
        ...(all ? {} : { id: { in: [...new Set(ids)] } }),
      },
      data: { readAt: new Date() },
    });
    const unreadCount = await tx.notification.count({
      where: { userId: actor.id, readAt: null },
    });
    return { updated: count, unreadCount };
  });
}
