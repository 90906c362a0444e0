/**
 * `npm run test:e2e:shake -- [--runs N] [--burn-workers K] [playwright args…]`
 *
 * Shakes the e2e suite out of its timing assumptions: runs it N times in a row (default 3) while
 * K busy threads (default: one per core, scripts/cpu-burn.ts) keep the cores loaded, the way a
 * busy CI machine or laptop does. Each burn is bounded (an hour at most) and stopped when its
 * run ends. Prints one line per run and the failed tests of each, and exits non-zero if any run
 * failed. Extra arguments go to Playwright (e.g. a spec file to shake just that one).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MAX_BURN_SECONDS, startCpuBurn } from "./cpu-burn";
import { findChromium } from "./find-chromium";

type RunResult = {
  run: number;
  exitCode: number;
  seconds: number;
  failed: string[];
  passed: number;
};

type JsonSpec = { title: string; ok: boolean; tests: { status: string }[] };
type JsonSuite = { title: string; file?: string; specs?: JsonSpec[]; suites?: JsonSuite[] };

function takeFlag(args: string[], name: string): number | undefined {
  const index = args.indexOf(name);
  if (index === -1) return undefined;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`${name} needs a positive whole number, got "${args[index + 1] ?? ""}".`);
    process.exit(2);
  }
  args.splice(index, 2);
  return value;
}

/** Failed and passed spec titles from Playwright's JSON report. */
function readReport(file: string): { failed: string[]; passed: number } {
  const failed: string[] = [];
  let passed = 0;
  const visit = (suite: JsonSuite, where: string) => {
    const location = suite.file ?? where;
    for (const spec of suite.specs ?? []) {
      if (spec.ok) passed += 1;
      else failed.push(`${location} › ${spec.title}`);
    }
    for (const child of suite.suites ?? []) visit(child, location);
  };
  try {
    const report = JSON.parse(readFileSync(file, "utf8")) as { suites: JsonSuite[] };
    for (const suite of report.suites) visit(suite, suite.title);
  } catch {
    failed.push("(no JSON report: Playwright did not finish)");
  }
  return { failed, passed };
}

async function runSuite(run: number, playwrightArgs: string[], burnWorkers?: number) {
  const reportFile = path.join(
    mkdtempSync(path.join(os.tmpdir(), "atelier-shake-")),
    "report.json",
  );
  const burn = startCpuBurn({ seconds: MAX_BURN_SECONDS, workers: burnWorkers });
  console.log(`\n━━━ shake run ${run}: ${burn.workers} busy thread(s) next to the suite`);
  const started = Date.now();
  const exitCode = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      ["node_modules/@playwright/test/cli.js", "test", "--reporter=list,json", ...playwrightArgs],
      {
        stdio: "inherit",
        env: {
          ...process.env,
          CHROMIUM_PATH: findChromium(),
          PLAYWRIGHT_JSON_OUTPUT_NAME: reportFile,
        },
      },
    );
    child.once("exit", (code) => resolve(code ?? 1));
  });
  await burn.stop();
  const seconds = Math.round((Date.now() - started) / 1000);
  return { run, exitCode, seconds, ...readReport(reportFile) } satisfies RunResult;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runs = takeFlag(args, "--runs") ?? 3;
  const burnWorkers = takeFlag(args, "--burn-workers");
  const results: RunResult[] = [];
  for (let run = 1; run <= runs; run += 1) {
    results.push(await runSuite(run, args, burnWorkers));
  }
  console.log(
    `\n━━━ shake summary (${runs} run(s), load average now ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")})`,
  );
  for (const result of results) {
    const verdict = result.exitCode === 0 ? "passed" : "FAILED";
    console.log(
      `  run ${result.run}: ${verdict}, ${result.passed} passed, ${result.failed.length} failed, ${result.seconds} s`,
    );
    for (const title of result.failed) console.log(`    ✘ ${title}`);
  }
  process.exit(results.every((result) => result.exitCode === 0) ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
