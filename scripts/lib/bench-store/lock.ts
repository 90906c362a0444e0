import { spawn, spawnSync } from "node:child_process";
import { onCleanup } from "./cleanup";

/**
 * Holds an flock(1) lock (BENCH_STORE_LOCK_FILE) while the app is built and loaded, so the build
 * and the load test do not run at the same time as another job that takes the same lock (e.g. an
 * e2e run on a shared machine). Without the variable, or without flock, it does nothing.
 */
export async function withLock<T>(work: () => Promise<T>): Promise<T> {
  const lockFile = process.env.BENCH_STORE_LOCK_FILE;
  if (!lockFile) return work();
  if (spawnSync("flock", ["--version"]).status !== 0) {
    console.log(`(flock is not installed: running without the lock ${lockFile})`);
    return work();
  }
  console.log(`Waiting for the lock ${lockFile}…`);
  // The holder keeps the lock until we close its stdin (or exit: the pipe closes with us).
  const holder = spawn("flock", ["-o", lockFile, "sh", "-c", "echo locked; read _"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const release = onCleanup(`lock ${lockFile}`, () => {
    holder.stdin?.end();
    if (holder.exitCode === null) holder.kill("SIGTERM");
  });
  await new Promise<void>((resolve, reject) => {
    holder.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("locked")) resolve();
    });
    holder.once("exit", (code) => reject(new Error(`flock exited (${code}) before locking`)));
  });
  try {
    return await work();
  } finally {
    release();
  }
}
