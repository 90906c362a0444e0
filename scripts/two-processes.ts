/**
 * `npm run two-processes`: two `next start` processes of the built app on one PostgreSQL database,
 * behind a round-robin proxy: the smallest scaled-out deployment, for trying what must hold across
 * processes (consent prompts, stop and resume, store listings, limits, recovery) by hand.
 *
 *   DATABASE_URL=postgres://… npm run two-processes    (default: a throwaway local cluster)
 *   PORT=3000 (the proxy's port)
 *
 * The processes get OPENAI_API_KEY, OPENAI_BASE_URL, DEFAULT_MODEL and ADMIN_* from the
 * environment, like `npm start`. Ctrl-C stops everything.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  ensureAppBuilt,
  freePort,
  startAppProcess,
  TEST_AUTH_SECRET,
} from "../tests/support/app-process";
import { startRoundRobinProxy } from "../tests/support/round-robin-proxy";

const port = Number(process.env.PORT || 3000);
ensureAppBuilt();

let databaseUrl = process.env.DATABASE_URL;
let stopCluster = () => {};
if (!databaseUrl) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "atelier-two-processes-pg-"));
  chmodSync(dir, 0o755);
  const started = spawnSync("bash", ["scripts/start-test-postgres.sh"], {
    env: { ...process.env, PG_TEST_DIR: dir, PGPORT_TEST: String(await freePort()) },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  databaseUrl = started.stdout.trim().split("\n").at(-1);
  if (started.status !== 0 || !databaseUrl?.startsWith("postgres")) {
    console.error("Could not start PostgreSQL: set DATABASE_URL to a server.");
    process.exit(1);
  }
  stopCluster = () => spawnSync("bash", ["scripts/stop-test-postgres.sh", dir]);
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), "atelier-two-processes-"));
const logFile = path.join(dataDir, "servers.log");
const env = {
  DATABASE_URL: databaseUrl,
  DATA_DIR: dataDir,
  APP_URL: `http://localhost:${port}`,
  AUTH_SECRET: process.env.AUTH_SECRET || TEST_AUTH_SECRET,
  SEED_DEMO_CONTENT: process.env.SEED_DEMO_CONTENT || "true",
  OPENAI_API_KEY: process.env.OPENAI_API_KEY ?? "",
  ADMIN_EMAIL: process.env.ADMIN_EMAIL || "admin@atelier.local",
  ADMIN_PASSWORD: process.env.ADMIN_PASSWORD || "two-processes-admin",
};
// One after the other: the first migrates and seeds, the second finds it done.
const a = await startAppProcess({ env, logFile });
const b = await startAppProcess({ env, logFile });
const proxy = await startRoundRobinProxy([a.url, b.url], port);
console.log(`
  Two Atelier processes on one PostgreSQL database, round-robin behind ${proxy.url}
  (open it as http://localhost:${port} so sign-in cookies match APP_URL)
    process A: ${a.url} (pid ${a.pid})
    process B: ${b.url} (pid ${b.pid})
  Admin sign-in: ${env.ADMIN_EMAIL} / ${env.ADMIN_PASSWORD}
  Server output: ${logFile}
  Try: kill -9 ${a.pid} while an answer streams, then watch B's sweep recover it (≤ 45 s).
`);

let isStopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (isStopping) return;
    isStopping = true;
    await proxy.close();
    await Promise.all([a.stop(), b.stop()]);
    stopCluster();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
}
