/**
 * `npm run bench:chat`: the chat turn engine (POST /api/chat) under load, on embedded PGlite and
 * on PostgreSQL, against the fake OpenAI upstream (tests/fixtures/fake-openai, its own process,
 * benchStream: 30 ms to the first token, then 20 tokens 5 ms apart) and the app's production build
 * (`next start` of DIST_DIR). Prints figures and ratios to goals, never asserts them:
 *   (a) overhead: interleaved pairs (direct to the upstream, then a new chat through Atelier),
 *       time to first token p50/p95/p99 and the per-pair difference;
 *   (b) a ladder of N new chats at once, each from its own user, on a quiet machine and with
 *       scripts/cpu-burn.ts on every core: outcomes, TTFT, turns/s, server RSS, and once settled
 *       answers started (upstream) = assistant messages saved = usage events;
 *   (c) memory per open stream: 1000 long answers at once, RSS before and while open.
 * Raw results go to .bench/bench-chat-<timestamp>.json; the server log of each pass beside it.
 *
 * BENCH_CHAT_SKIP_PG=1 · BENCH_CHAT_SKIP_EMBEDDED=1 · BENCH_CHAT_SKIP_LOADED=1
 * BENCH_CHAT_STEPS=50,100,200,400,1000 · BENCH_CHAT_PAIRS=200 · BENCH_CHAT_MEMORY_STREAMS=1000 (0: skip)
 * BENCH_CHAT_CPU_PROF=<dir>: the server runs with --cpu-prof (a profile per server process, written
 *   when it stops; the embedded pass restarts it after every phase).
 * BENCH_CHAT_APP_DIR=<checkout>: build and measure that checkout's app (e.g. a worktree of an older
 *   commit) with this checkout's bench, fake upstream and database helpers.
 * DATABASE_URL: the PostgreSQL pass uses a throwaway database on that server instead of a
 *   throwaway cluster (scripts/start-test-postgres.sh, fsync off).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildApp } from "./lib/bench-chat/build-app";
import { describeCheckout } from "./lib/bench-chat/describe-checkout";
import { startFakeProcess } from "./lib/bench-chat/fake-process";
import { type PassResult, runPass } from "./lib/bench-chat/pass";
import { loadAverage } from "./lib/bench-chat/proc-stats";
import {
  DELTA_COUNT,
  DELTA_MS,
  DIST_DIR,
  FIRST_TOKEN_MS,
  readSettings,
} from "./lib/bench-chat/settings";
import { printSummary } from "./lib/bench-chat/summary";
import { cleanupAll, installCleanupHandlers } from "./lib/bench-store/cleanup";
import { openEmbedded, openPostgres } from "./lib/bench-store/databases";

const root = path.resolve(import.meta.dirname, "..");

async function main() {
  installCleanupHandlers();
  // Each count on the embedded database opens it here, and lib/db/embedded-lock.ts adds an "exit"
  // listener per open (to release its lock): a dozen by the end, which is expected, not a leak.
  process.setMaxListeners(100);
  const startedAt = new Date();
  const settings = readSettings(root);
  const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
  mkdirSync(path.join(root, ".bench"), { recursive: true });
  const appLabel = describeCheckout(settings.appRoot);
  console.log(
    `bench:chat on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}; load average ${loadAverage()}\n` +
      `app: ${appLabel} (build ${DIST_DIR}); bench: ${describeCheckout(root)}\n` +
      `upstream: fake OpenAI benchStream, ${FIRST_TOKEN_MS} ms to first token then ${DELTA_COUNT} tokens ${DELTA_MS} ms apart; ` +
      `${settings.pairs} overhead pairs; steps ${settings.steps.join("/")}${settings.skipLoaded ? " (quiet only)" : " quiet and loaded"}; ` +
      `${settings.memoryStreams || "no"} memory streams` +
      (settings.cpuProfDir ? `; CPU profiles in ${settings.cpuProfDir}` : ""),
  );
  if (settings.cpuProfDir) mkdirSync(settings.cpuProfDir, { recursive: true });
  if (!buildApp(root, settings.appRoot)) {
    console.log("\n!!!!! next build failed (output above): nothing to measure !!!!!");
    return 1;
  }
  const fake = await startFakeProcess(root);
  console.log(`Fake upstream at ${fake.url} (pid ${fake.pid}).`);
  const passes: PassResult[] = [];
  if (settings.skipEmbedded)
    console.log("\n(BENCH_CHAT_SKIP_EMBEDDED=1: embedded PGlite pass skipped)");
  else passes.push(await runPass({ bench: openEmbedded(), settings, fake, stamp }));
  if (settings.skipPg) console.log("\n(BENCH_CHAT_SKIP_PG=1: PostgreSQL pass skipped)");
  else {
    const bench = await openPostgres(root);
    if (bench) passes.push(await runPass({ bench, settings, fake, stamp }));
  }
  await fake.stop();

  for (const pass of passes) printSummary(pass, appLabel);
  const file = path.join(root, ".bench", `bench-chat-${stamp}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version },
        app: appLabel,
        bench: describeCheckout(root),
        upstream: { firstTokenMs: FIRST_TOKEN_MS, deltas: DELTA_COUNT, deltaMs: DELTA_MS },
        settings,
        passes,
      },
      null,
      1,
    ),
  );
  console.log(
    `\nTTFT = request written → the network chunk holding the first text delta. turns/s = successes / step wall time. ` +
      `RSS = VmRSS of the next start process and its descendants; srv CPU = its CPU time over the step's wall time (100% = one core: ` +
      `well under 100% while TTFT grows means the server waited: on the database, or for a CPU other processes held). Raw results: ${file}. ` +
      `Finished in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s.`,
  );
  return 0;
}

main()
  .then((code) => {
    cleanupAll();
    process.exit(code);
  })
  .catch((error) => {
    console.error(error);
    cleanupAll();
    process.exit(1);
  });
