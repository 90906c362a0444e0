import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type Database, openDatabase } from "../../../lib/db/open";
import { onCleanup } from "./cleanup";

/** A fresh database for one benchmark pass, and the environment that points `next start` at it. */
export type BenchDatabase = {
  label: string;
  short: "PGlite" | "PostgreSQL";
  db: Database;
  serverEnv: Record<string, string>;
  /** Deletes the database (and the cluster or folder it lives in). */
  cleanup: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export function openEmbedded(): BenchDatabase {
  const dir = mkdtempSync(path.join(os.tmpdir(), "atelier-bench-store-"));
  const removeDir = onCleanup(`temporary data directory ${dir}`, () =>
    rmSync(dir, { recursive: true, force: true }),
  );
  return {
    label: `embedded PGlite (temporary DATA_DIR ${dir})`,
    short: "PGlite",
    db: openDatabase({ kind: "embedded", dataDir: dir }),
    serverEnv: { DATA_DIR: dir, DATABASE_URL: "" },
    cleanup: async () => removeDir(),
  };
}

/**
 * A throwaway database on the server named by DATABASE_URL, or else on a throwaway PostgreSQL
 * cluster started with scripts/start-test-postgres.sh (installs Debian's server when missing).
 * Null, with the reason printed, when neither works.
 */
export async function openPostgres(root: string): Promise<BenchDatabase | null> {
  let serverUrl = process.env.DATABASE_URL;
  let stopCluster = () => {};
  let where = "the server in DATABASE_URL";
  if (!serverUrl) {
    const clusterDir = mkdtempSync(path.join(os.tmpdir(), "atelier-bench-store-pg-"));
    chmodSync(clusterDir, 0o755);
    const port = await freePort();
    const started = spawnSync("bash", [path.join(root, "scripts/start-test-postgres.sh")], {
      env: { ...process.env, PG_TEST_DIR: clusterDir, PGPORT_TEST: String(port) },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    stopCluster = onCleanup(`PostgreSQL cluster in ${clusterDir}`, () => {
      spawnSync("bash", [path.join(root, "scripts/stop-test-postgres.sh"), clusterDir], {
        stdio: "inherit",
      });
      rmSync(clusterDir, { recursive: true, force: true });
    });
    serverUrl = started.stdout.trim().split("\n").at(-1);
    if (started.status !== 0 || !serverUrl?.startsWith("postgres")) {
      stopCluster();
      console.log(
        "\n!! Skipping the real PostgreSQL pass: no server could be started " +
          "(set DATABASE_URL to a PostgreSQL server, or install PostgreSQL).",
      );
      return null;
    }
    where = `a throwaway cluster on port ${port}`;
  }
  const name = `atelier_bench_store_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    stopCluster();
    console.log(
      `\n!! Skipping the real PostgreSQL pass: ${(error as Error).message} (${serverUrl}).`,
    );
    return null;
  } finally {
    await admin.end().catch(() => {});
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const filesDir = mkdtempSync(path.join(os.tmpdir(), "atelier-bench-store-files-"));
  const removeFiles = onCleanup(`temporary folder ${filesDir}`, () =>
    rmSync(filesDir, { recursive: true, force: true }),
  );
  const version = await (async () => {
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    const { rows } = await client.query("SHOW server_version");
    await client.end();
    return String(rows[0]?.server_version ?? "?").split(" ")[0];
  })();
  return {
    label: `PostgreSQL ${version} (database ${name} on ${where})`,
    short: "PostgreSQL",
    db: openDatabase({ kind: "postgres", url: url.toString() }),
    serverEnv: { DATABASE_URL: url.toString(), DATA_DIR: filesDir },
    cleanup: async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
      removeFiles();
      stopCluster();
    },
  };
}
