/**
 * `npm run bench:store`: store speed at scale. Seeds BENCH_STORE_GPTS (10,000) public, published
 * GPTs with creators, conversations (last 30 days, skewed) and reviews into a fresh database, then
 * measures (1) search server time: lib/store/search.ts searchGpts in this process over a fixed set
 * of queries, and (2) pages over HTTP with autocannon against the built app (`next start`): the
 * store home, a category page, a search and a GPT page, 10 concurrent connections. Both on a
 * temporary embedded PGlite and on a throwaway real PostgreSQL (DATABASE_URL's server, or one
 * started with scripts/start-test-postgres.sh). Goals, printed and never asserted: search p95
 * ≤ 100 ms server time; page p95 TTFB ≤ 200 ms at 10 concurrent clients (on 2 cores).
 *
 * BENCH_STORE_GPTS=N listed GPTs (default 10000) · BENCH_STORE_DURATION=s per page (default 10)
 * BENCH_STORE_WARMUP=s (default 3) · BENCH_STORE_CONNECTIONS=n (default 10)
 * BENCH_STORE_SEARCH_ROUNDS=n passes over the queries (default 5)
 * BENCH_STORE_SKIP_PG=1 · BENCH_STORE_SKIP_HTTP=1 · BENCH_STORE_SEARCH_TERM (default "travel planner")
 * BENCH_STORE_DIST_DIR: the build to serve (default .next-e2e, the e2e build, rebuilt when stale;
 *   another folder must be listed in tsconfig.json's include, or `next build` rewrites that file).
 * BENCH_STORE_LOCK_FILE=path: hold this flock(1) lock while building and loading the app, so no
 *   e2e run (taking the same lock) uses or rebuilds that build meanwhile.
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { setDatabaseForTests } from "../lib/db";
import { applyMigrations } from "../lib/db/migrate";
import { serverLogPath, startAppServer } from "./lib/bench-store/app-server";
import { cleanupAll, installCleanupHandlers } from "./lib/bench-store/cleanup";
import { type BenchDatabase, openEmbedded, openPostgres } from "./lib/bench-store/databases";
import { benchPage, type PageTarget } from "./lib/bench-store/http-bench";
import { withLock } from "./lib/bench-store/lock";
import { benchPageData } from "./lib/bench-store/page-data-bench";
import {
  type PassResult,
  printComparison,
  printPageData,
  printPages,
  printSearch,
  printSeed,
} from "./lib/bench-store/report";
import { benchSearch, SEARCH_QUERIES } from "./lib/bench-store/search-bench";
import { seedStore } from "./lib/bench-store/seed";

const root = path.resolve(import.meta.dirname, "..");
const numberFrom = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const settings = {
  gpts: Math.round(numberFrom("BENCH_STORE_GPTS", 10_000)),
  duration: numberFrom("BENCH_STORE_DURATION", 10),
  warmup: Number(process.env.BENCH_STORE_WARMUP ?? 3) || 0,
  connections: Math.round(numberFrom("BENCH_STORE_CONNECTIONS", 10)),
  rounds: Math.round(numberFrom("BENCH_STORE_SEARCH_ROUNDS", 5)),
  skipPg: process.env.BENCH_STORE_SKIP_PG === "1",
  skipHttp: process.env.BENCH_STORE_SKIP_HTTP === "1",
  distDir: process.env.BENCH_STORE_DIST_DIR || ".next-e2e",
  searchTerm: process.env.BENCH_STORE_SEARCH_TERM || "travel planner",
};

/**
 * scripts/lib/build.ts ensureBuilt in a child process: it exits its process when the build fails,
 * and a failed build should cost this run its HTTP part only.
 */
function buildApp(): boolean {
  const script = `import(${JSON.stringify(path.join(root, "scripts/lib/build.ts"))}).then((m) => m.ensureBuilt(${JSON.stringify(root)}, ${JSON.stringify(settings.distDir)}))`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--eval", script], {
    cwd: root,
    stdio: "inherit",
  });
  return result.status === 0;
}

