import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "prisma", "public"];
const SOURCE_FILES = [
  "next.config.ts",
  "package.json",
  "instrumentation.ts",
  "proxy.ts",
  "postcss.config.mjs",
];
const IGNORED = new Set(["node_modules", "generated", "migrations"]);

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (IGNORED.has(entry)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** Written next to BUILD_ID: when the build began (sources edited during it are not in it). */
const STARTED_AT_FILE = "atelier-build-started-at";

/** True when `distDir` has no build or any source file changed since that build began. */
export function needsBuild(root: string, distDir: string): boolean {
  const buildIdFile = path.join(root, distDir, "BUILD_ID");
  const startedAtFile = path.join(root, distDir, STARTED_AT_FILE);
  if (!existsSync(buildIdFile) || !existsSync(startedAtFile)) return true;
  const builtAt = Number(readFileSync(startedAtFile, "utf8")) || 0;
  const sources = [...SOURCE_DIRS, ...SOURCE_FILES].map((entry) =>
    newestMtime(path.join(root, entry)),
  );
  return Math.max(...sources) > builtAt;
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export const nextBin = (root: string) => path.join(root, "node_modules/next/dist/bin/next");

/**
 * Node flags for the app server: `[...serverNodeFlags(), nextBin(root), "start", ...]`.
 * A 64 MB young-generation semi-space (V8's default is 16): a chat turn allocates a lot of
 * short-lived objects, and with the default the scavenger ran so often that 200 new chats at once
 * reached 103-141 turns/s against 147-169 with 32-64 MB (`npm run bench:chat`, PostgreSQL,
 * alternating runs on 2 cores). It costs at most a few dozen MB of RSS under load. An operator's
 * own --max-semi-space-size in NODE_OPTIONS wins.
 */
export function serverNodeFlags(): string[] {
  return process.env.NODE_OPTIONS?.includes("--max-semi-space-size")
    ? []
    : ["--max-semi-space-size=64"];
}

/**
 * Generates the Prisma client if missing, then builds into `distDir` if stale. `skipTypecheck`
 * is for test builds: the type check is `npm run typecheck`'s job.
 */
export function ensureBuilt(
  root: string,
  distDir: string,
  { skipTypecheck = false }: { skipTypecheck?: boolean } = {},
): void {
  if (!existsSync(path.join(root, "lib/generated/prisma/client.ts"))) {
    run(process.execPath, ["scripts/prisma-generate.mjs"]);
  }
  if (!needsBuild(root, distDir)) return;
  const startedAt = Date.now();
  console.log(`Building Atelier into ${distDir} (missing or older than the sources)…`);
  run(process.execPath, [nextBin(root), "build"], {
    ...process.env,
    NEXT_DIST_DIR: distDir,
    ...(skipTypecheck ? { ATELIER_BUILD_SKIP_TYPECHECK: "1" } : {}),
  });
  writeFileSync(path.join(root, distDir, STARTED_AT_FILE), String(startedAt));
  console.log(`Build finished in ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`);
}
