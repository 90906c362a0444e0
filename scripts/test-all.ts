/** `npm test`: unit, integration (embedded PostgreSQL), then e2e in real Chromium. Stops at the first failure. */
import { spawnSync } from "node:child_process";

const steps: [string, string[]][] = [
  ["Unit tests", ["run", "-s", "test:unit"]],
  ["Integration tests (embedded PostgreSQL)", ["run", "-s", "test:integration"]],
  ["End-to-end tests (Chromium)", ["run", "-s", "test:e2e"]],
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
console.log(`\nAll test suites passed in ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`);
