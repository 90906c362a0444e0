import { spawn } from "node:child_process";
import path from "node:path";
import { killGroup, onCleanup } from "../bench-store/cleanup";

export type CpuLoad = { stop: () => Promise<void> };

/**
 * scripts/cpu-burn.ts as a child process burning every core, for a "loaded machine" step. A child
 * rather than worker threads here: the bench's own event loop must not queue behind the burn
 * (its timestamps would grow, not Atelier's). Bounded to `maxSeconds` in case the bench dies.
 */
export async function startCpuLoad(benchRoot: string, maxSeconds: number): Promise<CpuLoad> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(benchRoot, "scripts/cpu-burn.ts"),
      "--seconds",
      String(maxSeconds),
    ],
    { cwd: benchRoot, detached: true, stdio: ["ignore", "pipe", "inherit"] },
  );
  const kill = onCleanup(`cpu burn (pid ${child.pid})`, () => killGroup(child.pid, "SIGKILL"));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // It prints once its threads exist; wait for that, then a moment for them to spin up.
  await new Promise<void>((resolve) => {
    child.stdout?.once("data", () => resolve());
    child.once("exit", () => resolve());
  });
  await new Promise((resolve) => setTimeout(resolve, 500));
  return {
    stop: async () => {
      killGroup(child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      kill();
    },
  };
}
