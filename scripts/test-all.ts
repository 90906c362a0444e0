/**
 * `npm test`: unit tests, then the integration suite (embedded PostgreSQL) alongside the e2e suite
 * (real Chromium). e2e spends much of its time waiting on the browser and the streaming fake
 * model, so the two together take little longer than e2e alone on 2 cores: that keeps CI within
 * its time budget. The integration output is printed when it ends.
 *
 * With TEST_ALSO_POSTGRES_URL (CI sets it), the integration suite then runs again against that
 * PostgreSQL server, still alongside e2e.
 *
 * The production build comes first: e2e serves it, and so do the integration tests that run real
 * app processes (tests/integration/chat-engine: kill -9 recovery, two processes on one database).
 */
import { spawn, spawnSync } from "node:child_process";
import { ensureBuilt } from "./lib/build";

/** Runs a command with its output shown as it comes; resolves with its exit code. */
function runShown(args: string[]): Promise<number> {
  const child = spawn("npm", args, { stdio: "inherit", env: process.env });
  return new Promise((resolve) => child.on("close", (code) => resolve(code ?? 1)));
}

const startedAt = Date.now();

console.log("\n=== Unit tests ===");
const unit = spawnSync("npm", ["run", "-s", "test:unit"], { stdio: "inherit", env: process.env });
if (unit.status !== 0) {
  console.error("\nUnit tests failed.");
  process.exit(unit.status ?? 1);
}

/** Runs one integration pass with its output held back (printed when it ends). */
function runIntegration(
  title: string,
  env: NodeJS.ProcessEnv,
  vitestArgs: string[] = [],
): Promise<number> {
  const args = [
    "run",
    "-s",
    "test:integration",
    ...(vitestArgs.length ? ["--", ...vitestArgs] : []),
  ];
  const child = spawn("npm", args, {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
  return new Promise((resolve) => {
    child.on("close", (code) => {
      console.log(`\n=== ${title}: output ===`);
      process.stdout.write(Buffer.concat(output));
      if (code !== 0) console.error(`\n${title} failed.`);
      resolve(code ?? 1);
    });
  });
}

/** Embedded first, then the PostgreSQL server when one is given: one integration run at a time. */
async function integrationPasses(): Promise<number> {
  const embedded = await runIntegration("Integration tests (embedded PostgreSQL)", process.env);
  const postgresUrl = process.env.TEST_ALSO_POSTGRES_URL;
  if (!postgresUrl) return embedded;
  // Two files at a time here (Vitest's default on 2 cores is one): each waits on the server much
  // of the time, which the other fills. Measured on 2 cores (CI's last pass, beside e2e's end).
  const server = await runIntegration(
    "Integration tests (PostgreSQL server)",
    { ...process.env, TEST_DATABASE_URL: postgresUrl },
    ["--maxWorkers=2"],
  );
  return embedded || server;
}

console.log("\n=== Production build for e2e and the app-process tests ===");
ensureBuilt(process.cwd(), process.env.E2E_DIST_DIR || ".next-e2e", { skipTypecheck: true });

console.log("\n=== Integration tests, in the background (output at the end) ===");
const integration = integrationPasses();

console.log("\n=== End-to-end tests (Chromium) ===");
// Not spawnSync: a blocked event loop would stop reading the integration output (the child then
// stalls on a full pipe) and would hold back the PostgreSQL pass until e2e ends.
const e2eStatus = await runShown(["run", "-s", "test:e2e"]);
if (e2eStatus !== 0) console.error("\nEnd-to-end tests (Chromium) failed.");
const integrationStatus = await integration;
if (e2eStatus !== 0 || integrationStatus !== 0) {
  process.exit(e2eStatus || integrationStatus || 1);
}
console.log(`\nAll test suites passed in ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`);
