import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Database } from "../../lib/db/open";

/**
 * A fresh database on the PostgreSQL server at `serverUrl`, for a benchmark run, dropped again by
 * `cleanup`. lib/db/open is imported lazily: lib/env reads the environment the caller sets up.
 */
export async function openThrowawayPostgres(serverUrl: string): Promise<{
  db: Database;
  label: string;
  cleanup: () => Promise<void>;
}> {
  const { openDatabase } = await import("../../lib/db/open");
  const name = `atelier_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = openDatabase({ kind: "postgres", url: url.toString() });
  return {
    db,
    label: `PostgreSQL (throwaway database ${name})`,
    cleanup: async () => {
      await db.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
