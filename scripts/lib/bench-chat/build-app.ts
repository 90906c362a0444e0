import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { DIST_DIR } from "./settings";

/**
 * `next build` rewrites tsconfig.json to include `<distDir>/types/**` for any dist folder it does
 * not find listed. The bench is not meant to change the project's files, so when that is the only
 * change the original text is put back (the types in DIST_DIR are only for Next's own check).
 */
function restoreTsconfig(tsconfigPath: string, before: string): void {
  const after = readFileSync(tsconfigPath, "utf8");
  if (after === before) return;
  try {
    const old = JSON.parse(before);
    const current = JSON.parse(after);
    const added = (current.include ?? []).filter(
      (entry: string) => !(old.include ?? []).includes(entry),
    );
    const isOnlyDistTypes =
      added.every((entry: string) => entry.startsWith(`${DIST_DIR}/`)) &&
      isDeepStrictEqual({ ...current, include: old.include }, old);
    if (isOnlyDistTypes) {
      writeFileSync(tsconfigPath, before);
      return;
    }
  } catch {
    // not plain JSON (comments): leave it and say so
  }
  console.log(`(next build changed ${tsconfigPath} beyond the ${DIST_DIR} types: left as it is)`);
}

/**
 * scripts/lib/build.ts ensureBuilt for `appRoot` into DIST_DIR, in a child process whose working
 * directory is that checkout (ensureBuilt builds the current directory, and exits its process when
 * the build fails). The type check is skipped: it is `npm run typecheck`'s job, not the bench's.
 */
export function buildApp(benchRoot: string, appRoot: string): boolean {
  const tsconfigPath = path.join(appRoot, "tsconfig.json");
  const tsconfig = existsSync(tsconfigPath) ? readFileSync(tsconfigPath, "utf8") : null;
  const script = `import(${JSON.stringify(path.join(benchRoot, "scripts/lib/build.ts"))}).then((m) => m.ensureBuilt(${JSON.stringify(appRoot)}, ${JSON.stringify(DIST_DIR)}, { skipTypecheck: true }))`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--eval", script], {
    cwd: appRoot,
    stdio: "inherit",
  });
  if (tsconfig !== null) restoreTsconfig(tsconfigPath, tsconfig);
  return result.status === 0;
}
