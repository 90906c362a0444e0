import { defineConfig, devices } from "@playwright/test";

const port = process.env.E2E_PORT ?? "3210";
const fakeOpenAIPort = process.env.E2E_FAKE_OPENAI_PORT ?? "4010";
// A creator's API (OpenAPI + OAuth) and an MCP server, reached through the egress guard's allowlist.
const fakeApiPort = process.env.E2E_FAKE_API_PORT ?? "4020";
const fakeMcpPort = process.env.E2E_FAKE_MCP_PORT ?? "4030";
// Stripe, faked at its HTTP boundary: the app's billing talks to it, it posts webhooks back.
const fakeStripePort = process.env.E2E_FAKE_STRIPE_PORT ?? "4040";
// Mail, faked at its SMTP boundary: the app sends to it, tests read the captured messages.
const fakeSmtpPort = process.env.E2E_FAKE_SMTP_PORT ?? "4050";
const fakeSmtpControlPort = process.env.E2E_FAKE_SMTP_CONTROL_PORT ?? "4051";
// A second app on the same build, without Stripe: billing must be nowhere to be seen there.
const noBillingPort = process.env.E2E_NO_BILLING_PORT ?? "3211";
const baseURL = `http://localhost:${port}`;

// npm run test:e2e sets CHROMIUM_PATH (Debian's Chromium here); without it Playwright's own browser is used.
const executablePath = process.env.CHROMIUM_PATH || undefined;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    // No trace recording: its screencast and DOM snapshots cost ~20-25 % of the suite's CPU on 2
    // cores, and CI only ever shows the printed output (the error, its aria snapshot and the
    // failure screenshot). Locally: `npm run test:e2e -- --trace on`.
    trace: "off",
    screenshot: "only-on-failure",
    // Animations and transitions finish at once (app/globals.css honours reduced motion): no
    // frames to paint while a dialog or toast moves, nothing to wait for before an axe scan.
    reducedMotion: "reduce",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: `node --import tsx tests/fixtures/fake-openai/main.ts`,
      url: `http://127.0.0.1:${fakeOpenAIPort}/__control/health`,
      env: { FAKE_OPENAI_PORT: fakeOpenAIPort, FAKE_OPENAI_SLOW_MS: "150" },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node --import tsx tests/fixtures/fake-api/main.ts --port ${fakeApiPort}`,
      url: `http://127.0.0.1:${fakeApiPort}/openapi.json`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node --import tsx tests/fixtures/fake-mcp/main.ts --port ${fakeMcpPort}`,
      // Up once it accepts connections (GET on the endpoint is 405 in stateless mode).
      port: Number(fakeMcpPort),
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node --import tsx tests/fixtures/fake-stripe/main.ts`,
      url: `http://127.0.0.1:${fakeStripePort}/__control/health`,
      env: {
        FAKE_STRIPE_PORT: fakeStripePort,
        FAKE_STRIPE_WEBHOOK_URL: `http://127.0.0.1:${port}/api/stripe/webhook`,
      },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node --import tsx tests/fixtures/fake-smtp/main.ts`,
      url: `http://127.0.0.1:${fakeSmtpControlPort}/__control/health`,
      env: { FAKE_SMTP_PORT: fakeSmtpPort, FAKE_SMTP_CONTROL_PORT: fakeSmtpControlPort },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: "node --import tsx scripts/e2e-app-server.ts",
      url: `${baseURL}/api/health`,
      env: { E2E_FAKE_STRIPE_PORT: fakeStripePort, E2E_FAKE_SMTP_PORT: fakeSmtpPort },
      reuseExistingServer: false,
      // Includes a production build when sources changed (~1-2 min on 2 cores).
      timeout: 400_000,
      stdout: "pipe",
    },
    {
      command: "node --import tsx scripts/e2e-app-server.ts",
      url: `http://localhost:${noBillingPort}/api/health`,
      env: {
        E2E_PORT: noBillingPort,
        E2E_WITHOUT_BILLING: "true",
        // Starts once the first server is up: its build is then current, so this one never builds.
        E2E_AFTER_URL: `${baseURL}/api/health`,
      },
      reuseExistingServer: false,
      timeout: 400_000,
      stdout: "pipe",
    },
  ],
});
