import "server-only";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { AppError } from "../../errors";
import type { ActionConnectionView } from "../types";

export async function listConnections(actor: Actor): Promise<ActionConnectionView[]> {
  const rows = await prisma.actionConnection.findMany({
    where: { userId: actor.id },
    include: { gpt: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((row) => ({
    id: row.id,
    gptId: row.gptId,
    gptName: row.gpt.name,
    actionId: row.actionId,
    domain: row.domain,
    scope: row.scope,
    connectedAt: row.createdAt.toISOString(),
  }));
}

/** Forgets the user's tokens for one action; the next call asks them to connect again. */
export async function disconnectAction({
  actor,
  connectionId,
}: {
  actor: Actor;
  connectionId: string;
}): Promise<void> {
  const deleted = await prisma.actionConnection.deleteMany({
    where: { id: connectionId, userId: actor.id },
  });
  if (deleted.count === 0) throw new AppError("not_found", "Connection not found.");
}

export async function isConnected({
  actor,
  actionId,
}: {
  actor: Actor;
  actionId: string;
}): Promise<boolean> {
  const count = await prisma.actionConnection.count({ where: { userId: actor.id, actionId } });
  return count > 0;
}
