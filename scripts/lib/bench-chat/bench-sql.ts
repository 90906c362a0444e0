import { BENCH_GPT_SLUG } from "./settings";

/**
 * Raw SQL only: the app under test may be another checkout (BENCH_CHAT_APP_DIR) whose schema
 * differs from this checkout's Prisma client, so nothing here goes through Prisma models.
 */
export type Sql = {
  query: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
};

/** Inserts `count` users and sessions with the ids sessions.ts mints cookies for (bench-user-0 …). */
export async function seedBenchUsers(sql: Sql, count: number): Promise<void> {
  await sql.query(
    `INSERT INTO "User" (id, email, name, "updatedAt")
     SELECT 'bench-user-' || n, 'bench-user-' || n || '@bench.invalid', 'Bench User ' || n, now()
     FROM generate_series(0, $1::int - 1) AS n
     ON CONFLICT DO NOTHING`,
    [count],
  );
  // One live session each: the cookies carry these ids (lib/auth/session.ts checks the row).
  await sql.query(
    `INSERT INTO "UserSession" (id, "userId", "userAgent")
     SELECT 'bench-session-' || n, 'bench-user-' || n, 'bench:chat'
     FROM generate_series(0, $1::int - 1) AS n
     ON CONFLICT DO NOTHING`,
    [count],
  );
}

/**
 * Chat limits (columns of InstanceSettings named chat* or *SpendCapMicros, when the app has them)
 * are raised for the run: the bench measures the engine, not the limits. Returns what changed.
 */
export async function raiseChatLimits(sql: Sql): Promise<string[]> {
  const columns = await sql.query<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM information_schema.columns
     WHERE table_name = 'InstanceSettings'
       AND (column_name LIKE 'chat%' OR column_name LIKE '%SpendCapMicros')`,
  );
  const numeric = columns.filter((column) =>
    ["integer", "bigint", "numeric", "double precision", "real", "smallint"].includes(
      column.data_type,
    ),
  );
  if (numeric.length === 0) return [];
  try {
    await sql.query(
      `INSERT INTO "InstanceSettings" (id, "updatedAt") VALUES (1, now()) ON CONFLICT (id) DO NOTHING`,
    );
  } catch {
    return ["(InstanceSettings has no row and one could not be created: limits left as they are)"];
  }
  const changes: string[] = [];
  for (const { column_name: name, data_type: type } of numeric) {
    const value = type === "integer" || type === "smallint" ? 1_000_000 : 1_000_000_000_000_000;
    const [before] = await sql.query<{ value: string }>(
      `SELECT "${name}"::text AS value FROM "InstanceSettings" WHERE id = 1`,
    );
    await sql.query(`UPDATE "InstanceSettings" SET "${name}" = $1 WHERE id = 1`, [value]);
    changes.push(`${name} ${before?.value ?? "?"} → ${value}`);
  }
  // Since the billing migrations the per-user allowances are the plans' (0: unlimited).
  const plans = await sql.query(
    `SELECT 1 FROM information_schema.columns WHERE table_name = 'Plan' AND column_name = 'monthlyMessages'`,
  );
  if (plans.length > 0) {
    await sql.query(`UPDATE "Plan" SET "dailyMessages" = 0, "monthlyMessages" = 0`);
    changes.push("every plan's daily and monthly messages → unlimited");
  }
  return changes;
}

export type BenchGpt = { id: string; name: string; instructions: string };

export async function findBenchGpt(sql: Sql): Promise<BenchGpt> {
  const [gpt] = await sql.query<BenchGpt>(
    `SELECT id, name, instructions FROM "Gpt" WHERE slug = $1 AND "publishedVersionId" IS NOT NULL`,
    [BENCH_GPT_SLUG],
  );
  if (!gpt) throw new Error(`the demo GPT ${BENCH_GPT_SLUG} is missing (SEED_DEMO_CONTENT off?)`);
  return gpt;
}

/** Whether the app writes answers ahead (status STREAMING until they are final). */
export async function hasStreamingStatus(sql: Sql): Promise<boolean> {
  const rows = await sql.query(
    `SELECT 1 FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
     WHERE t.typname = 'MessageStatus' AND e.enumlabel = 'STREAMING'`,
  );
  return rows.length > 0;
}

export type RowCounts = {
  userMessages: number;
  /** Assistant messages by status (STREAMING included here, excluded from `saved`). */
  assistantByStatus: Record<string, number>;
  /** Assistant messages that are final (not STREAMING). */
  saved: number;
  streaming: number;
  usageEvents: number;
  conversations: number;
};

/**
 * Messages by role and status, usage events and conversations. With `channel: "API"`, only the
 * API's: messages of conversations whose origin is API and usage events on channel API, so an
 * API answer metered on the wrong channel shows as a mismatch.
 */
export async function countRows(
  sql: Sql,
  { channel }: { channel?: "API" } = {},
): Promise<RowCounts> {
  const byStatus = await sql.query<{ role: string; status: string; n: number }>(
    `SELECT m.role::text AS role, m.status::text AS status, count(*)::int AS n
     FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
     ${channel ? `WHERE c.origin = '${channel}'` : ""} GROUP BY 1, 2`,
  );
  const [totals] = await sql.query<{ usage: number; conversations: number }>(
    `SELECT (SELECT count(*)::int FROM "UsageEvent" ${channel ? `WHERE channel = '${channel}'` : ""}) AS usage,
            (SELECT count(*)::int FROM "Conversation" ${channel ? `WHERE origin = '${channel}'` : ""}) AS conversations`,
  );
  const assistantByStatus: Record<string, number> = {};
  let userMessages = 0;
  for (const row of byStatus) {
    if (row.role === "USER") userMessages += row.n;
    else assistantByStatus[row.status] = (assistantByStatus[row.status] ?? 0) + row.n;
  }
  const streaming = assistantByStatus.STREAMING ?? 0;
  const assistants = Object.values(assistantByStatus).reduce((sum, n) => sum + n, 0);
  return {
    userMessages,
    assistantByStatus,
    saved: assistants - streaming,
    streaming,
    usageEvents: totals?.usage ?? 0,
    conversations: totals?.conversations ?? 0,
  };
}

export function subtractCounts(after: RowCounts, before: RowCounts): RowCounts {
  const statuses = new Set([
    ...Object.keys(after.assistantByStatus),
    ...Object.keys(before.assistantByStatus),
  ]);
  const assistantByStatus: Record<string, number> = {};
  for (const status of statuses) {
    const n = (after.assistantByStatus[status] ?? 0) - (before.assistantByStatus[status] ?? 0);
    if (n !== 0) assistantByStatus[status] = n;
  }
  return {
    userMessages: after.userMessages - before.userMessages,
    assistantByStatus,
    saved: after.saved - before.saved,
    streaming: after.streaming,
    usageEvents: after.usageEvents - before.usageEvents,
    conversations: after.conversations - before.conversations,
  };
}
