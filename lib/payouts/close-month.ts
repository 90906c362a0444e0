import "server-only";
import { randomUUID } from "node:crypto";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { creatorAccount, heldEarningsAccount, LEDGER_ACCOUNTS } from "../ledger/accounts";
import { bookLedgerTransaction } from "../ledger/book";
import { monthBounds, monthOf, monthsBetween, previousMonth } from "./months";
import { type MonthClosePlan, periodFigures, planMonthClose } from "./plan-month-close";

/**
 * The scheduled close waits this long after a month ends for late webhooks: with the job's 02:20
 * UTC run, a month closes on the 3rd of the next.
 */
export const CLOSE_DELAY_DAYS = 2;
const DAY_MS = 24 * 60 * 60 * 1000;

export type CloseResult = { month: string; status: "closed" | "already_closed" };

/**
 * Closes one month of the revenue pool: the plan (lib/payouts/plan-month-close.ts) is written in
 * one transaction: the period, each creator's statement and lines, the per-user allocations,
 * holds, and one ledger booking (the pool → creators' balances and held accounts, clawbacks back).
 * Deterministic and idempotent: the period row is claimed first, so a second close (another
 * instance, a retry, the job and an admin at once) writes nothing and books nothing.
 */
export async function closeMonth({
  month,
  closedById,
  now = new Date(),
}: {
  month: string;
  closedById: string | null;
  now?: Date;
}): Promise<CloseResult> {
  if (monthBounds(month).end > now) {
    throw new AppError("conflict", `${month} has not ended yet; it can be closed from the 1st.`);
  }
  return prisma.$transaction(
    async (tx) => {
      if (await tx.revenuePeriod.findUnique({ where: { month }, select: { month: true } })) {
        return { month, status: "already_closed" as const };
      }
      // The plan is computed inside the transaction (PGlite has one connection; on a server the
      // period's claim below serialises concurrent closes).
      const plan = await planMonthClose(tx, month);
      const claimed = await tx.revenuePeriod.createMany({
        data: [periodRow(plan, { closedById, now })],
        skipDuplicates: true,
      });
      if (claimed.count === 0) return { month, status: "already_closed" as const };
      const ledgerTransactionId = await bookClose(tx, plan, now);
      if (ledgerTransactionId) {
        await tx.revenuePeriod.update({ where: { month }, data: { ledgerTransactionId } });
      }
      await writeStatements(tx, plan);
      await writeHolds(tx, plan);
      await tx.auditLog.create({
        data: {
          actorId: closedById,
          action: "revenue-pool.close",
          targetType: "RevenuePeriod",
          targetId: month,
          data: {
            poolMicros: plan.split.poolMicros.toString(),
            allocatedMicros: plan.split.allocatedMicros.toString(),
            heldMicros: plan.split.heldMicros.toString(),
            clawbackMicros: plan.split.clawbackMicros.toString(),
            statements: plan.statements.length,
          },
        },
      });
      return { month, status: "closed" as const };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/**
 * Closes, oldest first, every month that has ended and is not closed yet, from the first month
 * with customer money in the ledger up to `through` (default: the last month whose close delay
 * has passed). Months close in order because a month's clawbacks read the months before it.
 */
export async function closeEndedMonths({
  now = new Date(),
  through,
  closedById = null,
}: {
  now?: Date;
  through?: string;
  closedById?: string | null;
} = {}): Promise<CloseResult[]> {
  const last =
    through ?? previousMonth(monthOf(new Date(now.getTime() - CLOSE_DELAY_DAYS * DAY_MS)));
  const first = await firstMonthWithMoney();
  if (!first) return [];
  const closed = new Set(
    (await prisma.revenuePeriod.findMany({ select: { month: true } })).map((p) => p.month),
  );
  const results: CloseResult[] = [];
  for (const month of monthsBetween(first, last)) {
    if (closed.has(month)) continue;
    results.push(await closeMonth({ month, closedById, now }));
  }
  return results;
}

/** The oldest month a customer's money was booked in (null: none yet). */
export async function firstMonthWithMoney(): Promise<string | null> {
  const first = await prisma.ledgerTransaction.findFirst({
    where: { userId: { not: null } },
    orderBy: { occurredAt: "asc" },
    select: { occurredAt: true },
  });
  return first ? monthOf(first.occurredAt) : null;
}

function periodRow(
  plan: MonthClosePlan,
  { closedById, now }: { closedById: string | null; now: Date },
): Prisma.RevenuePeriodCreateManyInput {
  return { ...periodFigures(plan), closedAt: now, closedById };
}

/** The pool → each creator (earned less clawed back) and each held GPT; null when nothing moves. */
async function bookClose(
  tx: Prisma.TransactionClient,
  plan: MonthClosePlan,
  now: Date,
): Promise<string | null> {
  const creatorEntries = plan.statements.map((statement) => ({
    account: creatorAccount(statement.creatorId),
    amountMicros: -(statement.earnedMicros - statement.clawbackMicros),
  }));
  const heldEntries = plan.moderationHolds.map((hold) => ({
    account: heldEarningsAccount(plan.month, hold.gptId),
    amountMicros: -hold.amountMicros,
  }));
  const expense = plan.split.allocatedMicros + plan.split.heldMicros - plan.split.clawbackMicros;
  const entries = [
    { account: LEDGER_ACCOUNTS.creatorPool, amountMicros: expense },
    ...creatorEntries,
    ...heldEntries,
  ];
  if (entries.filter((entry) => entry.amountMicros !== 0n).length < 2) return null;
  const booked = await bookLedgerTransaction(tx, {
    idempotencyKey: `revenue-pool.close:${plan.month}`,
    kind: "revenue-pool.close",
    sourceId: plan.month,
    description: `Creator revenue pool for ${plan.month}`,
    // The last instant of the month: the pool is that month's expense.
    occurredAt: new Date(Math.min(monthBounds(plan.month).end.getTime() - 1, now.getTime())),
    entries,
  });
  return booked.transactionId;
}

async function writeStatements(tx: Prisma.TransactionClient, plan: MonthClosePlan): Promise<void> {
  const statements = plan.statements.map((statement) => ({ id: randomUUID(), statement }));
  await tx.creatorStatement.createMany({
    data: statements.map(({ id, statement }) => ({
      id,
      month: plan.month,
      creatorId: statement.creatorId,
      earnedMicros: statement.earnedMicros,
      heldMicros: statement.heldMicros,
      clawbackMicros: statement.clawbackMicros,
      engagedAnswers: statement.engagedAnswers,
      payingUsers: statement.payingUsers,
    })),
  });
  // Set-based (unnest of column arrays): a month has tens of thousands of lines and allocations,
  // which row-by-row inserts took seconds to write on PostgreSQL and far longer embedded.
  const lines = statements.flatMap(({ id, statement }) =>
    statement.lines.map((line) => ({ statementId: id, ...line })),
  );
  await tx.$executeRaw`
    INSERT INTO "StatementLine" ("statementId", "gptId", "gptName", "day", "engagedAnswers",
      "payingUsers", "amountMicros", "isHeld")
    SELECT * FROM unnest(
      ${lines.map((l) => l.statementId)}::text[], ${lines.map((l) => l.gptId)}::text[],
      ${lines.map((l) => l.gptName)}::text[], ${lines.map((l) => l.day)}::date[],
      ${lines.map((l) => l.engagedAnswers)}::int[], ${lines.map((l) => l.payingUsers)}::int[],
      ${lines.map((l) => l.amountMicros.toString())}::bigint[], ${lines.map((l) => l.isHeld)}::boolean[])`;
  // Per user and GPT: what a later refund of this user's money is taken back from.
  const allocations = new Map<string, Prisma.PoolAllocationCreateManyInput>();
  for (const cell of plan.split.cells) {
    const key = `${cell.userId}\u0000${cell.gptId}`;
    const row = allocations.get(key) ?? {
      month: plan.month,
      userId: cell.userId,
      gptId: cell.gptId,
      creatorId: cell.creatorId,
      engagedAnswers: 0,
      amountMicros: 0n,
    };
    row.engagedAnswers = (row.engagedAnswers ?? 0) + cell.engagedAnswers;
    row.amountMicros = BigInt(row.amountMicros) + cell.amountMicros;
    allocations.set(key, row);
  }
  for (const claw of plan.split.clawbacks) {
    allocations.set(`${claw.userId}\u0000${claw.gptId}`, {
      month: plan.month,
      userId: claw.userId,
      gptId: claw.gptId,
      creatorId: claw.creatorId,
      engagedAnswers: 0,
      amountMicros: -claw.amountMicros,
    });
  }
  const rows = [...allocations.values()];
  await tx.$executeRaw`
    INSERT INTO "PoolAllocation" ("month", "userId", "gptId", "creatorId", "engagedAnswers",
      "amountMicros")
    SELECT ${plan.month}, * FROM unnest(
      ${rows.map((r) => r.userId)}::text[], ${rows.map((r) => r.gptId)}::text[],
      ${rows.map((r) => r.creatorId)}::text[], ${rows.map((r) => r.engagedAnswers ?? 0)}::int[],
      ${rows.map((r) => String(r.amountMicros))}::bigint[])`;
}

async function writeHolds(tx: Prisma.TransactionClient, plan: MonthClosePlan): Promise<void> {
  const holds: Prisma.EarningsHoldCreateManyInput[] = [
    ...plan.moderationHolds.map((hold) => ({
      key: `${plan.month}:MODERATION:${hold.creatorId}:${hold.gptId}`,
      month: plan.month,
      creatorId: hold.creatorId,
      gptId: hold.gptId,
      reason: "MODERATION" as const,
      amountMicros: hold.amountMicros,
      details: { gptName: hold.gptName },
    })),
    ...plan.fraudFindings.map((finding) => ({
      key: `${plan.month}:${finding.reason}:${finding.creatorId}:${finding.gptId ?? "-"}`,
      month: plan.month,
      creatorId: finding.creatorId,
      gptId: finding.gptId,
      reason: finding.reason,
      amountMicros: finding.amountMicros,
      details: finding.details as Prisma.InputJsonValue,
    })),
  ];
  if (holds.length > 0) await tx.earningsHold.createMany({ data: holds, skipDuplicates: true });
}
