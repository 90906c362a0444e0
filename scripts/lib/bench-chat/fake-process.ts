import { spawn } from "node:child_process";
import path from "node:path";
import type { FakeStats } from "../../../tests/fixtures/fake-openai/stats";
import { killGroup, onCleanup } from "../bench-store/cleanup";
import { treeCpuSeconds } from "./proc-stats";
import { DELTA_COUNT, DELTA_MS, FIRST_TOKEN_MS, LONG_STREAM_DELTA_MS } from "./settings";

export type FakeProcess = {
  /** Base URL ending in /v1 (OPENAI_BASE_URL for the app). */
  url: string;
  pid: number;
  stats: () => Promise<FakeStats>;
  /** Switches the default scenario; `slowMs` paces slowStream from then on. */
  setScenario: (name: "benchStream" | "slowStream", slowMs?: number) => Promise<void>;
  cpuSeconds: () => number;
  stop: () => Promise<void>;
};

/**
 * The fake OpenAI upstream in its own process: its streaming work must not share the bench's
 * event loop (TTFT would include it) nor the app's (it would pass for Atelier's cost).
 */
export async function startFakeProcess(benchRoot: string): Promise<FakeProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(benchRoot, "tests/fixtures/fake-openai/main.ts")],
    {
      cwd: benchRoot,
      detached: true,
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        FAKE_OPENAI_PORT: "0",
        FAKE_OPENAI_SCENARIO: "benchStream",
        FAKE_OPENAI_SLOW_MS: String(LONG_STREAM_DELTA_MS),
        FAKE_OPENAI_FIRST_TOKEN_MS: String(FIRST_TOKEN_MS),
        FAKE_OPENAI_BENCH_DELTAS: String(DELTA_COUNT),
        FAKE_OPENAI_BENCH_DELTA_MS: String(DELTA_MS),
      },
    },
  );
  const kill = onCleanup(`fake OpenAI server (pid ${child.pid})`, () =>
    killGroup(child.pid, "SIGKILL"),
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new Error("the fake OpenAI server did not start")),
      60_000,
    );
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+\/v1)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`the fake OpenAI server exited (${code})`)));
  });
  const control = url.replace(/\/v1$/, "/__control");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url,
    pid: child.pid!,
    stats: async () => (await fetch(`${control}/stats`)).json() as Promise<FakeStats>,
    setScenario: async (scenario, slowMs) => {
      const response = await fetch(`${control}/scenario`, {
        method: "POST",
        body: JSON.stringify({ scenario, slowMs }),
      });
      if (!response.ok) throw new Error(`could not switch the fake to ${scenario}`);
    },
    cpuSeconds: () => treeCpuSeconds(child.pid!),
    stop: async () => {
      killGroup(child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      kill();
    },
  };
}
