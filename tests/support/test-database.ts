import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { type Database, openDatabase } from "@/lib/db/open";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default (started from the
 * migrated template of tests/support/integration-global-setup.ts), or a throwaway database on the
 * PostgreSQL server named by TEST_DATABASE_URL (CI's real-PostgreSQL pass).
 */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const templatePath = inject("pgliteTemplatePath");
    const db = openDatabase({
      kind: "embedded",
      dataDir: "memory://",
      loadDataDir: templatePath ? new Blob([readFileSync(templatePath)]) : undefined,
    });
    // A no-op on the template (every migration is recorded); it still checks the template is current.
    await applyMigrations(db.sql);
    return db;
  }
  const name = `atelier_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = openDatabase({ kind: "postgres", url: url.toString() });
  await applyMigrations(db.sql);
  return {
    ...db,
    close: async () => {
      await db.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
