import "server-only";
import type { EarningsHoldReason, Prisma } from "../generated/prisma/client";
import {
  isAnswerSpike,
  isMachineRegular,
  largestClusterInWindow,
  REGULARITY_MIN_ANSWERS,
  SIGNUP_CLUSTER_MIN_ACCOUNTS,
  SIGNUP_CLUSTER_WINDOW_MS,
} from "./fraud-rules";
import type { AllocatedCell } from "./split-pool";

type Db = Prisma.TransactionClient;

export type FraudFinding = {
  reason: Exclude<EarningsHoldReason, "MODERATION">;
  creatorId: string;
  gptId: string | null;
  /** What the creator earned this month from the activity in question. */
  amountMicros: bigint;
  details: Record<string, unknown>;
};

/**
 * The month's fraud signals, from its allocated cells and the raw usage. Each finding names the
 * creator whose payouts it holds and the amount at stake (what voiding would take back).
 */
export async function findFraudSignals(
  db: Db,
  { month, start, end, cells }: { month: string; start: Date; end: Date; cells: AllocatedCell[] },
): Promise<FraudFinding[]> {
  if (cells.length === 0) return [];
  return [
    ...(await signupClusters(db, cells)),
    ...(await machineRegularUsers(db, { start, end, cells })),
    ...(await answerSpikes(db, { month, cells })),
  ];
}

/** Amount per creator from a set of users (or per GPT), from the allocated cells. */
function earnedFrom(cells: AllocatedCell[], keep: (cell: AllocatedCell) => boolean): bigint {
  return cells.filter(keep).reduce((sum, cell) => sum + cell.amountMicros, 0n);
}

async function signupClusters(db: Db, cells: AllocatedCell[]): Promise<FraudFinding[]> {
  const userIds = [...new Set(cells.map((cell) => cell.userId))];
  const users = await db.user.findMany({
    where: { id: { in: userIds }, signupNetworkHash: { not: null } },
    select: { id: true, signupNetworkHash: true, createdAt: true },
  });
  const usersById = new Map(users.map((user) => [user.id, user]));
  const usersByCreator = new Map<string, Set<string>>();
  const cellsByCreator = new Map<string, AllocatedCell[]>();
  for (const cell of cells) {
    const set = usersByCreator.get(cell.creatorId) ?? new Set<string>();
    set.add(cell.userId);
    usersByCreator.set(cell.creatorId, set);
    const own = cellsByCreator.get(cell.creatorId);
    if (own) own.push(cell);
    else cellsByCreator.set(cell.creatorId, [cell]);
  }
  const findings: FraudFinding[] = [];
  for (const [creatorId, creatorUsers] of [...usersByCreator].sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    const byNetwork = new Map<string, { id: string; createdAt: Date }[]>();
    for (const userId of creatorUsers) {
      const user = usersById.get(userId);
      if (!user?.signupNetworkHash) continue;
      const group = byNetwork.get(user.signupNetworkHash) ?? [];
      group.push(user);
      byNetwork.set(user.signupNetworkHash, group);
    }
    const flagged = new Set<string>();
    let largest = 0;
    for (const group of byNetwork.values()) {
      if (group.length < SIGNUP_CLUSTER_MIN_ACCOUNTS) continue;
      const cluster = largestClusterInWindow(
        group.map((user) => user.createdAt),
        SIGNUP_CLUSTER_WINDOW_MS,
      );
      if (cluster.length < SIGNUP_CLUSTER_MIN_ACCOUNTS) continue;
      const times = new Set(cluster.map((at) => at.getTime()));
      for (const user of group) if (times.has(user.createdAt.getTime())) flagged.add(user.id);
      largest = Math.max(largest, cluster.length);
    }
    if (flagged.size === 0) continue;
    findings.push({
      reason: "SIGNUP_CLUSTER",
      creatorId,
      gptId: null,
      amountMicros: earnedFrom(cellsByCreator.get(creatorId) ?? [], (cell) =>
        flagged.has(cell.userId),
      ),
      details: {
        accounts: flagged.size,
        largestCluster: largest,
        windowHours: SIGNUP_CLUSTER_WINDOW_MS / 3_600_000,
        userIds: [...flagged].sort(),
      },
    });
  }
  return findings;
}

