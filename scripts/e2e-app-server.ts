/**
 * The app as Playwright sees it: a production build (.next-e2e, rebuilt only when sources changed)
 * served by `next start` on a fresh embedded database, with the model pointed at the fake
 * OpenAI-compatible server and billing at the fake Stripe. Started by playwright.config.ts.
 *
 * E2E_WITHOUT_BILLING=true starts the instance a self-hoster gets without Stripe (no demo content);
 * E2E_AFTER_URL makes it wait for another server (which builds) and serve that build.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { defaultSecretKey, defaultWebhookSecret } from "../tests/fixtures/fake-stripe/server";
import { ensureBuilt, nextBin, serverNodeFlags } from "./lib/build";

const root = process.cwd();
const afterUrl = process.env.E2E_AFTER_URL;
// E2E_DIST_DIR lets parallel runs (one per worktree or helper) keep separate builds.
const distDir = process.env.E2E_DIST_DIR || ".next-e2e";
// A second server serves the first one's build as it is: building again under a running server
// (sources edited meanwhile) would pull its files from under it.
if (afterUrl) await waitForUrl(afterUrl);
else ensureBuilt(root, distDir, { skipTypecheck: true });

const port = process.env.E2E_PORT ?? "3210";
const withBilling = process.env.E2E_WITHOUT_BILLING !== "true";
const fakeStripePort = process.env.E2E_FAKE_STRIPE_PORT ?? "4040";
// The fake Stripe's fixed test credentials (tests/fixtures/fake-stripe/server.ts).
const stripeEnv = withBilling
  ? {
      STRIPE_SECRET_KEY: defaultSecretKey,
      STRIPE_WEBHOOK_SECRET: defaultWebhookSecret,
      STRIPE_API_URL: `http://127.0.0.1:${fakeStripePort}`,
    }
  : { STRIPE_SECRET_KEY: "", STRIPE_WEBHOOK_SECRET: "", STRIPE_API_URL: "" };
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
      // The browser tests play the reverse proxy: each context sends its own X-Forwarded-For
      // (tests/e2e/support/fixtures.ts), so per-address limits stay per test.
      TRUSTED_PROXY_HOPS: "1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      OPENAI_API_KEY: "sk-e2e-test",
      OPENAI_BASE_URL: `http://127.0.0.1:${process.env.E2E_FAKE_OPENAI_PORT ?? "4010"}/v1`,
      DEFAULT_MODEL: "fake-model",
      ADMIN_EMAIL: "admin@e2e.test",
      ADMIN_PASSWORD: "e2e-admin-password-123",
      SEED_DEMO_CONTENT: withBilling ? "true" : "false",
      ...stripeEnv,
      // Mail goes to the fake SMTP server (tests/fixtures/fake-smtp) on the main instance; the
      // instance without billing keeps it in its outbox, as a self-hoster without SMTP would.
      ...(withBilling
        ? { SMTP_URL: `smtp://fake:fake@127.0.0.1:${process.env.E2E_FAKE_SMTP_PORT ?? "4050"}` }
        : { SMTP_URL: "" }),
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

async function waitForUrl(url: string): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
