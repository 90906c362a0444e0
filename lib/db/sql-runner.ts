import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";

/** Minimal raw-SQL access for the migration runner, over either driver. */
export type SqlRunner = {
  query: <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;
  /** Runs `fn` in one transaction on one connection; rolls back if it throws. */
  transaction: <T>(fn: (tx: Pick<SqlRunner, "query" | "exec">) => Promise<T>) => Promise<T>;
  exec: (script: string) => Promise<void>;
};

export function pgliteRunner(db: PGlite): SqlRunner {
  return {
    query: async (sql, params) => (await db.query(sql, params)).rows as never,
    exec: async (script) => {
      await db.exec(script);
    },
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: async (sql, params) => (await tx.query(sql, params)).rows as never,
          exec: async (script) => {
            await tx.exec(script);
          },
        }),
      ),
  };
}

/** Runs on the app's pool; closing the pool is its owner's job. */
export function pgRunner(pool: pg.Pool): SqlRunner {
  return {
    query: async (sql, params) => (await pool.query(sql, params as unknown[])).rows,
    exec: async (script) => {
      await pool.query(script);
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn({
          query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
          exec: async (script) => {
            await client.query(script);
          },
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
