/**
 * `npm run bench:api`: the OpenAI-compatible API (POST /api/v1/chat/completions, issue 17) against
 * the store chat path (POST /api/chat) it shares the chat engine with, on embedded PGlite and on
 * PostgreSQL, with bench:chat's pieces (scripts/lib/bench-chat: its build in DIST_DIR, the fake
 * OpenAI upstream in its own process with benchStream, `next start`, seeded users). Prints figures
 * and ratios, never asserts them:
 *   (a) overhead: interleaved triples (direct to the upstream, a new store chat, a stateless
 *       streamed completion with stream_options.include_usage), TTFT p50/p95/p99 of each and the
 *       per-triple differences API − direct and API − store chat;
 *   (b) N streamed completions at once, each from its own user and key: outcomes, TTFT,
 *       completions/s, and once settled answers started (upstream) = assistant messages saved =
 *       usage events, on channel API.
 * Raw results go to .bench/bench-api-<timestamp>.json; the server log of each pass beside it.
 *
 * BENCH_API_SKIP_PG=1 · BENCH_API_SKIP_EMBEDDED=1 · BENCH_API_STEPS=50,200 · BENCH_API_PAIRS=100
 * DATABASE_URL: the PostgreSQL pass uses a throwaway database on that server instead of a
 *   throwaway cluster. The build directory is bench:chat's: run it under the e2e lock
 *   (`flock /tmp/atelier-e2e.lock npm run bench:api`) when e2e runs may share the machine.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type ApiPassResult, runApiPass } from "./lib/bench-api/pass";
import { printApiSummary } from "./lib/bench-api/report";
import { readApiSettings } from "./lib/bench-api/settings";
import { buildApp } from "./lib/bench-chat/build-app";
import { describeCheckout } from "./lib/bench-chat/describe-checkout";
import { startFakeProcess } from "./lib/bench-chat/fake-process";
import { loadAverage } from "./lib/bench-chat/proc-stats";
import { DELTA_COUNT, DELTA_MS, DIST_DIR, FIRST_TOKEN_MS } from "./lib/bench-chat/settings";
import { cleanupAll, installCleanupHandlers } from "./lib/bench-store/cleanup";
import { openEmbedded, openPostgres } from "./lib/bench-store/databases";

const root = path.resolve(import.meta.dirname, "..");

async function main() {
  installCleanupHandlers();
  // Each count on the embedded database opens it here (an "exit" listener per open, by design).
  process.setMaxListeners(100);
  const startedAt = new Date();
  const settings = readApiSettings(root);
  const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
  mkdirSync(path.join(root, ".bench"), { recursive: true });
  const app = describeCheckout(root);
  console.log(
    `bench:api on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}; load average ${loadAverage()}\n` +
      `app: ${app} (build ${DIST_DIR})\n` +
      `upstream: fake OpenAI benchStream, ${FIRST_TOKEN_MS} ms to first token then ${DELTA_COUNT} tokens ${DELTA_MS} ms apart; ` +
      `${settings.pairs} overhead triples; steps ${settings.steps.join("/")}`,
  );
  if (!buildApp(root, settings.appRoot)) {
    console.log("\n!!!!! next build failed (output above): nothing to measure !!!!!");
    return 1;
  }
  const fake = await startFakeProcess(root);
  console.log(`Fake upstream at ${fake.url} (pid ${fake.pid}).`);
  const passes: ApiPassResult[] = [];
  if (settings.skipEmbedded) console.log("\n(BENCH_API_SKIP_EMBEDDED=1: embedded pass skipped)");
  else passes.push(await runApiPass({ bench: openEmbedded(), settings, fake, stamp }));
  if (settings.skipPg) console.log("\n(BENCH_API_SKIP_PG=1: PostgreSQL pass skipped)");
  else {
    const bench = await openPostgres(root);
    if (bench) passes.push(await runApiPass({ bench, settings, fake, stamp }));
  }
  await fake.stop();

  for (const pass of passes) printApiSummary(pass);
  const file = path.join(root, ".bench", `bench-api-${stamp}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version },
        app,
        upstream: { firstTokenMs: FIRST_TOKEN_MS, deltas: DELTA_COUNT, deltaMs: DELTA_MS },
        settings,
        passes,
      },
      null,
      1,
    ),
  );
  console.log(
    `\nTTFT = request written → the network chunk holding the first text delta (API: the first non-empty "content"). ` +
      `compl/s = successful completions / step wall time. Counts are channel API only. Raw results: ${file}. ` +
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
