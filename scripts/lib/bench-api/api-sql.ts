import { generateApiKey } from "../../../lib/api-keys/key-format";
import type { RowCounts, Sql } from "../bench-chat/bench-sql";

/** Raw SQL, like bench-chat/bench-sql.ts: the bench does not load the app's Prisma client. */

/** The free plan (every bench user's, none subscribes) includes API access for the run. */
export async function grantApiAccess(sql: Sql): Promise<number> {
  const rows = await sql.query<{ id: string }>(
    `UPDATE "Plan" SET "hasApiAccess" = true WHERE "isFree" RETURNING id`,
  );
  return rows.length;
}

/**
 * One key with the `chat` scope for each of the users `first` … `first + count − 1` (seeded by
 * seedBenchUsers): the keys themselves, in user order. Stored as the app stores them (the SHA-256
 * of the whole key), so they authenticate like keys made in Settings → API keys.
 */
export async function seedApiKeys(sql: Sql, first: number, count: number): Promise<string[]> {
  const keys = Array.from({ length: count }, () => generateApiKey());
  const batch = 500;
  for (let start = 0; start < count; start += batch) {
    const slice = keys.slice(start, start + batch);
    await sql.query(
      `INSERT INTO "ApiKey" (id, "userId", name, prefix, hash, scopes)
       SELECT 'bench-key-' || n, 'bench-user-' || n, 'bench:api', prefix, hash, ARRAY['chat']
       FROM unnest($1::int[], $2::text[], $3::text[]) AS k(n, prefix, hash)
       ON CONFLICT DO NOTHING`,
      [
        slice.map((_, offset) => first + start + offset),
        slice.map((key) => key.prefix),
        slice.map((key) => key.hash),
      ],
    );
  }
  return keys.map((key) => key.key);
}

/**
 * countRows of bench-chat for channel API only: messages of conversations whose origin is API,
 * usage events on channel API. A store chat's rows are not counted, so an API answer metered
 * on the wrong channel shows as a mismatch.
 */
export async function countApiRows(sql: Sql): Promise<RowCounts> {
  const byStatus = await sql.query<{ role: string; status: string; n: number }>(
    `SELECT m.role::text AS role, m.status::text AS status, count(*)::int AS n
     FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
     WHERE c.origin = 'API' GROUP BY 1, 2`,
  );
  const [totals] = await sql.query<{ usage: number; conversations: number }>(
    `SELECT (SELECT count(*)::int FROM "UsageEvent" WHERE channel = 'API') AS usage,
            (SELECT count(*)::int FROM "Conversation" WHERE origin = 'API') AS conversations`,
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
