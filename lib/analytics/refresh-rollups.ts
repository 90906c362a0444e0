import "server-only";
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import { addDays, dayKey, dayStart } from "./days";
import {
  DAILY_STATS_COLUMN_NAMES,
  dailyStatsSql,
  USER_DAY_COLUMNS,
  userDaysSql,
} from "./rollup-sql";

/** RollupWatermark.name of the daily rollups (GptUserDay + GptDailyStats). */
export const DAILY_ROLLUP = "analytics-daily";

/**
 * Rows can land after the run that should have seen them: an answer's usage event is written when
 * its stream ends (or by crash recovery, later still, with the answer's own time). Each run
 * therefore recomputes from one day before the last run's end.
 */
const LATE_ROWS_DAYS = 1;

/** Two runs never interleave (pg-boss's exclusive queue already says so; two instances, a test…). */
const LOCK_KEY = 7_431_001;

export type RollupRun = {
  /** First day recomputed; null on a first (full) run. */
  fromDay: string | null;
  toDay: string;
  /** Rows written (new or changed) and removed (changed or gone), per table. */
  userDays: { written: number; removed: number };
  dailyStats: { written: number; removed: number };
  durationMs: number;
  /** Time spent vacuuming the rollups afterwards (0 when it was not their day). */
  vacuumMs: number;
};

/**
 * Recomputes the daily rollups of every GPT from the watermark's day minus one day (everything on
 * the first run, or with `full`) up to `now`, and advances the watermark to `now`. One transaction:
 * the days' rows are recomputed by set-based SQL, and those that differ are deleted and inserted
 * again, so a run is idempotent and a dashboard never sees a half-written day. What came after
 * the watermark the dashboard reads live (lib/analytics/queries.ts).
 *
 * Not seen by later runs: thumbs and reviews changed more than a day after they were given keep
 * the value they had (they count on the day they were given); `full` recomputes everything.
 */
export async function refreshRollups({
  now = new Date(),
  full = false,
}: {
  now?: Date;
  full?: boolean;
} = {}): Promise<RollupRun> {
  const startedAt = performance.now();
  const run = await prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 AS "locked" FROM pg_advisory_xact_lock(${LOCK_KEY}::bigint)`;
      const mark = full
        ? null
        : await tx.rollupWatermark.findUnique({ where: { name: DAILY_ROLLUP } });
      const from = mark ? (mark.computedTo < now ? mark.computedTo : now) : null;
      const fromDay = from ? addDays(dayKey(from), -LATE_ROWS_DAYS) : null;
      const window = { from: fromDay ? dayStart(fromDay) : null, to: now };

      const userDays = await replaceDays(tx, {
        table: "GptUserDay",
        columns: USER_DAY_COLUMNS,
        keys: ["gptId", "day", "userId"],
        rows: userDaysSql("all", window),
        fromDay,
      });
      const dailyStats = await replaceDays(tx, {
        table: "GptDailyStats",
        columns: DAILY_STATS_COLUMN_NAMES,
        keys: ["gptId", "day"],
        rows: dailyStatsSql("all", window),
        fromDay,
      });
      await tx.rollupWatermark.upsert({
        where: { name: DAILY_ROLLUP },
        create: { name: DAILY_ROLLUP, computedTo: now },
        update: { computedTo: now },
      });
      return {
        fromDay,
        toDay: dayKey(now),
        userDays,
        dailyStats,
        durationMs: performance.now() - startedAt,
        isNewDay: !mark || dayKey(mark.computedTo) !== dayKey(now),
      };
    },
    // A first run over a large history takes a while on the embedded database.
    { maxWait: 60_000, timeout: 15 * 60_000 },
  );
  const { isNewDay, ...result } = run;
  // The dashboard reads the rollups through index-only scans, which need pages marked all-visible
  // by VACUUM; the embedded database has no autovacuum. Once a day (and after a full run) is
  // enough: only the last two days' pages change in between.
  const vacuumStartedAt = performance.now();
  if (isNewDay) await prisma.$executeRawUnsafe(`VACUUM (ANALYZE) "GptUserDay", "GptDailyStats"`);
  return { ...result, vacuumMs: isNewDay ? performance.now() - vacuumStartedAt : 0 };
}

type Tx = Prisma.TransactionClient;

/**
 * Makes `table`'s rows from `fromDay` on (all rows when null) exactly `rows`. A full run deletes
 * and inserts everything, in day order. Later runs only delete the rows that changed or are gone
 * and insert the changed and new ones: most of the recomputed days are unchanged, and rewriting
 * them would leave dead rows all over the table every 10 minutes (the embedded database has no
 * autovacuum) and clear the pages' all-visible bits the dashboard's index-only scans rely on.
 */
async function replaceDays(
  tx: Tx,
  {
    table,
    columns,
    keys,
    rows,
    fromDay,
  }: {
    table: "GptUserDay" | "GptDailyStats";
    columns: readonly string[];
    keys: readonly string[];
    rows: Prisma.Sql;
    fromDay: string | null;
  },
): Promise<{ written: number; removed: number }> {
  const target = Prisma.raw(`"${table}"`);
  const list = (alias: string, names: readonly string[]) =>
    Prisma.raw(names.map((name) => `${alias}"${name}"`).join(", "));
  if (!fromDay) {
    const removed = await tx.$executeRaw`DELETE FROM ${target}`;
    const written = await tx.$executeRaw`
      INSERT INTO ${target} (${list("", columns)})
      SELECT ${list("r.", columns)} FROM (${rows}) r ORDER BY r."day"`;
    return { written, removed };
  }
  await tx.$executeRaw`DROP TABLE IF EXISTS analytics_fresh`;
  await tx.$executeRaw`CREATE TEMP TABLE analytics_fresh ON COMMIT DROP AS ${rows}`;
  // Through "Gpt" so each GPT's recent days are found in the (gptId, day…) primary key.
  const removed = await tx.$executeRaw`
    DELETE FROM ${target} t USING "Gpt" g
    WHERE t."gptId" = g."id" AND t."day" >= ${fromDay}::date
      AND NOT EXISTS (
        SELECT 1 FROM analytics_fresh f WHERE (${list("f.", columns)}) = (${list("t.", columns)})
      )`;
  const written = await tx.$executeRaw`
    INSERT INTO ${target} (${list("", columns)})
    SELECT ${list("f.", columns)} FROM analytics_fresh f
    WHERE NOT EXISTS (
      SELECT 1 FROM ${target} t WHERE (${list("t.", keys)}) = (${list("f.", keys)})
    )
    ORDER BY f."day"`;
  await tx.$executeRaw`DROP TABLE analytics_fresh`;
  return { written, removed };
}

/** When the rollups were last computed up to (null before the first run). */
export async function rollupComputedTo(): Promise<Date | null> {
  const mark = await prisma.rollupWatermark.findUnique({ where: { name: DAILY_ROLLUP } });
  return mark?.computedTo ?? null;
}
