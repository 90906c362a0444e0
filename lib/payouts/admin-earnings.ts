import "server-only";
import { assertAdmin } from "../admin/policy";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import type {
  EarningsHoldReason,
  EarningsHoldStatus,
  PayoutStatus,
} from "../generated/prisma/client";
import { getInstanceSettings } from "../settings/instance-settings";
import { creatorBalances } from "./balances";
import { CLOSE_DELAY_DAYS, firstMonthWithMoney } from "./close-month";
import { isMonth, monthBounds, monthOf, monthsBetween, previousMonth } from "./months";
import { toPayoutSettingsView } from "./payout-settings";
import type { PayoutSettingsView } from "./payout-settings-schema";
import { periodFigures, planMonthClose } from "./plan-month-close";

const DAY_MS = 24 * 60 * 60 * 1000;

export type PeriodSummary = {
  month: string;
  netRevenueMicros: bigint;
  poolMicros: bigint;
  allocatedMicros: bigint;
  heldMicros: bigint;
  unallocatedMicros: bigint;
  clawbackMicros: bigint;
  payingUsers: number;
  engagedAnswers: number;
  creatorSharePercent: number;
};

export type CreatorAmount = {
  creatorId: string;
  creatorName: string;
  earnedMicros: bigint;
  heldMicros: bigint;
  clawbackMicros: bigint;
  engagedAnswers: number;
  payingUsers: number;
};

export type MonthView = PeriodSummary & {
  status: "closed" | "open";
  closedAt: Date | null;
  closedBy: string | null;
  availableAt: Date;
  creators: CreatorAmount[];
  /** What the close found (open) or held (closed) for review. */
  holds: { reason: EarningsHoldReason; creatorName: string; amountMicros: bigint }[];
};

export type AdminEarnings = {
  periods: (PeriodSummary & { closedAt: Date; availableAt: Date; closedBy: string | null })[];
  /** Ended months not closed yet, oldest first, with when the job closes each. */
  pendingMonths: { month: string; closesAutomaticallyAt: Date }[];
  payouts: {
    id: string;
    creatorName: string;
    amountMicros: bigint;
    status: PayoutStatus;
    stripeTransferId: string | null;
    failureMessage: string | null;
    attempts: number;
    createdAt: Date;
    settledAt: Date | null;
  }[];
  holds: {
    id: string;
    month: string;
    creatorName: string;
    gptId: string | null;
    reason: EarningsHoldReason;
    status: EarningsHoldStatus;
    amountMicros: bigint;
    details: unknown;
    resolutionNote: string | null;
    resolvedAt: Date | null;
  }[];
  /** What the platform owes creators, and how much of it waits for a connected account. */
  owedMicros: bigint;
  owedWithoutAccountMicros: bigint;
  settings: PayoutSettingsView;
};

export async function getAdminEarnings({
  actor,
  now = new Date(),
}: {
  actor: Actor;
  now?: Date;
}): Promise<AdminEarnings> {
  assertAdmin(actor);
  const [periods, payouts, holds, accounts, balances, first, settings] = await Promise.all([
    prisma.revenuePeriod.findMany({ orderBy: { month: "desc" } }),
    prisma.payout.findMany({ orderBy: { createdAt: "desc" }, take: 100 }),
    prisma.earningsHold.findMany({
      orderBy: [{ status: "asc" }, { createdAt: "desc" }],
      take: 100,
    }),
    prisma.payoutAccount.findMany({ where: { payoutsEnabled: true }, select: { userId: true } }),
    creatorBalances(prisma, { now }),
    firstMonthWithMoney(),
    getInstanceSettings(),
  ]);
  const names = await creatorNames([
    ...payouts.map((p) => p.creatorId),
    ...holds.map((h) => h.creatorId),
    ...periods.flatMap((p) => (p.closedById ? [p.closedById] : [])),
  ]);
  const closed = new Set(periods.map((period) => period.month));
  const lastEnded = previousMonth(monthOf(now));
  const pendingMonths = first
    ? monthsBetween(first, lastEnded)
        .filter((month) => !closed.has(month))
        .map((month) => ({
          month,
          closesAutomaticallyAt: new Date(
            monthBounds(month).end.getTime() + CLOSE_DELAY_DAYS * DAY_MS,
          ),
        }))
    : [];
  const withAccount = new Set(accounts.map((account) => account.userId));
  let owedMicros = 0n;
  let owedWithoutAccountMicros = 0n;
  for (const balance of balances.values()) {
    if (balance.balanceMicros <= 0n) continue;
    owedMicros += balance.balanceMicros;
    if (!withAccount.has(balance.creatorId)) owedWithoutAccountMicros += balance.balanceMicros;
  }
  return {
    periods: periods.map((period) => ({
      ...summaryOf(period),
      closedAt: period.closedAt,
      availableAt: period.availableAt,
      closedBy: period.closedById ? (names.get(period.closedById) ?? "An admin") : null,
    })),
    pendingMonths,
    payouts: payouts.map((payout) => ({
      id: payout.id,
      creatorName: names.get(payout.creatorId) ?? payout.creatorId,
      amountMicros: payout.amountMicros,
      status: payout.status,
      stripeTransferId: payout.stripeTransferId,
      failureMessage: payout.failureMessage,
      attempts: payout.attempts,
      createdAt: payout.createdAt,
      settledAt: payout.settledAt,
    })),
    holds: holds.map((hold) => ({
      id: hold.id,
      month: hold.month,
      creatorName: names.get(hold.creatorId) ?? hold.creatorId,
      gptId: hold.gptId,
      reason: hold.reason,
      status: hold.status,
      amountMicros: hold.amountMicros,
      details: hold.details,
      resolutionNote: hold.resolutionNote,
      resolvedAt: hold.resolvedAt,
    })),
    owedMicros,
    owedWithoutAccountMicros,
    settings: toPayoutSettingsView(settings),
  };
}

