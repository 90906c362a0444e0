/**
 * A second app server on the e2e build, over a database seeded with a closed month (see
 * seed-earnings.ts). The main e2e server's embedded database belongs to its process, so a spec
 * cannot book last month's money and answers into it; this one is seeded before it starts.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { nextBin, serverNodeFlags } from "../../../scripts/lib/build";
import { defaultSecretKey, defaultWebhookSecret } from "../../fixtures/fake-stripe/server";
import { ADMIN } from "../support/fixtures";

export type Seeded = {
  month: string;
  creatorEmail: string;
  moderatedEmail: string;
  password: string;
};

const root = process.cwd();
const port = process.env.E2E_PAYOUTS_PORT ?? "3212";
export const SEEDED_URL = `http://localhost:${port}`;
const fakeStripe = `http://127.0.0.1:${process.env.E2E_FAKE_STRIPE_PORT ?? "4040"}`;
const dataDir = path.join(root, ".test-data", `e2e-payouts-${port}`);

function appEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: process.env.E2E_DIST_DIR || ".next-e2e",
    NEXT_MANUAL_SIG_HANDLE: "true",
    PORT: port,
    APP_URL: SEEDED_URL,
    TRUSTED_PROXY_HOPS: "1",
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    OPENAI_API_KEY: "sk-e2e-test",
    OPENAI_BASE_URL: `http://127.0.0.1:${process.env.E2E_FAKE_OPENAI_PORT ?? "4010"}/v1`,
    DEFAULT_MODEL: "fake-model",
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SEED_DEMO_CONTENT: "false",
    STRIPE_SECRET_KEY: defaultSecretKey,
    STRIPE_WEBHOOK_SECRET: defaultWebhookSecret,
    STRIPE_API_URL: fakeStripe,
  };
}

function seed(): Promise<Seeded> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "tests/e2e/payouts/seed-earnings.ts"],
      { env: appEnv(), stdio: ["ignore", "pipe", "inherit"] },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = output.trim().split("\n").at(-1) ?? "";
      if (code === 0) resolve(JSON.parse(line) as Seeded);
      else reject(new Error(`seeding failed (exit ${code}): ${output}`));
    });
  });
}

async function waitForHealth(server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the seeded app exited (${server.exitCode})`);
    try {
      if ((await fetch(`${SEEDED_URL}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the seeded app did not start within 60 s");
}

/** Seeds, starts the server, and returns what was seeded and how to stop it. */
export async function startSeededApp(): Promise<{ seeded: Seeded; stop: () => Promise<void> }> {
  rmSync(dataDir, { recursive: true, force: true });
  const seeded = await seed();
  const server = spawn(
    process.execPath,
    [...serverNodeFlags(), nextBin(root), "start", "-p", port],
    { env: appEnv(), stdio: ["ignore", "ignore", "inherit"] },
  );
  await waitForHealth(server);
  return {
    seeded,
    stop: async () => {
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    },
  };
}
