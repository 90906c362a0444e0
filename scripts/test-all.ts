/**
 * `npm test`: unit, integration (embedded PostgreSQL), then e2e in real Chromium. Stops at the
 * first failure.
 *
 * With TEST_ALSO_POSTGRES_URL (CI sets it), the integration suite also runs against that
 * PostgreSQL server, alongside the e2e suite rather than after it: e2e spends much of its time
 * waiting on the browser, and running the two together keeps CI within its time budget on 2 cores.
 */
import { spawn, spawnSync } from "node:child_process";

const steps: [string, string[]][] = [
  ["Unit tests", ["run", "-s", "test:unit"]],
  ["Integration tests (embedded PostgreSQL)", ["run", "-s", "test:integration"]],
];

const startedAt = Date.now();
for (const [title, args] of steps) {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync("npm", args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`\n${title} failed.`);
    process.exit(result.status ?? 1);
  }
}

/** Runs the PostgreSQL integration pass in the background; its output is printed when it ends. */
function startPostgresPass(url: string): Promise<number> {
  console.log("\n=== Integration tests (PostgreSQL server), in the background ===");
  const child = spawn("npm", ["run", "-s", "test:integration"], {
    env: { ...process.env, TEST_DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
  return new Promise((resolve) => {
    child.on("close", (code) => {
      console.log("\n=== Integration tests (PostgreSQL server): output ===");
      process.stdout.write(Buffer.concat(output));
      resolve(code ?? 1);
    });
  });
}

const postgresUrl = process.env.TEST_ALSO_POSTGRES_URL;
const postgresPass = postgresUrl ? startPostgresPass(postgresUrl) : null;

console.log("\n=== End-to-end tests (Chromium) ===");
const e2e = spawnSync("npm", ["run", "-s", "test:e2e"], { stdio: "inherit", env: process.env });
const postgresStatus = postgresPass ? await postgresPass : 0;
if (e2e.status !== 0) console.error("\nEnd-to-end tests (Chromium) failed.");
if (postgresStatus !== 0) console.error("\nIntegration tests (PostgreSQL server) failed.");
if (e2e.status !== 0 || postgresStatus !== 0) process.exit(e2e.status || postgresStatus || 1);
console.log(`\nAll test suites passed in ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`);
