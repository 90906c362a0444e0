import "server-only";
import { Prisma } from "../generated/prisma/client";
import { LEDGER_ACCOUNTS } from "../ledger/accounts";
import type { EngagedCell, PriorAllocation, UserContribution } from "./split-pool";

type Db = Prisma.TransactionClient;

const { subscriptionRevenue, creditRevenue, stripeFees, refunds, disputes, disputeFees } =
  LEDGER_ACCOUNTS;
/** The income statement, as far as customers' money goes: revenue, less fees, refunds, disputes. */
export const INCOME_ACCOUNTS = [
  subscriptionRevenue,
  creditRevenue,
  stripeFees,
  refunds,
  disputes,
  disputeFees,
].map((account) => account.id);
const LOSS_ACCOUNTS = [refunds, disputes, disputeFees].map((account) => account.id);

/**
 * Each customer's net contribution in [start, end), from the ledger: minus the sum of their
 * transactions' entries on the income accounts (revenue is booked as credits, i.e. negative),
 * and among it the refunds and disputes (what a later clawback is about).
 */
export async function loadContributions(
  db: Db,
  { start, end }: { start: Date; end: Date },
): Promise<UserContribution[]> {
  const rows = await db.$queryRaw<{ userId: string; contribution: bigint; losses: bigint }[]>`
    SELECT t."userId",
      -COALESCE(SUM(e."amountMicros") FILTER (WHERE e."accountId" IN (${Prisma.join(INCOME_ACCOUNTS)})), 0)::bigint AS contribution,
      GREATEST(COALESCE(SUM(e."amountMicros") FILTER (WHERE e."accountId" IN (${Prisma.join(LOSS_ACCOUNTS)})), 0), 0)::bigint AS losses
    FROM "LedgerTransaction" t
    JOIN "LedgerEntry" e ON e."transactionId" = t."id"
    WHERE t."userId" IS NOT NULL AND t."occurredAt" >= ${start} AND t."occurredAt" < ${end}
    GROUP BY t."userId"
    ORDER BY t."userId"`;
  return rows.map((row) => ({
    userId: row.userId,
    contributionMicros: BigInt(row.contribution),
    lossesMicros: BigInt(row.losses),
  }));
}

/**
 * Engaged answers of the given users in [start, end): per user, GPT and UTC day, at most `cap`.
 * Left out: previews, a creator's answers from their own GPTs, and users banned now.
 */
export async function loadEngagedCells(
  db: Db,
  { start, end, cap, userIds }: { start: Date; end: Date; cap: number; userIds: string[] },
): Promise<(Omit<EngagedCell, "isHeld"> & { rawAnswers: number })[]> {
  if (userIds.length === 0) return [];
  const rows = await db.$queryRaw<
    { userId: string; gptId: string; creatorId: string; day: string; answers: number }[]
  >`
    SELECT u."userId", u."gptId", u."creatorId",
      to_char(date_trunc('day', u."createdAt"), 'YYYY-MM-DD') AS day, COUNT(*)::int AS answers
    FROM "UsageEvent" u
    JOIN "User" usr ON usr."id" = u."userId"
    WHERE u."createdAt" >= ${start} AND u."createdAt" < ${end}
      AND u."channel" <> 'PREVIEW'
      AND u."userId" <> u."creatorId"
      AND usr."bannedAt" IS NULL
      AND u."userId" = ANY(${userIds}::text[])
    GROUP BY 1, 2, 3, 4`;
  return rows.map((row) => ({
    userId: row.userId,
    gptId: row.gptId,
    creatorId: row.creatorId,
    day: row.day,
    rawAnswers: row.answers,
    engagedAnswers: Math.min(row.answers, cap),
  }));
}

/**
 * What each of these users' money gave each GPT in the months before `month`, net of clawbacks.
 * Money the creator never received is left out: shares still held or voided for moderation, and
 * earnings voided after a fraud review (the flagged users' for a creator, or a spiking GPT's).
 */
export async function loadPriorAllocations(
  db: Db,
  { month, userIds }: { month: string; userIds: string[] },
): Promise<PriorAllocation[]> {
  if (userIds.length === 0) return [];
  const rows = await db.$queryRaw<
    { userId: string; gptId: string; creatorId: string; amount: bigint }[]
  >`
    SELECT a."userId", a."gptId", a."creatorId", SUM(a."amountMicros")::bigint AS amount
    FROM "PoolAllocation" a
    WHERE a."month" < ${month} AND a."userId" = ANY(${userIds}::text[])
      AND NOT EXISTS (
        SELECT 1 FROM "EarningsHold" h
        WHERE h."month" = a."month" AND h."creatorId" = a."creatorId" AND (
          (h."reason" = 'MODERATION' AND h."status" <> 'RELEASED' AND h."gptId" = a."gptId")
          OR (h."reason" = 'ANSWER_SPIKE' AND h."status" = 'VOIDED' AND h."gptId" = a."gptId")
          OR (h."reason" IN ('SIGNUP_CLUSTER', 'MACHINE_REGULARITY') AND h."status" = 'VOIDED'
            AND h."details" -> 'userIds' @> to_jsonb(a."userId"))
        )
      )
    GROUP BY 1, 2, 3
    HAVING SUM(a."amountMicros") > 0`;
  return rows.map((row) => ({ ...row, amountMicros: BigInt(row.amount) }));
}

export type GptFacts = { id: string; name: string; isRemoved: boolean };

export async function loadGptFacts(db: Db, gptIds: string[]): Promise<Map<string, GptFacts>> {
  if (gptIds.length === 0) return new Map();
  const gpts = await db.gpt.findMany({
    where: { id: { in: gptIds } },
    select: { id: true, name: true, status: true },
  });
  return new Map(
    gpts.map((gpt) => [
      gpt.id,
      { id: gpt.id, name: gpt.name, isRemoved: gpt.status === "REMOVED" },
    ]),
  );
}
