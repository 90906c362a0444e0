import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { database, setDatabaseForTests } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";
import { openDatabase } from "@/lib/db/open";
import { forgetChatLimitsCache } from "@/lib/limits/chat-limits";
import { forgetInstanceSecrets } from "@/lib/security/instance-secrets";
import { freePort } from "./app-process";
import { postgresUrlOf } from "./postgres-url";

export type SharedPostgres = {
  /** What other processes connect to (DATABASE_URL). */
  url: string;
  /** Puts the file's own database back and stops the throwaway cluster, if one was started. */
  release: () => Promise<void>;
};

/**
 * A PostgreSQL database this test process and other processes can share. In the PostgreSQL test
 * pass it is the file's own database on that server; otherwise a throwaway cluster is started
 * (scripts/start-test-postgres.sh), migrated, and made the test's database until release():
 * several processes cannot share the embedded database.
 */
export async function openSharedPostgres(name: string): Promise<SharedPostgres> {
  const previous = database();
  if (process.env.TEST_DATABASE_URL) {
    return { url: postgresUrlOf(previous), release: async () => {} };
  }
  const cluster = await startThrowawayCluster(name);
  const db = openDatabase({ kind: "postgres", url: cluster.url });
  await applyMigrations(db.sql);
  setDatabaseForTests(db);
  forgetInstanceSecrets();
  forgetChatLimitsCache();
  return {
    url: cluster.url,
    release: async () => {
      await db.close();
      setDatabaseForTests(previous);
      forgetInstanceSecrets();
      forgetChatLimitsCache();
      cluster.stop();
    },
  };
}

async function startThrowawayCluster(name: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "atelier-pg-"));
  chmodSync(dir, 0o755);
  const started = spawnSync("bash", ["scripts/start-test-postgres.sh"], {
    env: { ...process.env, PG_TEST_DIR: dir, PGPORT_TEST: String(await freePort()) },
    encoding: "utf8",
  });
  const serverUrl = started.stdout.trim().split("\n").at(-1) ?? "";
  if (started.status !== 0 || !serverUrl.startsWith("postgres")) {
    throw new Error(`could not start a PostgreSQL cluster: ${started.stderr}`);
  }
  const databaseName = `atelier_${name.replaceAll(/[^a-z0-9]/g, "_")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
  return {
    url: serverUrl.replace(/\/postgres$/, `/${databaseName}`),
    stop: () => {
      spawnSync("bash", ["scripts/stop-test-postgres.sh", dir], { stdio: "ignore" });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
