/**
 * Finds a Chromium for Playwright: CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own
 * browser. Where none exists it installs Debian's package when it can (root + apt-get), else it
 * stops with a one-line instruction. Prints the path.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // no Playwright browser installed
  }
  const canApt = process.getuid?.() === 0 && spawnSync("which", ["apt-get"]).status === 0;
  if (canApt) {
    console.log("No Chromium found: installing Debian's (apt-get install -y chromium)…");
    execFileSync(
      "sh",
      [
        "-c",
        "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium",
      ],
      {
        stdio: "inherit",
      },
    );
    if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  console.error(
    "No Chromium found. Install one (Debian: `sudo apt-get install -y chromium`, elsewhere: `npx playwright install chromium`) or set CHROMIUM_PATH.",
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(findChromium());
