/**
 * The app as Playwright sees it: a production build (.next-e2e, rebuilt only when sources changed)
 * served by `next start` on a fresh embedded database, with the model pointed at the fake
 * OpenAI-compatible server. Started by playwright.config.ts.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { ensureBuilt, nextBin, serverNodeFlags } from "./lib/build";

const root = process.cwd();
// E2E_DIST_DIR lets parallel runs (one per worktree or helper) keep separate builds.
const distDir = process.env.E2E_DIST_DIR || ".next-e2e";
ensureBuilt(root, distDir, { skipTypecheck: true });

const port = process.env.E2E_PORT ?? "3210";
const dataDir = path.join(root, ".test-data", `e2e-${port}`);
rmSync(dataDir, { recursive: true, force: true });

// Node closes idle keep-alive sockets after 5 s; a test that spends longer in the browser and
// then calls the API on the same request context could reuse a socket the server was closing
// (ECONNRESET, seen once in thin-path). Keep idle sockets open longer than any test step.
const server = spawn(
  process.execPath,
  [...serverNodeFlags(), nextBin(root), "start", "-p", port, "--keepAliveTimeout", "120000"],
  {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: distDir,
      NEXT_MANUAL_SIG_HANDLE: "true",
      PORT: port,
      APP_URL: `http://localhost:${port}`,
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      OPENAI_API_KEY: "sk-e2e-test",
      OPENAI_BASE_URL: `http://127.0.0.1:${process.env.E2E_FAKE_OPENAI_PORT ?? "4010"}/v1`,
      DEFAULT_MODEL: "fake-model",
      ADMIN_EMAIL: "admin@e2e.test",
      ADMIN_PASSWORD: "e2e-admin-password-123",
      SEED_DEMO_CONTENT: "true",
      // The fake API and MCP servers live on loopback: allowed by exact host:port, nothing else is.
      EGRESS_ALLOWLIST: [
        `127.0.0.1:${process.env.E2E_FAKE_API_PORT ?? "4020"}`,
        `127.0.0.1:${process.env.E2E_FAKE_MCP_PORT ?? "4030"}`,
      ].join(","),
    },
  },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
