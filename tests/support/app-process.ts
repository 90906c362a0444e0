import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { ensureBuilt, nextBin, serverNodeFlags } from "../../scripts/lib/build";

/** The production build the process tests serve (shared with the e2e suite: built once). */
export const APP_DIST_DIR = process.env.E2E_DIST_DIR || ".next-e2e";
/** Every test app process signs sessions with this, so tests can mint session cookies. */
export const TEST_AUTH_SECRET = "process-tests-auth-secret-0123456789abcdef";

export type AppProcess = {
  url: string;
  pid: number;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  /** SIGKILL: no shutdown code runs (a crash, an OOM kill, a pulled plug). */
  crash: () => Promise<void>;
  /** SIGTERM: the app's clean shutdown. */
  stop: () => Promise<void>;
};

// A test that fails or times out never reaches its stop(): its app processes must not outlive
// the test worker (an orphaned server keeps burning CPU and skews everything after it).
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** Builds the app into APP_DIST_DIR when stale (a no-op when `npm test` built it first). */
export function ensureAppBuilt(): void {
  ensureBuilt(process.cwd(), APP_DIST_DIR, { skipTypecheck: true });
}

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

/**
 * `next start` of the built app as a child process, on the database `env` names (DATA_DIR for the
 * embedded one, DATABASE_URL for a server), with the model pointed at a fake. Resolves once it
 * answers (start-up migrates, recovers and starts jobs before Next serves). Output goes to
 * `logFile`.
 */
export async function startAppProcess({
  env,
  logFile,
}: {
  env: Record<string, string>;
  logFile: string;
}): Promise<AppProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = createWriteStream(logFile, { flags: "a" });
  const child: ChildProcess = spawn(
    process.execPath,
    [...serverNodeFlags(), nextBin(process.cwd()), "start", "-p", String(port)],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: APP_DIST_DIR,
        NEXT_MANUAL_SIG_HANDLE: "true",
        PORT: String(port),
        APP_URL: url,
        AUTH_SECRET: TEST_AUTH_SECRET,
        SEED_DEMO_CONTENT: "false",
        OPENAI_API_KEY: "",
        ADMIN_EMAIL: "admin@process.test",
        ADMIN_PASSWORD: "process-test-admin-password",
        STORAGE_DIR: path.join(process.cwd(), ".test-data", "process-files"),
        ...env,
      },
    },
  );
  running.add(child);
  child.once("exit", () => running.delete(child));
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  let isExited = false;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      isExited = true;
      resolve();
    }),
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (isExited || Date.now() > deadline) {
      child.kill("SIGKILL");
      const tail = readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n");
      throw new Error(`the app process did not start; log tail (${logFile}):\n${tail}`);
    }
    try {
      const health = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) });
      if (health.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const signal = async (name: NodeJS.Signals) => {
    if (!isExited) child.kill(name);
    await exited;
    log.end();
  };
  return {
    url,
    pid: child.pid!,
    exited,
    crash: () => signal("SIGKILL"),
    stop: () => signal("SIGTERM"),
  };
}
