/**
 * Keeps CPU cores busy, to measure (or shake) something on a loaded machine:
 *   node --import tsx scripts/cpu-burn.ts [--seconds N] [--workers K]
 * K busy-loop worker threads (default: one per core) for at most N seconds (default 60, never
 * more than an hour, so a forgotten burner cannot heat a shared machine for ever). Ctrl-C or
 * SIGTERM stops it at once. `startCpuBurn` is the same in-process; scripts/bench-chat.ts runs
 * this file as a child process instead, so the burn does not slow its own event loop.
 */
import os from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

export const MAX_BURN_SECONDS = 3600;

export type CpuBurn = {
  workers: number;
  /** Resolves once every worker thread has stopped. */
  stop: () => Promise<void>;
  /** Resolves when the burn ends (stopped, or its time is up). */
  done: Promise<void>;
};

// Plain JavaScript evaluated in each thread (no loader needed); it also stops itself at the
// deadline, in case the parent cannot terminate it.
const BURN_LOOP = `
const { workerData } = require("node:worker_threads");
let x = 0;
while (Date.now() < workerData.until) {
  for (let i = 0; i < 100000; i++) x = (x * 1664525 + 1013904223) % 4294967296;
}
`;

export function startCpuBurn(options: { seconds?: number; workers?: number } = {}): CpuBurn {
  const seconds = Math.min(Math.max(options.seconds ?? 60, 0.1), MAX_BURN_SECONDS);
  const count = Math.max(1, Math.round(options.workers ?? os.availableParallelism()));
  const until = Date.now() + seconds * 1000;
  const threads = Array.from(
    { length: count },
    () => new Worker(BURN_LOOP, { eval: true, workerData: { until } }),
  );
  const exits = threads.map(
    (thread) => new Promise<void>((resolve) => thread.once("exit", () => resolve())),
  );
  const done = Promise.all(exits).then(() => {});
  return {
    workers: count,
    done,
    stop: async () => {
      await Promise.all(threads.map((thread) => thread.terminate()));
      await done;
    },
  };
}

function readFlag(args: string[], name: string): number | undefined {
  const index = args.indexOf(name);
  if (index === -1) return undefined;
  const value = Number(args[index + 1]);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`${name} needs a positive number, got "${args[index + 1] ?? ""}".`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const seconds = readFlag(args, "--seconds") ?? 60;
  const burn = startCpuBurn({ seconds, workers: readFlag(args, "--workers") });
  console.log(
    `cpu-burn: ${burn.workers} busy thread(s) for at most ${Math.min(seconds, MAX_BURN_SECONDS)} s (pid ${process.pid})`,
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      burn.stop().then(() => process.exit(0));
    });
  }
  await burn.done;
  process.exit(0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
