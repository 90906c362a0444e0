import { generateApiKey } from "../../../lib/api-keys/key-format";
import { countRows, type RowCounts, type Sql } from "../bench-chat/bench-sql";

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

/** bench-chat's countRows for channel API only. */
export function countApiRows(sql: Sql): Promise<RowCounts> {
  return countRows(sql, { channel: "API" });
}
