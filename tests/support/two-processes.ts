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
import { type AppProcess, ensureAppBuilt, freePort, startAppProcess } from "./app-process";
import { postgresUrlOf } from "./postgres-url";

export type TwoProcesses = {
  readonly a: AppProcess;
  readonly b: AppProcess;
  /** Starts both processes (after the test seeded the database). */
  start: () => Promise<void>;
  /** Stops B cleanly and starts it again (its start-up recovery runs while A keeps serving). */
  restartB: () => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * A PostgreSQL database for two app processes, and the processes. In the PostgreSQL test pass it
 * is the file's own database on that server; otherwise a throwaway cluster is started for it
 * (scripts/start-test-postgres.sh): several processes cannot share the embedded database. The
 * test process's Prisma client points at the same database, so tests seed and check it directly.
 */
export async function startTwoAppProcesses({ name }: { name: string }): Promise<TwoProcesses> {
  ensureAppBuilt();
  const previous = database();
  let cleanup = async () => {};
  let url: string;
  if (process.env.TEST_DATABASE_URL) {
    url = postgresUrlOf(previous);
  } else {
    const cluster = await startThrowawayCluster();
    const db = openDatabase({ kind: "postgres", url: cluster.url });
    await applyMigrations(db.sql);
    setDatabaseForTests(db);
    forgetInstanceSecrets();
    forgetChatLimitsCache();
    url = cluster.url;
    cleanup = async () => {
      await db.close();
      setDatabaseForTests(previous);
      forgetInstanceSecrets();
      forgetChatLimitsCache();
      cluster.stop();
    };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `atelier-${name}-`));
  const env = { DATABASE_URL: url, DATA_DIR: dataDir };
  const logFile = path.join(os.tmpdir(), `atelier-${name}-${process.pid}.log`);
  let a: AppProcess | null = null;
  let b: AppProcess | null = null;
  return {
    get a() {
      if (!a) throw new Error("start() first");
      return a;
    },
    get b() {
      if (!b) throw new Error("start() first");
      return b;
    },
    start: async () => {
      a = await startAppProcess({ env, logFile });
      b = await startAppProcess({ env, logFile });
    },
    restartB: async () => {
      await b?.stop();
      b = await startAppProcess({ env, logFile });
    },
    stop: async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function startThrowawayCluster() {
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
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query("CREATE DATABASE atelier_two_processes");
  await admin.end();
  return {
    url: serverUrl.replace(/\/postgres$/, "/atelier_two_processes"),
    stop: () => {
      spawnSync("bash", ["scripts/stop-test-postgres.sh", dir], { stdio: "ignore" });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
