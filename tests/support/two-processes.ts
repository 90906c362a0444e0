import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type AppProcess, ensureAppBuilt, startAppProcess } from "./app-process";
import { openSharedPostgres } from "./shared-postgres";

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
 * A PostgreSQL database for two app processes (tests/support/shared-postgres.ts), and the
 * processes. The test process's Prisma client points at the same database, so tests seed and
 * check it directly.
 */
export async function startTwoAppProcesses({ name }: { name: string }): Promise<TwoProcesses> {
  ensureAppBuilt();
  const shared = await openSharedPostgres(name);
  const url = shared.url;
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
      await shared.release();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
