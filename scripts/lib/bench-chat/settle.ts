import type { FakeStats } from "../../../tests/fixtures/fake-openai/stats";
import { countRows, type RowCounts, type Sql } from "./bench-sql";
import { treeCpuSeconds } from "./proc-stats";

const POLL_MS = 500;
const QUIET_POLLS = 3;
/** Below this share of one core the server is doing no turn work (only timers and job polling). */
const IDLE_CPU_SHARE = 0.1;

export type QuietResult = { waitedMs: number; isQuiet: boolean; lastCounts: RowCounts | null };

/**
 * Waits until a phase's work is over: the upstream has no answer in flight and has received
 * nothing new, the server's CPU is idle (pending database writes are done: for PGlite, which runs
 * inside the server, this is the only sign that can be read without opening the database), and,
 * where the database can be read while the server runs, the counts stopped changing and no
 * answer is left STREAMING. Three quiet polls in a row (1.5 s), at most `timeoutMs`.
 */
export async function waitUntilQuiet(options: {
  fakeStats: () => Promise<FakeStats>;
  serverPid: number;
  sql: Sql | null;
  timeoutMs?: number;
}): Promise<QuietResult> {
  const startedAt = Date.now();
  const timeoutMs = options.timeoutMs ?? 180_000;
  let quietPolls = 0;
  let previous: { received: number; cpu: number; counts: string } | null = null;
  let lastCounts: RowCounts | null = null;
  while (Date.now() - startedAt < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const stats = await options.fakeStats();
    const cpu = treeCpuSeconds(options.serverPid);
    lastCounts = options.sql ? await countRows(options.sql) : null;
    const countsKey = JSON.stringify(lastCounts);
    const isQuiet =
      previous !== null &&
      stats.inFlight === 0 &&
      stats.received === previous.received &&
      (cpu - previous.cpu) / (POLL_MS / 1000) < IDLE_CPU_SHARE &&
      countsKey === previous.counts &&
      (lastCounts?.streaming ?? 0) === 0;
    quietPolls = isQuiet ? quietPolls + 1 : 0;
    previous = { received: stats.received, cpu, counts: countsKey };
    if (quietPolls >= QUIET_POLLS) {
      return { waitedMs: Date.now() - startedAt, isQuiet: true, lastCounts };
    }
  }
  return { waitedMs: Date.now() - startedAt, isQuiet: false, lastCounts };
}
