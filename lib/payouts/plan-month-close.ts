import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { type FraudFinding, findFraudSignals } from "./fraud-signals";
import { monthBounds } from "./months";
import {
  loadContributions,
  loadEngagedCells,
  loadGptFacts,
  loadPriorAllocations,
} from "./pool-inputs";
import { type AllocatedCell, type Clawback, type PoolSplit, splitPool } from "./split-pool";

type Db = Prisma.TransactionClient;

const DAY_MS = 24 * 60 * 60 * 1000;

export type StatementPlan = {
  creatorId: string;
  earnedMicros: bigint;
  heldMicros: bigint;
  clawbackMicros: bigint;
  engagedAnswers: number;
  payingUsers: number;
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

export type MonthClosePlan = {
  month: string;
  creatorSharePercent: number;
  engagedAnswersDailyCap: number;
  /** The month's earnings may be paid out from here: its end + the holding period. */
  availableAt: Date;
  split: PoolSplit;
  statements: StatementPlan[];
  /** Held shares of GPTs removed by moderators, per GPT. */
  moderationHolds: { gptId: string; gptName: string; creatorId: string; amountMicros: bigint }[];
  fraudFindings: FraudFinding[];
};

/**
 * Everything closing `month` would write, computed from the ledger and the usage events as they
 * stand, without writing anything: the admin's preview and the close itself use the same plan, so
 * what an admin previews is what gets booked (given no new money or answers meanwhile).
 */
export async function planMonthClose(db: Db, month: string): Promise<MonthClosePlan> {
  const { start, end } = monthBounds(month);
  const settings = await db.instanceSettings.findUnique({ where: { id: 1 } });
  const creatorSharePercent = settings?.creatorSharePercent ?? 50;
  const engagedAnswersDailyCap = settings?.engagedAnswersDailyCap ?? 10;
  const holdingDays = settings?.payoutHoldingDays ?? 30;

  const contributions = await loadContributions(db, { start, end });
  const payingIds = contributions.filter((c) => c.contributionMicros > 0n).map((c) => c.userId);
  const owingIds = contributions.filter((c) => c.contributionMicros < 0n).map((c) => c.userId);
  const rawCells = await loadEngagedCells(db, {
    start,
    end,
    cap: engagedAnswersDailyCap,
    userIds: payingIds,
  });
  const priorAllocations = await loadPriorAllocations(db, { month, userIds: owingIds });
  const gpts = await loadGptFacts(db, [
    ...new Set([...rawCells.map((cell) => cell.gptId), ...priorAllocations.map((p) => p.gptId)]),
  ]);
  const split = splitPool({
    sharePercent: creatorSharePercent,
    contributions,
    cells: rawCells.map(({ rawAnswers: _raw, ...cell }) => ({
      ...cell,
      isHeld: gpts.get(cell.gptId)?.isRemoved ?? false,
    })),
    priorAllocations,
  });
  const nameOf = (gptId: string) => gpts.get(gptId)?.name ?? "Deleted GPT";
  return {
    month,
    creatorSharePercent,
    engagedAnswersDailyCap,
    availableAt: new Date(end.getTime() + holdingDays * DAY_MS),
    split,
    statements: statementsOf(split.cells, split.clawbacks, nameOf),
    moderationHolds: moderationHoldsOf(split.cells, nameOf),
    fraudFindings: await findFraudSignals(db, { month, start, end, cells: split.cells }),
  };
}

/** The month's figures as a RevenuePeriod records them (and the admin preview shows them). */
export function periodFigures(plan: MonthClosePlan) {
  const { split } = plan;
  return {
    month: plan.month,
    creatorSharePercent: plan.creatorSharePercent,
    engagedAnswersDailyCap: plan.engagedAnswersDailyCap,
    netRevenueMicros: split.netRevenueMicros,
    poolMicros: split.poolMicros,
    allocatedMicros: split.allocatedMicros,
    heldMicros: split.heldMicros,
    unallocatedMicros: split.unallocatedMicros,
    clawbackMicros: split.clawbackMicros,
    payingUsers: split.payingUsers,
    engagedAnswers: split.engagedAnswers,
    availableAt: plan.availableAt,
  };
}

function statementsOf(
  cells: AllocatedCell[],
  clawbacks: Clawback[],
  nameOf: (gptId: string) => string,
): StatementPlan[] {
  const cellsBy = groupByCreator(cells);
  const clawbacksBy = groupByCreator(clawbacks);
  const creators = [...new Set([...cellsBy.keys(), ...clawbacksBy.keys()])].sort();
  return creators.map((creatorId) => {
    const own = cellsBy.get(creatorId) ?? [];
    const lines = new Map<string, StatementPlan["lines"][number] & { users: Set<string> }>();
    for (const cell of own) {
      const key = `${cell.gptId}\u0000${cell.day}`;
      const line = lines.get(key) ?? {
        gptId: cell.gptId,
        gptName: nameOf(cell.gptId),
        day: cell.day,
        engagedAnswers: 0,
        payingUsers: 0,
        amountMicros: 0n,
        isHeld: cell.isHeld,
        users: new Set<string>(),
      };
      line.engagedAnswers += cell.engagedAnswers;
      line.amountMicros += cell.amountMicros;
      line.users.add(cell.userId);
      lines.set(key, line);
    }
    return {
      creatorId,
      earnedMicros: sumOf(own.filter((cell) => !cell.isHeld)),
      heldMicros: sumOf(own.filter((cell) => cell.isHeld)),
      clawbackMicros: sumOf(clawbacksBy.get(creatorId) ?? []),
      engagedAnswers: own.reduce((sum, cell) => sum + cell.engagedAnswers, 0),
      payingUsers: new Set(own.map((cell) => cell.userId)).size,
      lines: [...lines.values()]
        .sort((a, b) =>
          a.day === b.day ? (a.gptName < b.gptName ? -1 : 1) : a.day < b.day ? -1 : 1,
        )
        .map(({ users, ...line }) => ({ ...line, payingUsers: users.size })),
    };
  });
}

function moderationHoldsOf(cells: AllocatedCell[], nameOf: (gptId: string) => string) {
  const held = new Map<
    string,
    { gptId: string; gptName: string; creatorId: string; amountMicros: bigint }
  >();
  for (const cell of cells) {
    if (!cell.isHeld) continue;
    const hold = held.get(cell.gptId) ?? {
      gptId: cell.gptId,
      gptName: nameOf(cell.gptId),
      creatorId: cell.creatorId,
      amountMicros: 0n,
    };
    hold.amountMicros += cell.amountMicros;
    held.set(cell.gptId, hold);
  }
  return [...held.values()].sort((a, b) => (a.gptId < b.gptId ? -1 : 1));
}

function groupByCreator<T extends { creatorId: string }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.creatorId);
    if (group) group.push(item);
    else groups.set(item.creatorId, [item]);
  }
  return groups;
}

const sumOf = (items: { amountMicros: bigint }[]) =>
  items.reduce((sum, item) => sum + item.amountMicros, 0n);
