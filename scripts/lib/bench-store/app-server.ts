import { spawn } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import path from "node:path";
import { nextBin, serverNodeFlags } from "../build";
import { killGroup, onCleanup } from "./cleanup";
import { freePort } from "./databases";

export type AppServer = { url: string; stop: () => Promise<void> };

/**
 * `next start` of the built app (distDir) on a free port, on the seeded database. The app migrates
 * and starts its jobs at start-up (instrumentation.ts → lib/startup.ts); Next serves no request
 * before that finishes, so the first answer means ready. Output goes to `logFile`.
 */
export async function startAppServer(options: {
  root: string;
  distDir: string;
  env: Record<string, string>;
  logFile: string;
}): Promise<AppServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = createWriteStream(options.logFile);
  const server = spawn(
    process.execPath,
    [...serverNodeFlags(), nextBin(options.root), "start", "-p", String(port)],
    {
      cwd: options.root,
      // Its own process group: stopping it stops anything it started, and nothing else.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: options.distDir,
        PORT: String(port),
        APP_URL: url,
        SEED_DEMO_CONTENT: "false",
        OPENAI_API_KEY: "",
        ...options.env,
      },
    },
  );
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  const kill = onCleanup(`app server (pid ${server.pid})`, () => killGroup(server.pid, "SIGKILL"));
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) =>
    server.once("exit", () => {
      exited = true;
      resolve();
    }),
  );

  const deadline = Date.now() + 180_000;
  while (true) {
    if (exited || Date.now() > deadline) {
      kill();
      const tail = readFileSync(options.logFile, "utf8").split("\n").slice(-30).join("\n");
      throw new Error(
        `the app server ${exited ? "exited" : "did not answer within 180 s"}; log tail (${options.logFile}):\n${tail}`,
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
    stop: async () => {
      if (!exited) {
        killGroup(server.pid, "SIGTERM");
        const timer = setTimeout(() => killGroup(server.pid, "SIGKILL"), 10_000);
        await exitedPromise;
        clearTimeout(timer);
      }
      kill();
      log.end();
    },
  };
}

export const serverLogPath = (dir: string, short: string) =>
  path.join(dir, `bench-store-server-${short.toLowerCase()}.log`);
