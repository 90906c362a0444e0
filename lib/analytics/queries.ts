import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { dayStart, periodsOf } from "./days";
import { NO_USERS, userRows } from "./people-queries";
import { actionErrorRows, earningRows, knowledgeGapRows } from "./period-lists";
import { rollupComputedTo } from "./refresh-rollups";
import { dailyStatsSql } from "./rollup-sql";
import { inScope, type Scope } from "./scope";
import { emptyDay, fillDays, totalsOf } from "./summarize";
import type { AnalyticsDay, AnalyticsRange, CreatorAnalytics } from "./types";

/**
 * The creator analytics dashboard: the actor's own GPTs (all, or the one `gptId` names; another's
 * GPT reads as missing, admins included), over the last `rangeDays` UTC days and the as many days
 * before them.
 *
 * Everything up to the rollups' watermark comes from GptDailyStats / GptUserDay (kept every 10
 * minutes by the analytics-rollup job); what came since is computed live from the source rows with
 * the rollup's own SQL, so the figures are current and a stalled job makes the page slower, never
 * wrong. Returning users: see lib/analytics/retention.ts.
 */
export async function getCreatorAnalytics({
  actor,
  gptId = null,
  rangeDays,
  now = new Date(),
}: {
  actor: Actor;
  gptId?: string | null;
  rangeDays: AnalyticsRange;
  now?: Date;
}): Promise<CreatorAnalytics> {
  const [owned, watermark] = await Promise.all([
    prisma.gpt.findMany({
      where: { ownerId: actor.id },
      select: { id: true, name: true, deletedAt: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    rollupComputedTo(),
  ]);
  if (gptId && !owned.some((gpt) => gpt.id === gptId && !gpt.deletedAt)) {
    throw new AppError("not_found", "GPT not found.");
  }
  // All of the creator's GPTs, deleted ones too (their history is the creator's), or the one.
  const scope: Scope = {
    ownerId: actor.id,
    gptIds: gptId ? [gptId] : owned.map((gpt) => gpt.id),
    watermark,
  };
  const { current, previous } = periodsOf(now, rangeDays);
  const today = current.to;
  const [daily, users, earnings, knowledgeGaps, actionErrors] =
    scope.gptIds.length === 0
      ? [[], NO_USERS, { days: [], heldCurrent: 0n, heldPrevious: 0n }, [], []]
      : await Promise.all([
          dailyRows(scope, previous.from),
          userRows(scope, { current, previous }),
          earningRows(scope, { current, previous }),
          knowledgeGapRows(scope, current.from),
          actionErrorRows(scope, current.from),
        ]);

  const byDay = new Map<string, AnalyticsDay>();
  for (const row of daily) byDay.set(row.day, row);
  for (const row of users.days) {
    const day = byDay.get(row.day);
    if (day) day.users = row.users;
    else byDay.set(row.day, { ...emptyDay(row.day), users: row.users });
  }
  for (const row of earnings.days) {
    const day = byDay.get(row.day);
    if (day) day.earnedMicros = row.earnedMicros;
    else byDay.set(row.day, { ...emptyDay(row.day), earnedMicros: row.earnedMicros });
  }
  const rows = [...byDay.values()];
  const names = new Map(owned.map((gpt) => [gpt.id, gpt.name]));
  return {
    rangeDays,
    gptId,
    gpts: owned.filter((gpt) => !gpt.deletedAt).map((gpt) => ({ id: gpt.id, name: gpt.name })),
    period: current,
    previousPeriod: previous,
    totals: {
      current: totalsOf({
        days: rows,
        period: current,
        users: users.current,
        cohorts: users.cohorts,
        today,
        heldMicros: earnings.heldCurrent,
      }),
      previous: totalsOf({
        days: rows,
        period: previous,
        users: users.previous,
        cohorts: users.cohorts,
        today,
        heldMicros: earnings.heldPrevious,
      }),
    },
    days: fillDays(current, rows),
    knowledgeGaps: knowledgeGaps.map((gap) => ({ ...gap, gptName: names.get(gap.gptId) ?? "" })),
    actionErrors: actionErrors.map((group) => ({
      ...group,
      gptName: names.get(group.gptId) ?? "",
    })),
    hasUsage: users.ever > 0,
    rollupComputedTo: watermark?.toISOString() ?? null,
    generatedAt: now.toISOString(),
  };
}

/** Per-day sums of GptDailyStats (users excepted) from `from` on: stored, plus what came since. */
async function dailyRows(scope: Scope, from: string): Promise<AnalyticsDay[]> {
  const fromStart = dayStart(from);
  const liveFrom = scope.watermark && scope.watermark > fromStart ? scope.watermark : fromStart;
  const stored = scope.watermark
    ? Prisma.sql`
      SELECT s."day", s."conversations", s."answers", s."thumbsUp", s."thumbsDown", s."reviews",
        s."ratingSum", s."knowledgeMisses", s."actionCalls", s."actionErrors"
      FROM "GptDailyStats" s
      WHERE ${inScope("s", scope)} AND s."day" >= ${from}::date
      UNION ALL`
    : Prisma.empty;
  const live = dailyStatsSql(
    { gptIds: scope.gptIds },
    { from: liveFrom, to: null },
    { isLive: scope.watermark !== null },
  );
  const rows = await prisma.$queryRaw<Omit<AnalyticsDay, "users" | "earnedMicros">[]>`
    SELECT to_char(d."day", 'YYYY-MM-DD') AS "day",
      sum(d."conversations")::int AS "conversations", sum(d."answers")::int AS "answers",
      sum(d."thumbsUp")::int AS "thumbsUp", sum(d."thumbsDown")::int AS "thumbsDown",
      sum(d."reviews")::int AS "reviews", sum(d."ratingSum")::int AS "ratingSum",
      sum(d."knowledgeMisses")::int AS "knowledgeMisses",
      sum(d."actionCalls")::int AS "actionCalls", sum(d."actionErrors")::int AS "actionErrors"
    FROM (
      ${stored}
      SELECT l."day", l."conversations", l."answers", l."thumbsUp", l."thumbsDown", l."reviews",
        l."ratingSum", l."knowledgeMisses", l."actionCalls", l."actionErrors"
      FROM (${live}) l
    ) d
    GROUP BY d."day"`;
  return rows.map((row) => ({
    day: row.day,
    conversations: Number(row.conversations),
    answers: Number(row.answers),
    users: 0,
    thumbsUp: Number(row.thumbsUp),
    thumbsDown: Number(row.thumbsDown),
    reviews: Number(row.reviews),
    ratingSum: Number(row.ratingSum),
    knowledgeMisses: Number(row.knowledgeMisses),
    actionCalls: Number(row.actionCalls),
    actionErrors: Number(row.actionErrors),
    earnedMicros: "0",
  }));
}
