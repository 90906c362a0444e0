import path from "node:path";
import { findBenchGpt, raiseChatLimits, seedBenchUsers } from "../bench-chat/bench-sql";
import type { FakeProcess } from "../bench-chat/fake-process";
import { runStep, type StepResult } from "../bench-chat/ladder";
import { type LogFinding, scanServerLog } from "../bench-chat/log-scan";
import { loadAverage } from "../bench-chat/proc-stats";
import { printLogFindings, printStep, STEP_HEADER } from "../bench-chat/report";
import { UserPool } from "../bench-chat/sessions";
import { BENCH_AUTH_SECRET, BENCH_GPT_SLUG, RESTART_WARMUP_TURNS } from "../bench-chat/settings";
import { BenchTarget, type PhaseCounts } from "../bench-chat/target";
import type { BenchDatabase } from "../bench-store/databases";
import { apiCompletion, KeyPool } from "./api-client";
import { countApiRows, grantApiAccess, seedApiKeys } from "./api-sql";
import { printTriples } from "./report";
import { type ApiBenchSettings, accountsNeeded, BENCH_API_REQUESTS_PER_MINUTE } from "./settings";
import { measureTriples, type TripleResult } from "./triples";

export type ApiPassResult = {
  short: "PGlite" | "PostgreSQL";
  label: string;
  loadAverageStart: string;
  loadAverageEnd: string;
  logFile: string;
  limitsRaised: string[];
  overhead: (TripleResult & { counts: PhaseCounts }) | null;
  steps: StepResult[];
  logFindings: LogFinding[];
  error: string | null;
};

/** One database: set up, then (a) the overhead triples, (b) the steps of N completions at once. */
export async function runApiPass(options: {
  bench: BenchDatabase;
  settings: ApiBenchSettings;
  fake: FakeProcess;
  stamp: string;
}): Promise<ApiPassResult> {
  const { bench, settings, fake } = options;
  await bench.db.close();
  const logFile = path.join(
    settings.benchRoot,
    ".bench",
    `bench-api-server-${bench.short.toLowerCase()}-${options.stamp}.log`,
  );
  const result: ApiPassResult = {
    short: bench.short,
    label: bench.label,
    loadAverageStart: loadAverage(),
    loadAverageEnd: "",
    logFile,
    limitsRaised: [],
    overhead: null,
    steps: [],
    logFindings: [],
    error: null,
  };
  console.log(`\n=== ${bench.label} ===`);
  console.log(`load average at start: ${result.loadAverageStart}`);
  const target = new BenchTarget(bench, {
    appRoot: settings.appRoot,
    logFile,
    cpuProfDir: null,
    fake,
    countRows: countApiRows,
    env: {
      ...bench.serverEnv,
      AUTH_SECRET: BENCH_AUTH_SECRET,
      OPENAI_API_KEY: "sk-bench",
      OPENAI_BASE_URL: fake.url,
      DEFAULT_MODEL: "fake-model",
      SEED_DEMO_CONTENT: "true",
      ADMIN_EMAIL: "bench-admin@example.com",
      ADMIN_PASSWORD: "bench-admin-password-0123",
      API_REQUESTS_PER_MINUTE: BENCH_API_REQUESTS_PER_MINUTE,
    },
  });
  try {
    await target.start("first start: migrations, demo content, model from env");
    await target.stop();
    const accounts = accountsNeeded(settings);
    const setup = await target.withSql(async (sql) => {
      await seedBenchUsers(sql, accounts.store + accounts.api);
      return {
        limits: await raiseChatLimits(sql),
        plans: await grantApiAccess(sql),
        keys: await seedApiKeys(sql, accounts.store, accounts.api),
        gpt: await findBenchGpt(sql),
      };
    });
    result.limitsRaised = setup.limits;
    if (target.isEmbedded) await target.recordBaseline();
    console.log(
      `Seeded ${accounts.store} store users (session cookies) and ${accounts.api} users with an API key each (scope chat); ` +
        `free plan${setup.plans === 1 ? "" : `s (${setup.plans})`} given API access; model "${BENCH_GPT_SLUG}" ("${setup.gpt.name}"); ` +
        `chat limits raised: ${setup.limits.length ? setup.limits.join(", ") : "none"}; API_REQUESTS_PER_MINUTE=${BENCH_API_REQUESTS_PER_MINUTE}.`,
    );
    console.log(
      "Counts are channel API only: messages of conversations with origin API, usage events on channel API." +
        (target.isEmbedded
          ? ` Embedded PGlite has one owner: after each phase the server is stopped to count, then started again with ${RESTART_WARMUP_TURNS} warm-up completions (counted in the next phase).`
          : ""),
    );
    const app = await target.start("measured server");
    console.log(`App server up at ${app.url} (pid ${app.pid}); log: ${logFile}`);

    const users = new UserPool(accounts.store, BENCH_AUTH_SECRET);
    const keys = new KeyPool(setup.keys);
    const complete = (
      key: string,
      text: string,
      agent?: Parameters<typeof apiCompletion>[0]["agent"],
    ) => apiCompletion({ appUrl: target.app!.url, key, model: BENCH_GPT_SLUG, text, agent });
    const warmUp = async () => {
      const taken = keys.take(RESTART_WARMUP_TURNS);
      for (const [index, key] of taken.entries()) await complete(key, `Warm-up ${index}.`);
      return taken.length;
    };
    const phases = 1 + settings.steps.length;
    let phase = 0;
    const isLast = () => ++phase === phases;

    const window = await target.openWindow();
    const overhead = await measureTriples({
      appUrl: app.url,
      fakeUrl: fake.url,
      gptId: setup.gpt.id,
      model: BENCH_GPT_SLUG,
      system: setup.gpt.instructions,
      triples: settings.pairs,
      users,
      keys,
      onProgress: (done, total) => process.stdout.write(`  triples ${done}/${total}\r`),
    });
    const overheadCounts = await target.closeWindow(window, {
      directRequests: overhead.nonApiUpstreamRequests,
      isLast: isLast(),
      warmUp,
    });
    result.overhead = { ...overhead, counts: overheadCounts };
    printTriples(overhead, overheadCounts);

    console.log(
      `\n(b) ${settings.steps.join(" / ")} streamed API completions at once, each from its own user and key; load average now ${loadAverage()}`,
    );
    console.log(STEP_HEADER.replace("turns/s", "compl/s"));
    for (const concurrency of settings.steps) {
      const stepKeys = keys.take(concurrency);
      const step = await runStep({
        target,
        fake,
        benchRoot: settings.benchRoot,
        gptId: setup.gpt.id,
        users,
        concurrency,
        isLoaded: false,
        isLast: isLast(),
        warmUp,
        send: (index, agent) =>
          complete(
            stepKeys[index],
            `Step ${concurrency}, completion ${index}: make this sentence shorter please.`,
            agent,
          ),
      });
      result.steps.push(step);
      printStep(step);
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
