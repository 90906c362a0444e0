/**
 * `npm run bench:analytics`: the creator analytics dashboard at scale. Seeds BENCH_ANALYTICS_EVENTS
 * (1,000,000) usage events over ~50 creators' GPTs and the last 95 days, with conversations,
 * thumbs, reviews, action calls, knowledge misses and closed months' statement lines in
 * proportion, in a handful of set-based statements (generate_series); runs the rollup job's work
 * (a first full run, then a 10-minute tick) and prints how long it took; then times the dashboard's
 * data load, getCreatorAnalytics() (what GET /api/creator/analytics and the page call), for 7, 30
 * and 90 days, all of a creator's GPTs and one GPT, for the busiest creator (the worst case: about
 * a ninth of all usage), and the median creator's 90 days.
 * Both on a temporary embedded PGlite and on a throwaway real PostgreSQL (DATABASE_URL's server,
 * or one started with scripts/start-test-postgres.sh). Goal, printed and never asserted: the
 * dashboard's data loads in ≤ 300 ms (p95).
 *
 * BENCH_ANALYTICS_EVENTS=n (default 1000000) · BENCH_ANALYTICS_ROUNDS=n timed loads per view
 * (default 20, after 2 warm-up loads) · BENCH_ANALYTICS_SKIP_PG=1 · BENCH_ANALYTICS_SKIP_PGLITE=1
 */
import os from "node:os";
import path from "node:path";
import { getCreatorAnalytics } from "../lib/analytics/queries";
import { type RollupRun, refreshRollups } from "../lib/analytics/refresh-rollups";
import type { AnalyticsRange } from "../lib/analytics/types";
import type { Actor } from "../lib/auth/session";
import { setDatabaseForTests } from "../lib/db";
import { applyMigrations } from "../lib/db/migrate";
import type { Database } from "../lib/db/open";
import { cleanupAll, installCleanupHandlers } from "./lib/bench-store/cleanup";
import { type BenchDatabase, openEmbedded, openPostgres } from "./lib/bench-store/databases";
import { ms, type Percentiles, percentiles } from "./lib/bench-store/stats";

const GOAL_MS = 300;
const root = path.resolve(import.meta.dirname, "..");
const numberFrom = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? Math.round(value) : fallback;
};
const settings = {
  events: numberFrom("BENCH_ANALYTICS_EVENTS", 1_000_000),
  rounds: numberFrom("BENCH_ANALYTICS_ROUNDS", 20),
  skipPg: process.env.BENCH_ANALYTICS_SKIP_PG === "1",
  skipPglite: process.env.BENCH_ANALYTICS_SKIP_PGLITE === "1",
};

const CREATORS = 50;
const END_USERS = 40_000;
const DAYS = 95;
/** Per 1,000 answers. */
const PER_THOUSAND = {
  conversations: 250,
  thumbs: 50,
  reviews: 15,
  actionCalls: 60,
  misses: 30,
};
/** Rows per INSERT … SELECT generate_series: keeps PGlite's memory flat. */
const CHUNK = 100_000;

type SeedSummary = {
  seconds: number;
  counts: Record<string, number>;
  topCreatorId: string;
  topGptId: string;
  topCreatorAnswers: number;
  topGptAnswers: number;
  medianCreatorId: string;
  medianCreatorAnswers: number;
};

const count = (value: number) => value.toLocaleString("en-US");

async function inChunks(total: number, insert: (from: number, to: number) => Promise<unknown>) {
  for (let from = 0; from < total; from += CHUNK) await insert(from, Math.min(total, from + CHUNK));
}

/**
 * The catalogue: creators ranked by popularity, each with 2-8 GPTs. `bench_gpts.idx` orders the
 * GPTs so that low indexes belong to the popular creators; events pick a GPT by idx with a skewed
 * random (power 2.2), so the first creator gets about a fifth of all usage, like a store's hits.
 */