/**
 * One month for admins: a closed month as it was booked (its statements), or an ended or running
 * month previewed exactly as closing it now would book it. Nothing is written either way.
 */
export async function getAdminMonth({
  actor,
  month,
  now = new Date(),
}: {
  actor: Actor;
  month: string;
  now?: Date;
}): Promise<MonthView> {
  assertAdmin(actor);
  if (!isMonth(month) || monthBounds(month).start > now) {
    throw new AppError("not_found", "No such month.");
  }
  const period = await prisma.revenuePeriod.findUnique({
    where: { month },
    include: { statements: true },
  });
  if (period) {
    const holds = await prisma.earningsHold.findMany({ where: { month } });
    const names = await creatorNames([
      ...period.statements.map((s) => s.creatorId),
      ...holds.map((h) => h.creatorId),
      ...(period.closedById ? [period.closedById] : []),
    ]);
    return {
      ...summaryOf(period),
      status: "closed",
      closedAt: period.closedAt,
      closedBy: period.closedById ? (names.get(period.closedById) ?? "An admin") : null,
      availableAt: period.availableAt,
      creators: creatorAmounts(period.statements, names),
      holds: holds.map((hold) => ({
        reason: hold.reason,
        creatorName: names.get(hold.creatorId) ?? hold.creatorId,
        amountMicros: hold.amountMicros,
      })),
    };
  }
  const plan = await planMonthClose(prisma, month);
  const names = await creatorNames([
    ...plan.statements.map((s) => s.creatorId),
    ...plan.fraudFindings.map((f) => f.creatorId),
  ]);
  return {
    ...summaryOf(periodFigures(plan)),
    status: "open",
    closedAt: null,
    closedBy: null,
    availableAt: plan.availableAt,
    creators: creatorAmounts(plan.statements, names),
    holds: [
      ...plan.moderationHolds.map((hold) => ({
        reason: "MODERATION" as const,
        creatorName: names.get(hold.creatorId) ?? hold.creatorId,
        amountMicros: hold.amountMicros,
      })),
      ...plan.fraudFindings.map((finding) => ({
        reason: finding.reason,
        creatorName: names.get(finding.creatorId) ?? finding.creatorId,
        amountMicros: finding.amountMicros,
      })),
    ],
  };
}

function summaryOf(period: PeriodSummary): PeriodSummary {
  return {
    month: period.month,
    netRevenueMicros: period.netRevenueMicros,
    poolMicros: period.poolMicros,
    allocatedMicros: period.allocatedMicros,
    heldMicros: period.heldMicros,
    unallocatedMicros: period.unallocatedMicros,
    clawbackMicros: period.clawbackMicros,
    payingUsers: period.payingUsers,
    engagedAnswers: period.engagedAnswers,
    creatorSharePercent: period.creatorSharePercent,
  };
}

/** Statements (closed or planned) as the admin's creators table, highest earnings first. */
function creatorAmounts(
  statements: Omit<CreatorAmount, "creatorName">[],
  names: Map<string, string>,
): CreatorAmount[] {
  return statements
    .map((statement) => ({
      creatorId: statement.creatorId,
      creatorName: names.get(statement.creatorId) ?? statement.creatorId,
      earnedMicros: statement.earnedMicros,
      heldMicros: statement.heldMicros,
      clawbackMicros: statement.clawbackMicros,
      engagedAnswers: statement.engagedAnswers,
      payingUsers: statement.payingUsers,
    }))
    .sort((a, b) =>
      a.earnedMicros === b.earnedMicros
        ? a.creatorName.localeCompare(b.creatorName)
        : a.earnedMicros > b.earnedMicros
          ? -1
          : 1,
    );
}

/** Display names: the creator's public name, else their account name or email. */
async function creatorNames(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const users = await prisma.user.findMany({
    where: { id: { in: unique } },
    select: {
      id: true,
      name: true,
      email: true,
      builderProfile: { select: { displayName: true } },
    },
  });
  return new Map(
    users.map((user) => [user.id, user.builderProfile?.displayName ?? user.name ?? user.email]),
  );
}
