import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { SqlRunner } from "./sql-runner";

/**
 * Applies prisma/migrations/<name>/migration.sql files in order, all pending ones in one transaction
 * (PostgreSQL DDL is transactional: a failing migration leaves the database as it was), and
 * records them in Prisma's `_prisma_migrations` table format, so `prisma migrate deploy` stays
 * usable on machines that do have Prisma's native engine. Safe to run at every start-up and from
 * several instances at once (a PostgreSQL advisory lock serialises them).
 */
const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
);`;

const ADVISORY_LOCK_KEY = 72_837_001;

export type Migration = { name: string; sql: string; checksum: string };

export function readMigrations(
  dir = path.join(process.cwd(), "prisma", "migrations"),
): Migration[] {
  if (!existsSync(/*turbopackIgnore: true*/ dir))
    throw new Error(`Migrations folder not found: ${dir}`);
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(
        /*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"),
        "utf8",
      );
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export async function applyMigrations(
  sql: SqlRunner,
  migrations: Migration[] = readMigrations(),
): Promise<string[]> {
  await sql.exec(MIGRATIONS_TABLE);
  const applied: string[] = [];
  await sql.transaction(async (lockTx) => {
    // Held until this outer transaction ends; other instances wait here.
    await lockTx.query("SELECT pg_advisory_xact_lock($1)", [ADVISORY_LOCK_KEY]);
    const done = await lockTx.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const doneByName = new Map(done.map((row) => [row.migration_name, row.checksum]));
    for (const migration of migrations) {
      const previous = doneByName.get(migration.name);
      if (previous) {
        if (previous !== migration.checksum) {
          console.warn(`[atelier] migration ${migration.name} was edited after it was applied`);
        }
        continue;
      }
      try {
        await lockTx.exec(migration.sql);
      } catch (error) {
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      await lockTx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
         VALUES ($1, $2, now(), $3, 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      applied.push(migration.name);
    }
  });
  return applied;
}
