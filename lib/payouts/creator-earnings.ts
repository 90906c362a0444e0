import "server-only";
import type { Actor } from "../auth/session";
import { isBillingEnabled } from "../billing/stripe";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { EarningsHoldReason, PayoutStatus } from "../generated/prisma/client";
import { getInstanceSettings } from "../settings/instance-settings";
import { creatorBalances } from "./balances";
import { estimateRunningMonth } from "./estimate-month";
import { isMonth } from "./months";

export type PayoutAccountStatus = "none" | "incomplete" | "restricted" | "active";

export type CreatorEarnings = {
  balanceMicros: bigint;
  availableMicros: bigint;
  /** Earnings of closed months still in the holding period. */
  holdingMicros: bigint;
  /** Payouts sent to Stripe but not confirmed yet. */
  inTransitMicros: bigint;
  /** The running month, as if it closed now: labelled an estimate everywhere it shows. */
  thisMonth: {
    month: string;
    estimatedMicros: bigint;
    engagedAnswers: number;
    payingUsers: number;
  };
  statements: {
    id: string;
    month: string;
    earnedMicros: bigint;
    heldMicros: bigint;
    clawbackMicros: bigint;
    engagedAnswers: number;
    payingUsers: number;
    availableAt: Date;
  }[];
  payouts: {
    id: string;
    amountMicros: bigint;
    status: PayoutStatus;
    statementMonth: string | null;
    createdAt: Date;
    settledAt: Date | null;
    failureMessage: string | null;
  }[];
  payoutAccount: {
    status: PayoutAccountStatus;
    requirementsDue: string[];
  };
  /** Open holds on this creator's earnings, and why (no evidence: that is for admins). */
  holds: {
    id: string;
    month: string;
    reason: EarningsHoldReason;
    amountMicros: bigint;
    gptId: string | null;
  }[];
  rules: {
    sharePercent: number;
    engagedAnswersDailyCap: number;
    thresholdMicros: bigint;
    holdingDays: number;
  };
};

function assertPayoutsEnabled(): void {
  if (!isBillingEnabled())
    throw new AppError("not_found", "Earnings are not set up on this instance.");
}

/** The signed-in creator's Earnings page: only ever their own statements, payouts and holds. */
export async function getCreatorEarnings({
  actor,
  now = new Date(),
}: {
  actor: Actor;
  now?: Date;
}): Promise<CreatorEarnings> {
  assertPayoutsEnabled();
  const creatorId = actor.id;
  const [balances, statements, payouts, account, holds, settings, estimate] = await Promise.all([
    creatorBalances(prisma, { creatorIds: [creatorId], now }),
    prisma.creatorStatement.findMany({
      where: { creatorId },
      orderBy: { month: "desc" },
      include: { period: { select: { availableAt: true } } },
    }),
    prisma.payout.findMany({ where: { creatorId }, orderBy: { createdAt: "desc" }, take: 50 }),
    prisma.payoutAccount.findUnique({ where: { userId: creatorId } }),
    prisma.earningsHold.findMany({
      where: { creatorId, status: "OPEN" },
      orderBy: { createdAt: "desc" },
    }),
    getInstanceSettings(),
    estimateRunningMonth({ creatorId, now }),
  ]);
  const balance = balances.get(creatorId);
  const monthOfStatement = new Map(statements.map((statement) => [statement.id, statement.month]));
  return {
    balanceMicros: balance?.balanceMicros ?? 0n,
    availableMicros: balance?.availableMicros ?? 0n,
    holdingMicros: balance?.holdingMicros ?? 0n,
    inTransitMicros: payouts
      .filter((payout) => payout.status === "PENDING")
      .reduce((sum, payout) => sum + payout.amountMicros, 0n),
    thisMonth: estimate,
    statements: statements.map(({ period, createdAt: _created, creatorId: _c, ...statement }) => ({
      ...statement,
      availableAt: period.availableAt,
    })),
    payouts: payouts.map((payout) => ({
      id: payout.id,
      amountMicros: payout.amountMicros,
      status: payout.status,
      statementMonth: payout.statementId
        ? (monthOfStatement.get(payout.statementId) ?? null)
        : null,
      createdAt: payout.createdAt,
      settledAt: payout.settledAt,
      failureMessage: payout.failureMessage,
    })),
    payoutAccount: {
      status: !account
        ? "none"
        : account.payoutsEnabled
          ? "active"
          : account.detailsSubmitted
            ? "restricted"
            : "incomplete",
      requirementsDue: account?.requirementsDue ?? [],
    },
    holds: holds.map((hold) => ({
      id: hold.id,
      month: hold.month,
      reason: hold.reason,
      amountMicros: hold.amountMicros,
      gptId: hold.gptId,
    })),
    rules: {
      sharePercent: settings.creatorSharePercent,
      engagedAnswersDailyCap: settings.engagedAnswersDailyCap,
      thresholdMicros: BigInt(settings.payoutThresholdCents) * 10_000n,
      holdingDays: settings.payoutHoldingDays,
    },
  };
}