async function runPass(open: () => Promise<BenchDatabase | null>): Promise<PassResult | null> {
  const bench = await open();
  if (!bench) return null;
  try {
    console.log(`\n=== ${bench.label} ===`);
    await applyMigrations(bench.db.sql);
    setDatabaseForTests(bench.db);
    const seed = await seedStore(bench.db, settings.gpts);
    printSeed(seed);
    const search = await benchSearch(settings.rounds);
    printSearch(search);
    const pageData = await benchPageData({
      categorySlug: seed.categorySlug,
      gptSlug: seed.popularSlug,
    });
    printPageData(pageData);
    // One owner per PGlite data directory: the server opens it only after this process let go.
    await bench.db.close();
    if (settings.skipHttp)
      return { short: bench.short, label: bench.label, seed, search, pages: null };

    const targets: PageTarget[] = [
      { name: "store home", path: "/" },
      { name: "category", path: `/categories/${seed.categorySlug}` },
      { name: "search", path: `/search?q=${encodeURIComponent(settings.searchTerm)}` },
      { name: "GPT page", path: `/g/${seed.popularSlug}` },
    ];
    try {
      const pages = await withLock(async () => {
        const logFile = serverLogPath(os.tmpdir(), bench.short);
        const server = await startAppServer({
          root,
          distDir: settings.distDir,
          env: bench.serverEnv,
          logFile,
        });
        console.log(`App server up at ${server.url} (log: ${logFile}).`);
        try {
          const results = [];
          for (const target of targets) results.push(await benchPage(server.url, target, settings));
          return results;
        } finally {
          await server.stop();
        }
      });
      printPages(
        pages,
        `${settings.connections} connections, ${settings.duration} s per page after a ${settings.warmup} s warm-up`,
      );
      return { short: bench.short, label: bench.label, seed, search, pages };
    } catch (error) {
      const message = (error as Error).message;
      console.log(`\n!!!!! HTTP part failed on ${bench.short}: ${message} !!!!!`);
      return {
        short: bench.short,
        label: bench.label,
        seed,
        search,
        pages: null,
        httpError: message,
      };
    }
  } finally {
    await bench.db.close().catch(() => {});
    await bench.cleanup();
  }
}

async function main() {
  installCleanupHandlers();
  const startedAt = Date.now();
  console.log(
    `bench:store on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}; ` +
      `${settings.gpts.toLocaleString("en-US")} listed GPTs, ${SEARCH_QUERIES.length} search queries × ${settings.rounds} rounds` +
      (settings.skipHttp
        ? ", HTTP skipped"
        : `, HTTP ${settings.connections} connections × ${settings.duration} s`) +
      (settings.skipPg ? ", PostgreSQL skipped" : ""),
  );
  if (!settings.skipHttp) {
    // Built once up front: later source edits (other work in the tree) do not rebuild mid-run.
    const built = await withLock(async () => buildApp());
    if (!built) {
      settings.skipHttp = true;
      console.log("\n!!!!! next build failed (output above): HTTP part skipped, search only !!!!!");
    }
  }
  const passes: PassResult[] = [];
  const embedded = await runPass(async () => openEmbedded());
  if (embedded) passes.push(embedded);
  if (settings.skipPg) console.log("\n(BENCH_STORE_SKIP_PG=1: real PostgreSQL pass skipped)");
  else {
    const postgres = await runPass(() => openPostgres(root));
    if (postgres) passes.push(postgres);
  }
  printComparison(passes);
  console.log(
    "\nSearch time is searchGpts() wall time in this process (SQL + card query), not HTTP. " +
      "TTFB = request written → response headers; full = → last body byte (autocannon's latency). " +
      "Pages with a loading.tsx stream: their headers leave with the shell, so full is the time to the data. " +
      "Goals: search p95 ≤ 100 ms; page TTFB p95 ≤ 200 ms at 10 concurrent clients on 2 cores. " +
      `Finished in ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`,
  );
}

main()
  .then(() => {
    cleanupAll();
    process.exit(0);
  })
  .catch((error) => {
    console.error(error);
    cleanupAll();
    process.exit(1);
  });
