import { RESTART_WARMUP_TURNS, WARMUP_PAIRS } from "../bench-chat/settings";

/**
 * The bench app's per-key limit (lib/env.ts API_REQUESTS_PER_MINUTE, at its maximum): every request
 * comes from its own key anyway, and the bench measures the engine, not the limit.
 */
export const BENCH_API_REQUESTS_PER_MINUTE = "100000";

export type ApiBenchSettings = {
  benchRoot: string;
  /** bench:api measures this checkout's app (no BENCH_CHAT_APP_DIR: older apps have no API). */
  appRoot: string;
  skipPg: boolean;
  skipEmbedded: boolean;
  steps: number[];
  /** Measured triples (after WARMUP_PAIRS warm-up triples). */
  pairs: number;
  /** runPass of bench:chat reads these; bench:api has no loaded ladder, memory phase nor profile. */
  cpuProfDir: null;
};

function wholeNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number ≥ 0, got "${raw}".`);
  }
  return value;
}

function parseSteps(raw: string | undefined): number[] {
  if (!raw) return [50, 200];
  const steps = raw.split(",").map((part) => Number(part.trim()));
  if (steps.some((step) => !Number.isInteger(step) || step < 1)) {
    throw new Error(`BENCH_API_STEPS must be positive whole numbers like "50,200", got "${raw}".`);
  }
  return steps;
}

export function readApiSettings(benchRoot: string): ApiBenchSettings {
  return {
    benchRoot,
    appRoot: benchRoot,
    skipPg: process.env.BENCH_API_SKIP_PG === "1",
    skipEmbedded: process.env.BENCH_API_SKIP_EMBEDDED === "1",
    steps: parseSteps(process.env.BENCH_API_STEPS),
    pairs: wholeNumber("BENCH_API_PAIRS", 100),
    cpuProfDir: null,
  };
}

/**
 * Accounts one pass needs, each request from its own: store chats (session cookies) for the
 * overhead triples, and key owners for every API completion (triples, steps, warm-ups after the
 * embedded server's restarts).
 */
export function accountsNeeded(settings: ApiBenchSettings): { store: number; api: number } {
  const triples = WARMUP_PAIRS + settings.pairs;
  const steps = settings.steps.reduce((sum, step) => sum + step, 0);
  const restarts = settings.steps.length + 1;
  return { store: triples, api: triples + steps + restarts * RESTART_WARMUP_TURNS + 20 };
}
