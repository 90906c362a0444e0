/**
 * `npm run bench:payouts`: the month close at scale. Seeds one month with BENCH_PAYOUTS_EVENTS
 * (1,000,000) usage events from 20,000 users on 1,000 GPTs of 200 creators, 8,000 of the users
 * paying (a subscription each, booked in the ledger as the Stripe webhook books it), with set-based
 * SQL; then times the admin's preview (planMonthClose), the close itself (closeMonth: statements,
 * lines, allocations, the ledger booking), a second close (a no-op), and the running month's
 * estimate the busiest creator's Earnings page shows. On a temporary embedded PGlite and on a throwaway
 * PostgreSQL (DATABASE_URL's server, or one started with scripts/start-test-postgres.sh).
 *
 * BENCH_PAYOUTS_EVENTS=n · BENCH_PAYOUTS_SKIP_PG=1 · BENCH_PAYOUTS_SKIP_PGLITE=1
 */
import path from "node:path";
import { prisma, setDatabaseForTests } from "../lib/db";
import { applyMigrations } from "../lib/db/migrate";
import { closeMonth } from "../lib/payouts/close-month";
import { estimateRunningMonth } from "../lib/payouts/estimate-month";
import { monthBounds } from "../lib/payouts/months";
import { planMonthClose } from "../lib/payouts/plan-month-close";
import { cleanupAll, installCleanupHandlers } from "./lib/bench-store/cleanup";
import { type BenchDatabase, openEmbedded, openPostgres } from "./lib/bench-store/databases";

const root = path.resolve(import.meta.dirname, "..");
const EVENTS = Number(process.env.BENCH_PAYOUTS_EVENTS) || 1_000_000;
const USERS = 20_000;
const PAYING = 8_000;
const CREATORS = 200;
const GPTS = 1_000;
const MONTH = "2026-10";
const CHUNK = 100_000;

async function seed(): Promise<number> {
  const started = performance.now();
  const { start } = monthBounds(MONTH);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "User" ("id", "email", "updatedAt")
    SELECT 'u' || i, 'u' || i || '@bench.example', now() FROM generate_series(1, ${USERS + CREATORS}) i`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Gpt" ("id", "ownerId", "slug", "name", "visibility", "updatedAt")
    SELECT 'g' || i, 'u' || (${USERS} + 1 + (i % ${CREATORS})), 'bench-' || i, 'GPT ' || i, 'PUBLIC', now()
    FROM generate_series(1, ${GPTS}) i`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "LedgerAccount" ("id", "name") VALUES
      ('stripe:clearing', 'Stripe balance'), ('expense:stripe-fees', 'Stripe fees'),
      ('revenue:subscriptions', 'Subscription revenue') ON CONFLICT DO NOTHING`);
  // A $20 subscription with a $0.88 fee per paying user, as lib/billing/book-stripe-money.ts books it.
  await prisma.$transaction([
    prisma.$executeRawUnsafe(`
      INSERT INTO "LedgerTransaction" ("id", "idempotencyKey", "kind", "sourceId", "userId", "occurredAt")
      SELECT 't' || i, 'bench:' || i, 'invoice.paid', 'in_' || i, 'u' || i,
        '${start.toISOString()}'::timestamp + (i % 27) * interval '1 day'
      FROM generate_series(1, ${PAYING}) i`),
    prisma.$executeRawUnsafe(`
      INSERT INTO "LedgerEntry" ("transactionId", "accountId", "amountMicros")
      SELECT 't' || i, a.id, a.amount FROM generate_series(1, ${PAYING}) i
      CROSS JOIN (VALUES ('stripe:clearing', 19120000), ('expense:stripe-fees', 880000),
        ('revenue:subscriptions', -20000000)) AS a (id, amount)`),
  ]);
  for (let offset = 0; offset < EVENTS; offset += CHUNK) {
    const count = Math.min(CHUNK, EVENTS - offset);
    // Users 1..USERS (the paying ones are 1..PAYING), each mostly on a few GPTs of their own.
    await prisma.$executeRawUnsafe(`
      INSERT INTO "UsageEvent" ("id", "messageId", "userId", "gptId", "creatorId", "channel",
        "modelId", "inputTokens", "outputTokens", "costMicros", "createdAt")
      SELECT 'e' || n, 'm' || n, 'u' || uid, 'g' || gid, 'u' || (${USERS} + 1 + (gid % ${CREATORS})),
        'STORE', 'bench-model', 500, 200, 3250,
        '${start.toISOString()}'::timestamp + ((n::bigint * 7919) % (30 * 86400)) * interval '1 second'
      FROM (
        SELECT n, 1 + (n * 2654435761) % ${USERS} AS uid,
          1 + (((n * 2654435761) % ${USERS}) * 7 + (n % 3)) % ${GPTS} AS gid
        FROM generate_series(${offset + 1}, ${offset + count}) n
      ) s`);
  }
  return (performance.now() - started) / 1000;
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
}

async function pass(open: () => Promise<BenchDatabase | null> | BenchDatabase) {
  const bench = await open();
  if (!bench) return;
  try {
    setDatabaseForTests(bench.db);
    await applyMigrations(bench.db.sql);
    console.log(`\n== ${bench.label}`);
    console.log(
      `seeded ${EVENTS.toLocaleString("en-US")} usage events in ${(await seed()).toFixed(1)} s`,
    );
    const [plan, previewMs] = await timed(() => planMonthClose(prisma, MONTH));
    const busiest = [...plan.statements].sort((a, b) => b.engagedAnswers - a.engagedAnswers)[0];
    const [, estimateMs] = await timed(() =>
      estimateRunningMonth({
        creatorId: busiest.creatorId,
        now: new Date(monthBounds(MONTH).end.getTime() - 1),
      }),
    );
    const [result, closeMs] = await timed(() => closeMonth({ month: MONTH, closedById: null }));
    const [again, againMs] = await timed(() => closeMonth({ month: MONTH, closedById: null }));
    const lines = await prisma.statementLine.count();
    const allocations = await prisma.poolAllocation.count();
    const { split } = plan;
    console.log(
      `pool $${(Number(split.poolMicros) / 1e6).toFixed(2)} · ${split.payingUsers} paying users · ` +
        `${split.cells.length.toLocaleString("en-US")} engaged cells · ${plan.statements.length} statements · ` +
        `${lines.toLocaleString("en-US")} lines · ${allocations.toLocaleString("en-US")} allocations`,
    );
    console.log(`| step | time |\n|---|---|`);
    console.log(`| preview (planMonthClose) | ${(previewMs / 1000).toFixed(2)} s |`);
    console.log(
      `| the busiest creator's running-month estimate (Earnings page) | ${(estimateMs / 1000).toFixed(2)} s |`,
    );
    console.log(`| close (${result.status}) | ${(closeMs / 1000).toFixed(2)} s |`);
    console.log(`| close again (${again.status}) | ${(againMs / 1000).toFixed(2)} s |`);
    console.log(
      `allocated + held + unallocated = pool: ${split.allocatedMicros + split.heldMicros + split.unallocatedMicros === split.poolMicros}`,
    );
  } finally {
    await bench.db.close();
    await bench.cleanup();
  }
}

installCleanupHandlers();
try {
  if (process.env.BENCH_PAYOUTS_SKIP_PGLITE !== "1") await pass(openEmbedded);
  if (process.env.BENCH_PAYOUTS_SKIP_PG !== "1") await pass(() => openPostgres(root));
} finally {
  cleanupAll();
}
process.exit(0);
