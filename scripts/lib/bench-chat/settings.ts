import path from "node:path";

/** next-auth v4's cookie name over http (APP_URL is http://127.0.0.1:<port> in the bench). */
export const SESSION_COOKIE = "next-auth.session-token";
/** The app's AUTH_SECRET for the run: the bench mints session cookies with it. */
export const BENCH_AUTH_SECRET = "bench-chat-auth-secret-do-not-use-in-production-0123";
export const DIST_DIR = ".next-bench";
/** The demo GPT the bench chats with (prisma/seed/demo-gpt-content.ts), no knowledge or actions. */
export const BENCH_GPT_SLUG = "demo-writing-coach";
export const WARMUP_PAIRS = 20;
/** Turns after each restart of the embedded server, so a step does not start on a cold process. */
export const RESTART_WARMUP_TURNS = 5;
/** The fake's benchStream: 30 ms to the first token, then 20 tokens 5 ms apart. */
export const FIRST_TOKEN_MS = 30;
export const DELTA_COUNT = 20;
export const DELTA_MS = 5;
/** The memory phase's long answers: slowStream's 60 deltas, this far apart (~12 s a stream). */
export const LONG_STREAM_DELTA_MS = 200;

export const GOALS = {
  overheadP50PostgresMs: 10,
  overheadP99PostgresMs: 30,
  overheadP50EmbeddedMs: 20,
  ladderStep: 200,
  ttftP99Ms: 1500,
  turnsPerSecondPostgres: 150,
};

export type BenchSettings = {
  /** Where the bench, the fake upstream and the database helpers come from. */
  benchRoot: string;
  /** The checkout whose app is built and measured (BENCH_CHAT_APP_DIR, default benchRoot). */
  appRoot: string;
  skipPg: boolean;
  skipEmbedded: boolean;
  steps: number[];
  skipLoaded: boolean;
  pairs: number;
  memoryStreams: number;
  cpuProfDir: string | null;
};

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number ≥ 0, got "${raw}".`);
  }
  return value;
}

function parseSteps(raw: string | undefined): number[] {
  if (!raw) return [50, 100, 200, 400, 1000];
  const steps = raw.split(",").map((part) => Number(part.trim()));
  if (steps.length === 0 || steps.some((step) => !Number.isInteger(step) || step < 1)) {
    throw new Error(`BENCH_CHAT_STEPS must be positive whole numbers like "50,100", got "${raw}".`);
  }
  return steps;
}

export function readSettings(benchRoot: string): BenchSettings {
  const appDir = process.env.BENCH_CHAT_APP_DIR;
  const profDir = process.env.BENCH_CHAT_CPU_PROF;
  return {
    benchRoot,
    appRoot: appDir ? path.resolve(appDir) : benchRoot,
    skipPg: process.env.BENCH_CHAT_SKIP_PG === "1",
    skipEmbedded: process.env.BENCH_CHAT_SKIP_EMBEDDED === "1",
    steps: parseSteps(process.env.BENCH_CHAT_STEPS),
    skipLoaded: process.env.BENCH_CHAT_SKIP_LOADED === "1",
    pairs: positiveInt("BENCH_CHAT_PAIRS", 200),
    memoryStreams: positiveInt("BENCH_CHAT_MEMORY_STREAMS", 1000),
    cpuProfDir: profDir ? path.resolve(profDir) : null,
  };
}

/** Users one pass needs: each request of the pass comes from its own account. */
export function usersNeeded(settings: BenchSettings): number {
  const ladder = settings.steps.reduce((sum, step) => sum + step, 0);
  const passes = settings.skipLoaded ? 1 : 2;
  const restarts = settings.steps.length * passes + 2;
  return (
    WARMUP_PAIRS +
    settings.pairs +
    ladder * passes +
    settings.memoryStreams +
    restarts * RESTART_WARMUP_TURNS +
    50
  );
}
