import "server-only";
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { Period } from "./days";
import { type Cohort, earliestCohortDay } from "./retention";
import { userDaysSql } from "./rollup-sql";
import { inScope, type Scope } from "./scope";

export type UserFigures = {
  days: { day: string; users: number }[];
  current: number;
  previous: number;
  cohorts: Cohort[];
  /** People who ever got an answer from the scope. */
  ever: number;
};

export const NO_USERS: UserFigures = { days: [], current: 0, previous: 0, cohorts: [], ever: 0 };

/**
 * Days a person's activity mask covers, from the earliest cohort day: a 90-day view and the 90
 * before it, the 7 days before those, and today's day-7 return (2 × 90 + 7 + 1 ≤ 192).
 */
const MASK_DAYS = 192;

/** Whether the masks m0..m2 (64 days each) have day `offset`; false outside them. */
function hasDay(offset: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE
    WHEN ${offset} BETWEEN 0 AND 63 THEN ("m0" >> ${offset}) & 1
    WHEN ${offset} BETWEEN 64 AND 127 THEN ("m1" >> (${offset} - 64)) & 1
    WHEN ${offset} BETWEEN 128 AND ${MASK_DAYS - 1} THEN ("m2" >> (${offset} - 128)) & 1
    ELSE 0 END) = 1`;
}

/** Past this many GPTs, user-days are read through one IN list and hashed instead of merged. */
const MAX_MERGED_GPTS = 64;

/**
 * Runs a statement with more work_mem (the person and day groups of a big creator outgrow the
 * default 4 MB, and a spill to disk costs more than the rest of the statement) and, when the
 * user-days come in order (see userDaysOf), with sort-based grouping: a stream grouped as it goes
 * costs about half a hash table of the same groups (measured on the embedded database).
 */
async function grouped<T>(statement: Prisma.PrismaPromise<T>, isSorted: boolean): Promise<T> {
  const [, , result] = await prisma.$transaction([
    prisma.$executeRaw`SET LOCAL work_mem = '64MB'`,
    isSorted ? prisma.$executeRaw`SET LOCAL enable_hashagg = off` : prisma.$executeRaw`SELECT 1`,
    statement,
  ]);
  return result;
}

/**
 * The scope's user-days ("userId", "day") from `from` on (all of them when null): stored, plus
 * the live part. With a few GPTs, one ordered index-only scan per GPT (merged by the planner), in
 * `order`; with many, one IN-list scan in no order.
 */
function userDaysOf(
  scope: Scope,
  from: string | null,
  order: "user" | "day",
): { sql: Prisma.Sql; isSorted: boolean } {
  const live = userDaysSql({ gptIds: scope.gptIds }, { from: scope.watermark, to: null });
  const since = Prisma.sql`s."day" >= ${from ?? "-infinity"}::date`;
  const orderBy = Prisma.raw(order === "user" ? `"userId", "day"` : `"day", "userId"`);
  const isSorted = scope.gptIds.length <= MAX_MERGED_GPTS;
  const stored = !scope.watermark
    ? []
    : isSorted
      ? scope.gptIds.map(
          (gptId) => Prisma.sql`(
            SELECT s."userId", s."day" FROM "GptUserDay" s WHERE s."gptId" = ${gptId} AND ${since}
            ORDER BY ${orderBy})`,
        )
      : [
          Prisma.sql`(
            SELECT s."userId", s."day" FROM "GptUserDay" s
            WHERE ${inScope("s", scope)} AND ${since})`,
        ];
  const parts = [
    ...stored,
    Prisma.sql`(SELECT l."userId", l."day" FROM (${live}) l ORDER BY ${orderBy})`,
  ];
  return { sql: Prisma.join(parts, " UNION ALL "), isSorted };
}

/**
 * Everything counted in people. Two statements (run side by side on PostgreSQL's pool), each
 * grouping one ordered stream of user-days:
 * - people: over all of the scope's user-days (a first day is the first ever), one pass groups
 *   them by person: first day, whether active in each period, and a bit per day from the earliest
 *   cohort day, from which day-1 and day-7 returns are read without joining the user-days to
 *   themselves;
 * - people per day of the current period, a distinct count over its days only.
 */
export async function userRows(
  scope: Scope,
  periods: { current: Period; previous: Period },
): Promise<UserFigures> {
  const { current, previous } = periods;
  const cohortFrom = earliestCohortDay(previous);
  const offset = (days: number) => Prisma.sql`("firstDay" - ${cohortFrom}::date + ${days})`;
  const byUser = userDaysOf(scope, null, "user");
  const byDay = userDaysOf(scope, current.from, "day");
  const [people, days] = await Promise.all([
    grouped(
      prisma.$queryRaw<
        { kind: "period" | "cohort"; day: string | null; a: number; b: number; c: number }[]
      >`
        WITH people AS (
          SELECT "userId", min("day") AS "firstDay",
            bool_or("day" BETWEEN ${current.from}::date AND ${current.to}::date) AS "inCurrent",
            bool_or("day" BETWEEN ${previous.from}::date AND ${previous.to}::date) AS "inPrevious",
            bit_or(CASE WHEN "o" BETWEEN 0 AND 63 THEN 1::int8 << "o" ELSE 0::int8 END) AS "m0",
            bit_or(CASE WHEN "o" BETWEEN 64 AND 127 THEN 1::int8 << ("o" - 64) ELSE 0::int8 END)
              AS "m1",
            bit_or(CASE WHEN "o" BETWEEN 128 AND ${MASK_DAYS - 1} THEN 1::int8 << ("o" - 128)
              ELSE 0::int8 END) AS "m2"
          FROM (
            SELECT a."userId", a."day", a."day" - ${cohortFrom}::date AS "o"
            FROM (${byUser.sql}) a
          ) ud
          GROUP BY "userId"
        )
        SELECT 'period' AS "kind", NULL AS "day", count(*) FILTER (WHERE "inCurrent")::int AS "a",
          count(*) FILTER (WHERE "inPrevious")::int AS "b", count(*)::int AS "c"
        FROM people
        UNION ALL
        SELECT 'cohort', to_char("firstDay", 'YYYY-MM-DD'), count(*)::int,
          count(*) FILTER (WHERE ${hasDay(offset(1))})::int,
          count(*) FILTER (WHERE ${hasDay(offset(7))})::int
        FROM people WHERE "firstDay" >= ${cohortFrom}::date
        GROUP BY "firstDay"`,
      byUser.isSorted,
    ),
    grouped(
      prisma.$queryRaw<{ day: string; users: number }[]>`
        SELECT to_char(d."day", 'YYYY-MM-DD') AS "day", count(*)::int AS "users"
        FROM (
          SELECT DISTINCT a."day", a."userId" FROM (${byDay.sql}) a
          WHERE a."day" BETWEEN ${current.from}::date AND ${current.to}::date
        ) d
        GROUP BY d."day"`,
      byDay.isSorted,
    ),
  ]);
  const figures: UserFigures = {
    days: days.map((row) => ({ day: row.day, users: Number(row.users) })),
    current: 0,
    previous: 0,
    cohorts: [],
    ever: 0,
  };
  for (const row of people) {
    const [a, b, c] = [Number(row.a), Number(row.b), Number(row.c)];
    if (row.kind === "period") Object.assign(figures, { current: a, previous: b, ever: c });
    else if (row.day) {
      figures.cohorts.push({ firstDay: row.day, users: a, returnedDay1: b, returnedDay7: c });
    }
  }
  return figures;
}
