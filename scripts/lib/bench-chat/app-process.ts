import { spawn } from "node:child_process";
import { appendFileSync, createWriteStream, readFileSync } from "node:fs";
import { killGroup, onCleanup } from "../bench-store/cleanup";
import { freePort } from "../bench-store/databases";
import { nextBin, serverNodeFlags } from "../build";
import { DIST_DIR } from "./settings";

export type AppProcess = {
  url: string;
  /** The `next start` process: the root of the tree whose RSS and CPU are measured. */
  pid: number;
  /** SIGTERM, then waits for the exit (a CPU profile is written then); SIGKILL after 60 s. */
  stop: () => Promise<void>;
};

/**
 * `next start` of `appRoot`'s build in DIST_DIR (scripts/lib/bench-store/app-server.ts does the
 * same but does not expose the pid, and the bench needs it for RSS). Each start appends to
 * `logFile`. The app migrates and seeds in instrumentation.ts before it answers, so the first
 * answer means ready.
 */
export async function startApp(options: {
  appRoot: string;
  env: Record<string, string>;
  logFile: string;
  cpuProfDir: string | null;
  note: string;
}): Promise<AppProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  appendFileSync(
    options.logFile,
    `\n===== ${new Date().toISOString()} next start: ${options.note} =====\n`,
  );
  const log = createWriteStream(options.logFile, { flags: "a" });
  // Node 20 refuses --cpu-prof in NODE_OPTIONS; on the command line it profiles `next start`,
  // which serves in this very process (no worker process).
  const profile = options.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfDir}`] : [];
  const args = [
    ...profile,
    ...serverNodeFlags(),
    nextBin(options.appRoot),
    "start",
    "-p",
    String(port),
  ];
  const server = spawn(process.execPath, args, {
    cwd: options.appRoot,
    // Its own process group: stopping it stops what it started, and nothing else.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      PORT: String(port),
      APP_URL: url,
      ...options.env,
    },
  });
  server.stdout?.pipe(log, { end: false });
  server.stderr?.pipe(log, { end: false });
  const kill = onCleanup(`app server (pid ${server.pid})`, () => killGroup(server.pid, "SIGKILL"));
  let isExited = false;
  const exited = new Promise<void>((resolve) =>
    server.once("exit", () => {
      isExited = true;
      resolve();
    }),
  );

  const deadline = Date.now() + 180_000;
  while (true) {
    if (isExited || Date.now() > deadline) {
      kill();
      const tail = readFileSync(options.logFile, "utf8").split("\n").slice(-30).join("\n");
      throw new Error(
        `the app server ${isExited ? "exited" : "did not answer within 180 s"}; log tail (${options.logFile}):\n${tail}`,
      );
    }
    try {
      await fetch(`${url}/`, { redirect: "manual", signal: AbortSignal.timeout(30_000) });
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return {
    url,
    pid: server.pid!,
    stop: async () => {
      if (!isExited) {
        killGroup(server.pid, "SIGTERM");
        const timer = setTimeout(() => killGroup(server.pid, "SIGKILL"), 60_000);
        await exited;
        clearTimeout(timer);
      }
      kill();
      log.end();
    },
  };
}
