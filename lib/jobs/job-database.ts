import "server-only";
import type pg from "pg";
import { fromPglite, type Db as IDatabase } from "pg-boss";
import type { Database } from "../db/open";

/**
 * pg-boss runs on the app's own database connection, never a second one: embedded PGlite allows
 * exactly one owner per data directory (a second instance on the same folder corrupts it), and on
 * PostgreSQL one shared pool keeps the connection count predictable.
 */
export type BossConnection = { db: IDatabase; backend: "pglite" | "postgres" };

/** pg-boss's IDatabase over a node-postgres pool; multi-statement results are unwrapped by pg-boss. */
function fromPool(pool: pg.Pool): IDatabase {
  return {
    executeSql: async (text, values) =>
      (await pool.query(text, values as unknown[])) as unknown as { rows: unknown[] },
  };
}

export function bossConnectionOf(database: Database): BossConnection {
  const { pglite, pool } = database;
  if (database.kind === "embedded") {
    if (!pglite) throw new Error("Background jobs: the embedded database handle is unavailable.");
    return { db: fromPglite(pglite), backend: "pglite" };
  }
  if (!pool) throw new Error("Background jobs: the PostgreSQL pool is unavailable.");
  return { db: fromPool(pool), backend: "postgres" };
}
