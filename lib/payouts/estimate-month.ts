import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { monthBounds, monthOf } from "./months";
import { INCOME_ACCOUNTS } from "./pool-inputs";

export type RunningEstimate = {
  month: string;
  estimatedMicros: bigint;
  engagedAnswers: number;
  payingUsers: number;
};

/**
 * One creator's share of the running month so far, by the pool's formula without its rounding:
 * for each paying user of their GPTs, share% × the user's net contribution × the user's engaged
 * answers with this creator's GPTs / all the user's engaged answers. It reads only the users of
 * this creator's GPTs (a whole-month plan takes seconds at a million answers), and is labelled
 * an estimate wherever it shows: more money and answers will come, refunds may go, and removed
 * GPTs' shares are left out (they would be held).
 */
export async function estimateRunningMonth({
  creatorId,
  now = new Date(),
  db = prisma,
}: {
  creatorId: string;
  now?: Date;
  db?: Prisma.TransactionClient | typeof prisma;
}): Promise<RunningEstimate> {
  const month = monthOf(now);
  const { start, end } = monthBounds(month);
  const settings = await db.instanceSettings.findUnique({ where: { id: 1 } });
  const share = settings?.creatorSharePercent ?? 50;
  const cap = settings?.engagedAnswersDailyCap ?? 10;
  const [row] = await db.$queryRaw<{ micros: string | null; engaged: number; users: number }[]>`
    WITH users_of AS (
      SELECT DISTINCT "userId" FROM "UsageEvent"
      WHERE "creatorId" = ${creatorId} AND "createdAt" >= ${start} AND "createdAt" < ${end}
        AND "channel" <> 'PREVIEW' AND "userId" <> ${creatorId}
    ),
    contributions AS (
      SELECT t."userId", -SUM(e."amountMicros") AS contribution
      FROM "LedgerTransaction" t JOIN "LedgerEntry" e ON e."transactionId" = t."id"
      WHERE t."userId" IN (SELECT "userId" FROM users_of)
        AND t."occurredAt" >= ${start} AND t."occurredAt" < ${end}
        AND e."accountId" = ANY(${INCOME_ACCOUNTS}::text[])
      GROUP BY t."userId"
      HAVING -SUM(e."amountMicros") > 0
    ),
    cells AS (
      SELECT u."userId", u."creatorId", g."status" = 'REMOVED' AS "isHeld",
        LEAST(COUNT(*), ${cap}) AS engaged
      FROM "UsageEvent" u
      JOIN "User" usr ON usr."id" = u."userId"
      JOIN "Gpt" g ON g."id" = u."gptId"
      WHERE u."userId" IN (SELECT "userId" FROM contributions)
        AND u."createdAt" >= ${start} AND u."createdAt" < ${end}
        AND u."channel" <> 'PREVIEW' AND u."userId" <> u."creatorId" AND usr."bannedAt" IS NULL
      GROUP BY u."userId", u."gptId", u."creatorId", g."status", date_trunc('day', u."createdAt")
    ),
    per_user AS (
      SELECT "userId", SUM(engaged) AS total,
        SUM(engaged) FILTER (WHERE "creatorId" = ${creatorId} AND NOT "isHeld") AS mine
      FROM cells GROUP BY "userId"
    )
    SELECT FLOOR(SUM(c.contribution::numeric * ${share} / 100 * p.mine / p.total))::text AS micros,
      COALESCE(SUM(p.mine), 0)::int AS engaged,
      COUNT(*) FILTER (WHERE p.mine > 0)::int AS users
    FROM per_user p JOIN contributions c ON c."userId" = p."userId"
    WHERE p.mine > 0`;
  return {
    month,
    estimatedMicros: BigInt(row?.micros ?? "0"),
    engagedAnswers: row?.engaged ?? 0,
    payingUsers: row?.users ?? 0,
  };
}
