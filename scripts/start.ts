/**
 * `npm start`: builds the app when the build is missing or older than the sources, then serves it
 * with `next start`. The server process itself opens the database, migrates, seeds and prints the
 * admin sign-in (lib/startup.ts).
 */
import { spawn } from "node:child_process";
import { ensureBuilt, nextBin, serverNodeFlags } from "./lib/build";

const root = process.cwd();
ensureBuilt(root, ".next");

const port = process.env.PORT || "3000";
const server = spawn(
  process.execPath,
  [...serverNodeFlags(), nextBin(root), "start", "-p", port, ...process.argv.slice(2)],
  {
    stdio: "inherit",
    // The server handles SIGINT/SIGTERM itself: running answers finish before it exits
    // (lib/startup.ts).
    env: { ...process.env, NEXT_DIST_DIR: ".next", NEXT_MANUAL_SIG_HANDLE: "true" },
  },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code) => process.exit(code ?? 0));