async function seed(db: Database): Promise<SeedSummary> {
  const startedAt = Date.now();
  const sql = db.sql;
  const n = settings.events;
  const scaled = (perThousand: number) => Math.round((n * perThousand) / 1000);
  await sql.exec(`
    INSERT INTO "User" ("id", "email", "name", "role", "updatedAt")
    VALUES ('bench-admin', 'admin@bench.test', 'Administrator', 'ADMIN', now());
    INSERT INTO "User" ("id", "email", "name", "createdAt", "updatedAt")
    SELECT 'bench-creator-' || c, 'bench-creator-' || c || '@bench.test', 'Creator ' || c,
      now() - interval '400 days', now()
    FROM generate_series(0, ${CREATORS - 1}) AS c;
    INSERT INTO "User" ("id", "email", "name", "createdAt", "updatedAt")
    SELECT 'bench-user-' || u, 'bench-user-' || u || '@bench.test', 'User ' || u,
      now() - interval '400 days', now()
    FROM generate_series(0, ${END_USERS - 1}) AS u;
    INSERT INTO "Gpt" ("id", "ownerId", "slug", "name", "visibility", "createdAt", "updatedAt")
    SELECT 'bench-gpt-' || c || '-' || k, 'bench-creator-' || c, 'bench-gpt-' || c || '-' || k,
      'GPT ' || k || ' of creator ' || c, 'PUBLIC', now() - interval '300 days', now()
    FROM generate_series(0, ${CREATORS - 1}) AS c, generate_series(0, 1 + c % 7) AS k;
    CREATE TABLE bench_gpts AS
      SELECT (row_number() OVER (ORDER BY substr("ownerId", 15)::int, "id") - 1)::int AS "idx",
        "id", "ownerId"
      FROM "Gpt";
    CREATE UNIQUE INDEX ON bench_gpts ("idx");`);
  const [{ gpts }] = await sql.query<{ gpts: number }>(
    `SELECT count(*)::int AS "gpts" FROM bench_gpts`,
  );
  // One random draw per row, reused: a GPT by skewed index, a user (heavy users more often), a time.
  // (Drawn in a subquery: a volatile expression in a join condition would be re-drawn per pair.)
  const draws = (from: number, to: number) => `
    SELECT s.i, g."id" AS "gptId", g."ownerId", 'bench-user-' || s."u" AS "userId", s."at", s."r"
    FROM (
      SELECT i, least(${gpts - 1}, floor(${gpts} * power(random(), 2.2))::int) AS "gi",
        floor(${END_USERS} * power(random(), 1.6))::int AS "u",
        now() - random() * interval '${DAYS} days' AS "at", random() AS "r"
      FROM generate_series(${from}, ${to - 1}) AS i
    ) s
    JOIN bench_gpts g ON g."idx" = s."gi"`;

  await inChunks(n, (from, to) =>
    sql.exec(`
      INSERT INTO "UsageEvent" ("id", "messageId", "userId", "gptId", "creatorId", "channel",
        "modelId", "inputTokens", "outputTokens", "costMicros", "createdAt")
      SELECT 'bench-usage-' || d.i, 'bench-message-' || d.i, d."userId", d."gptId", d."ownerId",
        (CASE WHEN d."r" < 0.03 THEN 'PREVIEW' WHEN d."r" < 0.08 THEN 'API' ELSE 'STORE' END)::"UsageChannel",
        'bench-model', 400, 250, 3000, d."at"
      FROM (${draws(from, to)}) d`),
  );
  const conversations = scaled(PER_THOUSAND.conversations);
  await inChunks(conversations, (from, to) =>
    sql.exec(`
      INSERT INTO "Conversation" ("id", "userId", "gptId", "isPreview", "title", "createdAt", "updatedAt")
      SELECT 'bench-conv-' || d.i, d."userId", d."gptId", d."r" < 0.03, 'A question', d."at", d."at"
      FROM (${draws(from, to)}) d`),
  );
  // Thumbs on answers of the first (store) conversations.
  const thumbs = Math.min(scaled(PER_THOUSAND.thumbs), conversations);
  await inChunks(thumbs, (from, to) =>
    sql.exec(`
      INSERT INTO "Message" ("id", "conversationId", "role", "parts", "createdAt")
      SELECT 'bench-answer-' || c."id", c."id", 'ASSISTANT', '[]'::jsonb, c."createdAt"
      FROM "Conversation" c
      WHERE c."id" = ANY(ARRAY(SELECT 'bench-conv-' || i FROM generate_series(${from}, ${to - 1}) AS i))
        AND NOT c."isPreview";
      INSERT INTO "MessageFeedback" ("id", "messageId", "userId", "gptId", "rating", "createdAt", "updatedAt")
      SELECT 'bench-thumb-' || c."id", 'bench-answer-' || c."id", c."userId", c."gptId",
        (CASE WHEN random() < 0.8 THEN 'UP' ELSE 'DOWN' END)::"FeedbackRating", c."createdAt", c."createdAt"
      FROM "Conversation" c
      WHERE c."id" = ANY(ARRAY(SELECT 'bench-conv-' || i FROM generate_series(${from}, ${to - 1}) AS i))
        AND NOT c."isPreview"`),
  );
  await sql.exec(`
    INSERT INTO "Review" ("id", "gptId", "userId", "rating", "createdAt", "updatedAt")
    SELECT 'bench-review-' || row_number() OVER (), p."gptId", p."userId",
      (CASE WHEN random() < 0.55 THEN 5 WHEN random() < 0.6 THEN 4 WHEN random() < 0.5 THEN 3
        WHEN random() < 0.5 THEN 2 ELSE 1 END), p."at", p."at"
    FROM (
      SELECT DISTINCT ON ("gptId", "userId") "gptId", "userId", "createdAt" AS "at"
      FROM "Conversation" WHERE NOT "isPreview" AND "id" LIKE 'bench-conv-%'
      ORDER BY "gptId", "userId", "createdAt"
      LIMIT ${scaled(PER_THOUSAND.reviews)}
    ) p`);
  await inChunks(scaled(PER_THOUSAND.actionCalls), (from, to) =>
    sql.exec(`
      INSERT INTO "ActionCall" ("id", "gptId", "actionId", "userId", "source", "operation", "method",
        "domain", "status", "latencyMs", "error", "createdAt")
      SELECT 'bench-call-' || d.i, d."gptId", 'bench-action', d."userId",
        (CASE WHEN d."r" < 0.05 THEN 'PREVIEW' WHEN d."r" < 0.08 THEN 'TEST' ELSE 'CHAT' END)::"ActionCallSource",
        (ARRAY['getWeather', 'searchFlights', 'bookHotel', 'listOrders', 'createTicket'])[1 + d.i % 5],
        'GET', 'api.example.com', CASE WHEN d."r" > 0.9 THEN 502 ELSE 200 END, 120,
        CASE WHEN d."r" > 0.9 THEN 'The API answered 502 Bad Gateway.' END, d."at"
      FROM (${draws(from, to)}) d`),
  );
  await inChunks(scaled(PER_THOUSAND.misses), (from, to) =>
    sql.exec(`
      INSERT INTO "KnowledgeMiss" ("id", "gptId", "normalized", "query", "createdAt")
      SELECT 'bench-miss-' || d.i, d."gptId", 'question number ' || (d.i % 200),
        'Question number ' || (d.i % 200) || '?', d."at"
      FROM (${draws(from, to)}) d`),
  );
  // Closed months: a statement per creator and month, a line per GPT per day with usage.
  await sql.exec(`
    INSERT INTO "RevenuePeriod" ("month", "closedAt", "creatorSharePercent", "engagedAnswersDailyCap",
      "netRevenueMicros", "poolMicros", "allocatedMicros", "heldMicros", "unallocatedMicros",
      "clawbackMicros", "payingUsers", "engagedAnswers", "availableAt", "ledgerTransactionId")
    SELECT to_char(m, 'YYYY-MM'), now(), 50, 10, 0, 0, 0, 0, 0, 0, 0, 0, now(), 'bench'
    FROM generate_series(date_trunc('month', now() - interval '${DAYS} days'),
      date_trunc('month', now()) - interval '1 month', interval '1 month') AS m;
    INSERT INTO "CreatorStatement" ("id", "month", "creatorId", "earnedMicros", "heldMicros",
      "clawbackMicros", "engagedAnswers", "payingUsers")
    SELECT 'bench-statement-' || p."month" || '-' || u."id", p."month", u."id", 0, 0, 0, 0, 0
    FROM "RevenuePeriod" p CROSS JOIN "User" u WHERE u."id" LIKE 'bench-creator-%';
    INSERT INTO "StatementLine" ("statementId", "gptId", "gptName", "day", "engagedAnswers",
      "payingUsers", "amountMicros")
    SELECT 'bench-statement-' || to_char(e."day", 'YYYY-MM') || '-' || e."creatorId", e."gptId",
      'GPT', e."day", e."answers", 1, e."answers"::bigint * 1500
    FROM (
      SELECT "gptId", "creatorId", ("createdAt")::date AS "day", count(*)::int AS "answers"
      FROM "UsageEvent" WHERE "channel" <> 'PREVIEW' GROUP BY 1, 2, 3
    ) e
    JOIN "RevenuePeriod" p ON p."month" = to_char(e."day", 'YYYY-MM');
    DROP TABLE bench_gpts;
    ANALYZE;`);

  const counts: Record<string, number> = {};
  for (const table of [
    "UsageEvent",
    "Conversation",
    "MessageFeedback",
    "Review",
    "ActionCall",
    "KnowledgeMiss",
    "StatementLine",
    "Gpt",
  ]) {
    const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS "n" FROM "${table}"`);
    counts[table] = row?.n ?? 0;
  }
  const [top] = await sql.query<{ creatorId: string; answers: number }>(
    `SELECT "creatorId", count(*)::int AS "answers" FROM "UsageEvent"
     GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
  );
  const [topGpt] = await sql.query<{ gptId: string; answers: number }>(
    `SELECT "gptId", count(*)::int AS "answers" FROM "UsageEvent" WHERE "creatorId" = $1
     GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    [top?.creatorId],
  );
  const [median] = await sql.query<{ creatorId: string; answers: number }>(
    `SELECT "creatorId", count(*)::int AS "answers" FROM "UsageEvent"
     GROUP BY 1 ORDER BY 2 DESC OFFSET ${Math.floor(CREATORS / 2)} LIMIT 1`,
  );
  return {
    seconds: (Date.now() - startedAt) / 1000,
    counts,
    medianCreatorId: median?.creatorId ?? "",
    medianCreatorAnswers: median?.answers ?? 0,
    topCreatorId: top?.creatorId ?? "",
    topGptId: topGpt?.gptId ?? "",
    topCreatorAnswers: top?.answers ?? 0,
    topGptAnswers: topGpt?.answers ?? 0,
  };
}

type ViewResult = {
  range: AnalyticsRange;
  scope: string;
  latency: Percentiles;
};

type PassResult = {
  short: string;
  label: string;
  seed: SeedSummary;
  firstRun: RollupRun;
  tickRun: RollupRun;
  views: ViewResult[];
};

async function timeViews(seeded: SeedSummary): Promise<ViewResult[]> {
  const actorOf = (id: string): Actor => ({
    id,
    email: `${id}@bench.test`,
    name: id,
    role: "USER",
  });
  const busiest = actorOf(seeded.topCreatorId);
  const views: { scope: string; actor: Actor; gptId: string | null; range: AnalyticsRange }[] = [
    ...([7, 30, 90] as const).map((range) => ({
      scope: "busiest, all GPTs",
      actor: busiest,
      gptId: null,
      range,
    })),
    ...([7, 30, 90] as const).map((range) => ({
      scope: "busiest, one GPT",
      actor: busiest,
      gptId: seeded.topGptId,
      range,
    })),
    { scope: "median, all GPTs", actor: actorOf(seeded.medianCreatorId), gptId: null, range: 90 },
  ];
  const results: ViewResult[] = [];
  for (const { scope, actor, gptId, range } of views) {
    const load = () => getCreatorAnalytics({ actor, gptId, rangeDays: range });
    for (let warmup = 0; warmup < 2; warmup += 1) await load();
    const samples: number[] = [];
    for (let round = 0; round < settings.rounds; round += 1) {
      const startedAt = performance.now();
      const data = await load();
      samples.push(performance.now() - startedAt);
      if (round === 0 && data.totals.current.answers === 0) {
        throw new Error(`No answers in the ${range}-day view of ${scope}: the seed is wrong.`);
      }
    }
    results.push({ range, scope, latency: percentiles(samples) });
  }
  return results;
}

function printViews(views: ViewResult[]): void {
  console.log(
    `Dashboard data load, getCreatorAnalytics() in-process, ${settings.rounds} loads per view after 2 warm-ups:`,
  );
  console.log(
    `  ${"creator, scope".padEnd(18)} ${"range".padStart(7)} ${"p50".padStart(9)} ${"p95".padStart(9)} ${"max".padStart(9)}  ≤ ${GOAL_MS} ms (p95)`,
  );
  for (const view of views) {
    const { p50, p95, max } = view.latency;
    console.log(
      `  ${view.scope.padEnd(18)} ${`${view.range} days`.padStart(7)} ${ms(p50).padStart(9)} ${ms(p95).padStart(9)} ${ms(max).padStart(9)}  ${p95 <= GOAL_MS ? "yes" : "NO"}`,
    );
  }
}

async function runPass(open: () => Promise<BenchDatabase | null>): Promise<PassResult | null> {
  const bench = await open();
  if (!bench) return null;
  try {
    console.log(`\n=== ${bench.label} ===`);
    await applyMigrations(bench.db.sql);
    setDatabaseForTests(bench.db);
    const seeded = await seed(bench.db);
    console.log(
      `Seeded in ${seeded.seconds.toFixed(1)} s: ${Object.entries(seeded.counts)
        .map(([table, rows]) => `${count(rows)} ${table}`)
        .join(
          ", ",
        )}. Busiest creator: ${count(seeded.topCreatorAnswers)} answers (its top GPT ${count(seeded.topGptAnswers)}); median creator: ${count(seeded.medianCreatorAnswers)}.`,
    );
    const firstRun = await refreshRollups();
    console.log(
      `Rollup, first run (every day): ${ms(firstRun.durationMs)} + VACUUM ${ms(firstRun.vacuumMs)}, ` +
        `${count(firstRun.userDays.written)} GptUserDay + ${count(firstRun.dailyStats.written)} GptDailyStats rows.`,
    );
    // A later tick: what the job does every 10 minutes (here with the same data: only today's
    // and yesterday's days recomputed, nothing changed).
    const tickRun = await refreshRollups();
    console.log(
      `Rollup, a 10-minute tick (days from ${tickRun.fromDay}): ${ms(tickRun.durationMs)}, ` +
        `${count(tickRun.userDays.written + tickRun.dailyStats.written)} rows rewritten.`,
    );
    const views = await timeViews(seeded);
    printViews(views);
    return { short: bench.short, label: bench.label, seed: seeded, firstRun, tickRun, views };
  } finally {
    await bench.db.close().catch(() => {});
    await bench.cleanup();
  }
}

function printComparison(passes: PassResult[]): void {
  if (passes.length === 0) return;
  console.log("\n=== Summary: dashboard data load p95 ===");
  const header = ["view", ...passes.map((pass) => pass.short)];
  console.log(
    `  ${header[0]!.padEnd(20)}${header
      .slice(1)
      .map((h) => h.padStart(12))
      .join("")}`,
  );
  for (const [index, view] of passes[0]!.views.entries()) {
    const cells = passes.map((pass) => ms(pass.views[index]?.latency.p95).padStart(12));
    console.log(`  ${`${view.scope}, ${view.range} d`.padEnd(28)}${cells.join("")}`);
  }
  const rollups = passes.map(
    (pass) =>
      `${pass.short}: first run ${ms(pass.firstRun.durationMs)}, tick ${ms(pass.tickRun.durationMs)}`,
  );
  console.log(`  rollup: ${rollups.join("; ")}`);
  const worst = Math.max(...passes.flatMap((pass) => pass.views.map((view) => view.latency.p95)));
  console.log(
    `\nGoal ≤ ${GOAL_MS} ms with ${count(settings.events)} usage events: ${worst <= GOAL_MS ? "MET" : "NOT MET"} (worst p95 ${ms(worst)}).`,
  );
}

async function main() {
  installCleanupHandlers();
  const startedAt = Date.now();
  console.log(
    `bench:analytics on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}; ` +
      `${count(settings.events)} usage events, ${CREATORS} creators, ${count(END_USERS)} users, ${DAYS} days`,
  );
  const passes: PassResult[] = [];
  if (!settings.skipPglite) {
    const embedded = await runPass(async () => openEmbedded());
    if (embedded) passes.push(embedded);
  }
  if (settings.skipPg) console.log("\n(BENCH_ANALYTICS_SKIP_PG=1: real PostgreSQL pass skipped)");
  else {
    const postgres = await runPass(() => openPostgres(root));
    if (postgres) passes.push(postgres);
  }
  printComparison(passes);
  console.log(`Finished in ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`);
}

main()
  .then(() => {
    cleanupAll();
    process.exit(0);
  })
  .catch((error) => {
    console.error(error);
    cleanupAll();
    process.exit(1);
  });
