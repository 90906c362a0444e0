import { spawnSync } from "node:child_process";

/** "<dir> @ <commit> <subject>", and whether tracked files differ from it: what a bench measured. */
export function describeCheckout(dir: string): string {
  const git = (...args: string[]) =>
    spawnSync("git", ["-C", dir, ...args], { encoding: "utf8" }).stdout?.trim() ?? "";
  const commit = git("log", "-1", "--format=%h %s");
  const isDirty = git("status", "--porcelain", "--untracked-files=no") !== "";
  return `${dir} @ ${commit || "?"}${isDirty ? " + uncommitted changes" : ""}`;
}
