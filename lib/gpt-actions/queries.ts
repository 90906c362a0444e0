import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { findOwnedGpt } from "../knowledge/files/owned-gpt";
import type { ActionListResponse } from "./client/api-client";
import { definitionFromRow, toActionView } from "./definition";
import { hasActionChanges } from "./snapshot";
import type { ActionCallLogEntry } from "./types";

/**
 * The draft's actions, in the order they were added (owner only), and whether a publish would
 * change what users get (no published version: any action is a change).
 */
export async function listGptActions({
  actor,
  gptId,
}: {
  actor: Actor;
  gptId: string;
}): Promise<ActionListResponse> {
  const gpt = await findOwnedGpt(actor, gptId);
  const rows = await prisma.gptAction.findMany({
    where: { gptId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  const published = gpt.publishedVersionId
    ? await prisma.gptVersion.findUnique({
        where: { id: gpt.publishedVersionId },
        select: { actions: true },
      })
    : null;
  return {
    actions: rows.map(toActionView),
    hasUnpublishedChanges: published
      ? hasActionChanges(rows.map(definitionFromRow), published.actions)
      : rows.length > 0,
  };
}

export const CALL_LOG_LIMIT = 200;

/** The latest calls of the GPT's actions, newest first (owner only). */
export async function listActionCalls({
  actor,
  gptId,
}: {
  actor: Actor;
  gptId: string;
}): Promise<ActionCallLogEntry[]> {
  await findOwnedGpt(actor, gptId);
  const rows = await prisma.actionCall.findMany({
    where: { gptId },
    orderBy: { createdAt: "desc" },
    take: CALL_LOG_LIMIT,
  });
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    actionId: row.actionId,
    source: row.source,
    operation: row.operation,
    method: row.method,
    domain: row.domain,
    status: row.status,
    latencyMs: row.latencyMs,
    error: row.error,
  }));
}
