import "server-only";
import { prisma } from "../db";
import type { Period } from "./days";
import { inScope, type Scope } from "./scope";
import type { ActionErrorGroup, KnowledgeGap } from "./types";

/** Rows of the knowledge-gaps list and of the action-errors table. */
const LIST_LIMIT = 20;

/** Earnings per day from closed months' statement lines (none until a month is closed). */
export async function earningRows(scope: Scope, periods: { current: Period; previous: Period }) {
  const { current, previous } = periods;
  const rows = await prisma.$queryRaw<{ day: string; earned: string; held: string }[]>`
    SELECT to_char(l."day", 'YYYY-MM-DD') AS "day",
      coalesce(sum(l."amountMicros") FILTER (WHERE NOT l."isHeld"), 0)::text AS "earned",
      coalesce(sum(l."amountMicros") FILTER (WHERE l."isHeld"), 0)::text AS "held"
    FROM "CreatorStatement" cs
    JOIN "StatementLine" l ON l."statementId" = cs."id"
    WHERE cs."creatorId" = ${scope.ownerId} AND ${inScope("l", scope)}
      AND l."day" >= ${previous.from}::date AND l."day" <= ${current.to}::date
    GROUP BY l."day"`;
  let heldCurrent = 0n;
  let heldPrevious = 0n;
  for (const row of rows) {
    if (row.day >= current.from) heldCurrent += BigInt(row.held);
    else heldPrevious += BigInt(row.held);
  }
  return {
    days: rows.map((row) => ({ day: row.day, earnedMicros: String(BigInt(row.earned)) })),
    heldCurrent,
    heldPrevious,
  };
}

/** The period's most frequent knowledge misses, grouped; the example is the group's latest. */
export async function knowledgeGapRows(
  scope: Scope,
  from: string,
): Promise<Omit<KnowledgeGap, "gptName">[]> {
  const rows = await prisma.$queryRaw<
    { gptId: string; normalized: string; example: string; count: number; lastSeenAt: string }[]
  >`
    WITH top AS (
      SELECT m."gptId", m."normalized", count(*)::int AS "count", max(m."createdAt") AS "lastSeen"
      FROM "KnowledgeMiss" m
      WHERE ${inScope("m", scope)} AND m."createdAt" >= ${from}::timestamp
      GROUP BY m."gptId", m."normalized"
      ORDER BY count(*) DESC, max(m."createdAt") DESC
      LIMIT ${LIST_LIMIT}
    )
    SELECT t."gptId", t."normalized", t."count",
      to_char(t."lastSeen", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "lastSeenAt",
      (SELECT x."query" FROM "KnowledgeMiss" x
        WHERE x."gptId" = t."gptId" AND x."createdAt" = t."lastSeen"
          AND x."normalized" = t."normalized"
        LIMIT 1) AS "example"
    FROM top t
    ORDER BY t."count" DESC, t."lastSeen" DESC`;
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

/** Operations whose calls failed in the period (chats only), with their latest error. */
export async function actionErrorRows(
  scope: Scope,
  from: string,
): Promise<Omit<ActionErrorGroup, "gptName">[]> {
  const rows = await prisma.$queryRaw<
    {
      gptId: string;
      operation: string;
      calls: number;
      errors: number;
      lastError: string | null;
      lastErrorAt: string | null;
    }[]
  >`
    WITH top AS (
      SELECT a."gptId", a."operation", count(*)::int AS "calls",
        count(*) FILTER (WHERE a."error" IS NOT NULL)::int AS "errors",
        max(a."createdAt") FILTER (WHERE a."error" IS NOT NULL) AS "lastErrorAt"
      FROM "ActionCall" a
      WHERE ${inScope("a", scope)} AND a."createdAt" >= ${from}::timestamp AND a."source" = 'CHAT'
      GROUP BY a."gptId", a."operation"
      HAVING count(*) FILTER (WHERE a."error" IS NOT NULL) > 0
      ORDER BY count(*) FILTER (WHERE a."error" IS NOT NULL) DESC, a."operation"
      LIMIT ${LIST_LIMIT}
    )
    SELECT t."gptId", t."operation", t."calls", t."errors",
      to_char(t."lastErrorAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "lastErrorAt",
      (SELECT x."error" FROM "ActionCall" x
        WHERE x."gptId" = t."gptId" AND x."createdAt" = t."lastErrorAt"
          AND x."operation" = t."operation" AND x."error" IS NOT NULL AND x."source" = 'CHAT'
        LIMIT 1) AS "lastError"
    FROM top t
    ORDER BY t."errors" DESC, t."operation"`;
  return rows.map((row) => ({ ...row, calls: Number(row.calls), errors: Number(row.errors) }));
}
