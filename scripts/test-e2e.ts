/** `npm run test:e2e`: finds (or installs) Chromium, then runs Playwright against the built app. */
import { spawnSync } from "node:child_process";
import { findChromium } from "./find-chromium";

const chromiumPath = findChromium();
const result = spawnSync(
  process.execPath,
  ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)],
  {
    stdio: "inherit",
    env: { ...process.env, CHROMIUM_PATH: chromiumPath },
  },
);
process.exit(result.status ?? 1);