export type StatementDetail = {
  month: string;
  earnedMicros: bigint;
  heldMicros: bigint;
  clawbackMicros: bigint;
  engagedAnswers: number;
  payingUsers: number;
  availableAt: Date;
  lines: {
    gptId: string;
    gptName: string;
    day: string;
    engagedAnswers: number;
    payingUsers: number;
    amountMicros: bigint;
    isHeld: boolean;
  }[];
};

/**
 * One closed month's statement of the signed-in creator, line by line (per GPT per day). Another
 * creator's month, or a month without a statement, is a 404: the where clause holds the owner.
 */
export async function getCreatorStatement({
  actor,
  month,
}: {
  actor: Actor;
  month: string;
}): Promise<StatementDetail> {
  assertPayoutsEnabled();
  if (!isMonth(month)) throw new AppError("not_found", "No statement for this month.");
  const statement = await prisma.creatorStatement.findUnique({
    where: { month_creatorId: { month, creatorId: actor.id } },
    include: {
      period: { select: { availableAt: true } },
      lines: { orderBy: [{ day: "asc" }, { gptName: "asc" }] },
    },
  });
  if (!statement) throw new AppError("not_found", "No statement for this month.");
  return {
    month: statement.month,
    earnedMicros: statement.earnedMicros,
    heldMicros: statement.heldMicros,
    clawbackMicros: statement.clawbackMicros,
    engagedAnswers: statement.engagedAnswers,
    payingUsers: statement.payingUsers,
    availableAt: statement.period.availableAt,
    lines: statement.lines.map((line) => ({
      gptId: line.gptId,
      gptName: line.gptName,
      day: line.day.toISOString().slice(0, 10),
      engagedAnswers: line.engagedAnswers,
      payingUsers: line.payingUsers,
      amountMicros: line.amountMicros,
      isHeld: line.isHeld,
    })),
  };
}

/** The statement as CSV: one row per GPT per day, dollars with 6 decimals (exact micro-dollars). */
export function statementCsv(statement: StatementDetail): string {
  const dollars = (micros: bigint) => {
    const sign = micros < 0n ? "-" : "";
    const absolute = micros < 0n ? -micros : micros;
    return `${sign}${absolute / 1_000_000n}.${(absolute % 1_000_000n).toString().padStart(6, "0")}`;
  };
  // A leading = + - @ would make a spreadsheet run the name as a formula.
  const quote = (text: string) =>
    `"${/^[=+\-@]/.test(text) ? "'" : ""}${text.replaceAll('"', '""')}"`;
  const rows = [
    "date,gpt_id,gpt_name,engaged_answers,paying_users,amount_usd,held",
    ...statement.lines.map((line) =>
      [
        line.day,
        line.gptId,
        quote(line.gptName),
        line.engagedAnswers,
        line.payingUsers,
        dollars(line.amountMicros),
        line.isHeld ? "yes" : "no",
      ].join(","),
    ),
    `total,,,${statement.engagedAnswers},${statement.payingUsers},${dollars(statement.earnedMicros + statement.heldMicros)},`,
  ];
  if (statement.clawbackMicros > 0n) {
    rows.push(`refunds_and_disputes_taken_back,,,,,${dollars(-statement.clawbackMicros)},`);
  }
  return `${rows.join("\n")}\n`;
}
