import "server-only";
import { applyMigrations } from "./db/migrate";
import { type Database, openDatabase } from "./db/open";
import { dataDir, env } from "./env";

/**
 * The process-wide database. Embedded PGlite by default (one process owns the data directory);
 * a PostgreSQL server when DATABASE_URL is set. Kept on globalThis so Next's module reloading in
 * development never opens the data directory twice.
 */
const globalForDb = globalThis as unknown as {
  atelierDb?: Database;
  atelierDbReady?: Promise<Database>;
};

/** The configured database, opened (not yet migrated) on first use. */
export function database(): Database {
  globalForDb.atelierDb ??= env.DATABASE_URL
    ? openDatabase({ kind: "postgres", url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE })
    : openDatabase({ kind: "embedded", dataDir });
  return globalForDb.atelierDb;
}

/** Opens the database and applies pending migrations, once per process. */
export function ensureDatabase(): Promise<Database> {
  globalForDb.atelierDbReady ??= (async () => {
    const db = database();
    await applyMigrations(db.sql);
    return db;
  })();
  return globalForDb.atelierDbReady;
}

/** Replaces the process database (tests open an in-memory or throwaway one). */
export function setDatabaseForTests(db: Database): void {
  globalForDb.atelierDb = db;
  globalForDb.atelierDbReady = Promise.resolve(db);
}

export function databaseKind(): Database["kind"] {
  return database().kind;
}

/** Prisma client. Start-up (instrumentation.ts) awaits ensureDatabase() before serving. */
export const prisma = new Proxy({} as Database["prisma"], {
  get(_target, property) {
    const client = database().prisma;
    const value = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
