import path from "node:path";
import type { BenchDatabase } from "../bench-store/databases";
import { findBenchGpt, hasStreamingStatus, raiseChatLimits, seedBenchUsers } from "./bench-sql";
import type { FakeProcess } from "./fake-process";
import { chatTurn } from "./http-client";
import { runStep, type StepResult } from "./ladder";
import { type LogFinding, scanServerLog } from "./log-scan";
import { type MemoryResult, measureMemory } from "./memory";
import { measureOverhead, type OverheadResult } from "./overhead";
import { loadAverage } from "./proc-stats";
import { printLogFindings, printMemory, printOverhead, printStep, STEP_HEADER } from "./report";
import { UserPool } from "./sessions";
import {
  BENCH_AUTH_SECRET,
  type BenchSettings,
  RESTART_WARMUP_TURNS,
  usersNeeded,
} from "./settings";
import { BenchTarget, type PhaseCounts } from "./target";

export type PassResult = {
  short: "PGlite" | "PostgreSQL";
  label: string;
  loadAverageStart: string;
  loadAverageEnd: string;
  logFile: string;
  limitsRaised: string[];
  hasStreamingStatus: boolean;
  overhead: (OverheadResult & { counts: PhaseCounts }) | null;
  quiet: StepResult[];
  loaded: StepResult[];
  memory: MemoryResult | null;
  logFindings: LogFinding[];
  error: string | null;
};

/** One database: set up, then (a) overhead, (b) the ladder quiet and loaded, (c) memory. */
export async function runPass(options: {
  bench: BenchDatabase;
  settings: BenchSettings;
  fake: FakeProcess;
  stamp: string;
}): Promise<PassResult> {
  const { bench, settings, fake } = options;
  // The server owns the database; this process reads it only through BenchTarget.withSql.
  await bench.db.close();
  const logFile = path.join(
    settings.benchRoot,
    ".bench",
    `bench-chat-server-${bench.short.toLowerCase()}-${options.stamp}.log`,
  );
  const result: PassResult = {
    short: bench.short,
    label: bench.label,
    loadAverageStart: loadAverage(),
    loadAverageEnd: "",
    logFile,
    limitsRaised: [],
    hasStreamingStatus: false,
    overhead: null,
    quiet: [],
    loaded: [],
    memory: null,
    logFindings: [],
    error: null,
  };
  console.log(`\n=== ${bench.label} ===`);
  console.log(`load average at start: ${result.loadAverageStart}`);
  const target = new BenchTarget(bench, {
    appRoot: settings.appRoot,
    logFile,
    cpuProfDir: settings.cpuProfDir,
    fake,
    env: {
      ...bench.serverEnv,
      AUTH_SECRET: BENCH_AUTH_SECRET,
      OPENAI_API_KEY: "sk-bench",
      OPENAI_BASE_URL: fake.url,
      DEFAULT_MODEL: "fake-model",
      SEED_DEMO_CONTENT: "true",
      ADMIN_EMAIL: "bench-admin@example.com",
      ADMIN_PASSWORD: "bench-admin-password-0123",
    },
  });
  try {
    // The app migrates its own database at start-up (its migrations, not this checkout's).
    await target.start("first start: migrations, demo content, model from env");
    await target.stop();
    const userCount = usersNeeded(settings);
    const setup = await target.withSql(async (sql) => {
      await seedBenchUsers(sql, userCount);
      return {
        limits: await raiseChatLimits(sql),
        gpt: await findBenchGpt(sql),
        hasStreaming: await hasStreamingStatus(sql),
      };
    });
    result.limitsRaised = setup.limits;
    result.hasStreamingStatus = setup.hasStreaming;
    if (target.isEmbedded) await target.recordBaseline();
    console.log(
      `Seeded ${userCount} bench users; chatting with "${setup.gpt.name}"; chat limits raised: ${setup.limits.length ? setup.limits.join(", ") : "none in this app"}; ` +
        `assistant status STREAMING ${setup.hasStreaming ? "exists (excluded from saved)" : "does not exist"}.`,
    );
    if (target.isEmbedded) {
      console.log(
        "Embedded PGlite has one owner: after each phase the server is stopped (SIGTERM, waited for) so the data directory can be opened here to count, then started again with " +
          `${RESTART_WARMUP_TURNS} warm-up turns (counted in the next phase's figures).`,
      );
    }
    const app = await target.start("measured server");
    console.log(`App server up at ${app.url} (pid ${app.pid}); log: ${logFile}`);

    const users = new UserPool(userCount, BENCH_AUTH_SECRET);
    const gptId = setup.gpt.id;
    const warmUp = async () => {
      const cookies = await users.take(RESTART_WARMUP_TURNS);
      for (const [index, cookie] of cookies.entries()) {
        await chatTurn({ appUrl: target.app!.url, cookie, gptId, text: `Warm-up ${index}.` });
      }
      return cookies.length;
    };
    const phases =
      1 + settings.steps.length * (settings.skipLoaded ? 1 : 2) + (settings.memoryStreams ? 1 : 0);
    let phase = 0;
    const isLast = () => ++phase === phases;

    const window = await target.openWindow();
    const overhead = await measureOverhead({
      appUrl: app.url,
      fakeUrl: fake.url,
      gptId,
      system: setup.gpt.instructions,
      pairs: settings.pairs,
      users,
      onProgress: (done, total) => process.stdout.write(`  overhead ${done}/${total}\r`),
    });
    const overheadCounts = await target.closeWindow(window, {
      directRequests: overhead.directRequests,
      isLast: isLast(),
      warmUp,
    });
    result.overhead = { ...overhead, counts: overheadCounts };
    printOverhead(overhead, overheadCounts);

    for (const isLoaded of settings.skipLoaded ? [false] : [false, true]) {
      console.log(
        `\n(b) ${settings.steps.join(" / ")} new chats at once, ${isLoaded ? "LOADED machine (scripts/cpu-burn.ts on every core during the requests)" : "quiet machine"}; load average now ${loadAverage()}`,
      );
      console.log(STEP_HEADER);
      for (const concurrency of settings.steps) {
        const step = await runStep({
          target,
          fake,
          benchRoot: settings.benchRoot,
          gptId,
          users,
          concurrency,
          isLoaded,
          isLast: isLast(),
          warmUp,
        });
        (isLoaded ? result.loaded : result.quiet).push(step);
        printStep(step);
      }
    }
    if (settings.memoryStreams) {
      result.memory = await measureMemory({
        target,
        fake,
        gptId,
        users,
        streams: settings.memoryStreams,
        turnsPerSecond: result.quiet.at(-1)?.turnsPerSecond ?? null,
        isLast: isLast(),
        warmUp,
      });
      printMemory(result.memory);
    }
  } catch (error) {
    result.error = (error as Error).stack ?? String(error);
    console.log(`\n!!!!! ${bench.short} pass failed: ${(error as Error).message} !!!!!`);
  } finally {
    await target.close();
    await bench.cleanup().catch(() => {});
  }
  result.loadAverageEnd = loadAverage();
  console.log(`\nload average at end: ${result.loadAverageEnd}`);
  result.logFindings = scanServerLog(logFile);
  printLogFindings(logFile, result.logFindings);
  return result;
}