async function machineRegularUsers(
  db: Db,
  { start, end, cells }: { start: Date; end: Date; cells: AllocatedCell[] },
): Promise<FraudFinding[]> {
  const userIds = [...new Set(cells.map((cell) => cell.userId))];
  // A user's whole month (every GPT, any creator), previews aside: "their only activity".
  const rows = await db.$queryRaw<
    { userId: string; creatorId: string; answers: number; meanGap: number; stddevGap: number }[]
  >`
    WITH candidates AS (
      SELECT "userId", MIN("creatorId") AS "creatorId"
      FROM "UsageEvent"
      WHERE "createdAt" >= ${start} AND "createdAt" < ${end} AND "channel" <> 'PREVIEW'
        AND "userId" = ANY(${userIds}::text[])
      GROUP BY "userId"
      HAVING COUNT(DISTINCT "creatorId") = 1 AND COUNT(*) >= ${REGULARITY_MIN_ANSWERS}
    ),
    gaps AS (
      SELECT u."userId", EXTRACT(EPOCH FROM u."createdAt" - LAG(u."createdAt")
        OVER (PARTITION BY u."userId" ORDER BY u."createdAt"))::float8 AS gap
      FROM "UsageEvent" u JOIN candidates c ON c."userId" = u."userId"
      WHERE u."createdAt" >= ${start} AND u."createdAt" < ${end} AND u."channel" <> 'PREVIEW'
    )
    SELECT g."userId", c."creatorId", (COUNT(g.gap) + 1)::int AS answers,
      COALESCE(AVG(g.gap), 0)::float8 AS "meanGap",
      COALESCE(STDDEV_POP(g.gap), 0)::float8 AS "stddevGap"
    FROM gaps g JOIN candidates c ON c."userId" = g."userId"
    GROUP BY g."userId", c."creatorId"
    ORDER BY g."userId"`;
  const byCreator = new Map<string, string[]>();
  for (const row of rows) {
    const regular = isMachineRegular({
      answers: row.answers,
      meanGapSeconds: row.meanGap,
      stddevGapSeconds: row.stddevGap,
    });
    if (!regular) continue;
    byCreator.set(row.creatorId, [...(byCreator.get(row.creatorId) ?? []), row.userId]);
  }
  return [...byCreator].map(([creatorId, flagged]) => ({
    reason: "MACHINE_REGULARITY" as const,
    creatorId,
    gptId: null,
    amountMicros: earnedFrom(
      cells,
      (cell) => cell.creatorId === creatorId && flagged.includes(cell.userId),
    ),
    details: { accounts: flagged.length, userIds: flagged },
  }));
}

async function answerSpikes(
  db: Db,
  { month, cells }: { month: string; cells: AllocatedCell[] },
): Promise<FraudFinding[]> {
  const current = new Map<string, { creatorId: string; engaged: number }>();
  for (const cell of cells) {
    const entry = current.get(cell.gptId) ?? { creatorId: cell.creatorId, engaged: 0 };
    entry.engaged += cell.engagedAnswers;
    current.set(cell.gptId, entry);
  }
  const earlier = await db.revenuePeriod.findMany({
    where: { month: { lt: month } },
    orderBy: { month: "desc" },
    take: 3,
    select: { month: true },
  });
  if (earlier.length === 0) return [];
  const history = await db.poolAllocation.groupBy({
    by: ["gptId", "month"],
    where: {
      month: { in: earlier.map((period) => period.month) },
      gptId: { in: [...current.keys()] },
    },
    _sum: { engagedAnswers: true },
  });
  const historyBy = new Map<string, typeof history>();
  for (const row of history) historyBy.set(row.gptId, [...(historyBy.get(row.gptId) ?? []), row]);
  const findings: FraudFinding[] = [];
  for (const [gptId, { creatorId, engaged }] of [...current].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const rows = historyBy.get(gptId) ?? [];
    if (rows.length === 0) continue;
    const monthly = earlier.map(
      (period) => rows.find((row) => row.month === period.month)?._sum.engagedAnswers ?? 0,
    );
    if (!isAnswerSpike(engaged, monthly)) continue;
    findings.push({
      reason: "ANSWER_SPIKE",
      creatorId,
      gptId,
      amountMicros: earnedFrom(cells, (cell) => cell.gptId === gptId),
      details: { engagedAnswers: engaged, previousMonths: monthly },
    });
  }
  return findings;
}
