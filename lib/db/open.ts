import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { vector } from "@electric-sql/pglite-pgvector";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { acquireDataDirLock } from "./embedded-lock";
import { pgliteAdapter } from "./pglite-adapter";
import { pgliteRunner, pgRunner, type SqlRunner } from "./sql-runner";

export type DatabaseKind = "embedded" | "postgres";

export type Database = {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Runs raw SQL scripts (migrations) outside Prisma. */
  sql: SqlRunner;
  /** The driver under Prisma, for pg-boss, which must share it (lib/jobs/job-database.ts). */
  pglite?: PGlite;
  pool?: pg.Pool;
  close: () => Promise<void>;
};

export type OpenOptions =
  | { kind: "postgres"; url: string; poolSize?: number }
  /**
   * `dataDir` of "memory://" opens a throwaway in-memory database (tests); `loadDataDir` starts it
   * from a dumped data directory (PGlite's dumpDataDir) instead of an empty cluster.
   */
  | { kind: "embedded"; dataDir: string; loadDataDir?: Blob };

export function openDatabase(options: OpenOptions): Database {
  if (options.kind === "postgres") {
    const url = new URL(options.url);
    const config = {
      host: url.hostname,
      port: url.port ? Number(url.port) : 5432,
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database: url.pathname.slice(1) || "postgres",
      ssl:
        url.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
      max: options.poolSize ?? 10,
    };
    const pool = new pg.Pool(config);
    // An idle connection dropped by the server (restart, failover, admin kill) must be logged and
    // replaced, not crash the process as an unhandled 'error' event.
    pool.on("error", (error) =>
      console.error("[atelier] idle PostgreSQL connection lost:", error.message),
    );
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      kind: "postgres",
      prisma,
      sql: pgRunner(pool),
      pool,
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }

  const isMemory = options.dataDir.startsWith("memory://");
  const release = isMemory ? () => {} : acquireDataDirLock(options.dataDir);
  const pglite = new PGlite(isMemory ? "memory://" : path.join(options.dataDir, "pglite"), {
    extensions: { vector, pg_trgm },
    loadDataDir: options.loadDataDir,
  });
  const prisma = new PrismaClient({ adapter: pgliteAdapter(pglite) });
  return {
    kind: "embedded",
    prisma,
    sql: pgliteRunner(pglite),
    pglite,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
      release();
    },
  };
}
