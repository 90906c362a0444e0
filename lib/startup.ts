import "server-only";
import { seedDatabase } from "../prisma/seed";
import { startChatEngine, stopChatEngine } from "./chat/engine/engine-lifecycle";
import { databaseKind, ensureDatabase } from "./db";
import { appUrl, dataDir, env } from "./env";
import { installClientAddressResolution } from "./http/client-address";
import { startJobs, stopJobs } from "./jobs/runner";
import { bootstrapModelFromEnv } from "./models/bootstrap-model-from-env";
import { hasAnyEnabledModel } from "./models/queries";
import { getInstanceSecrets } from "./security/instance-secrets";

/**
 * Runs once per server process (instrumentation.ts): open the database, apply migrations, seed an
 * empty database, create the env model, start background jobs and the chat engine (which recovers
 * answers a crash left streaming), and print where to open the app and how to sign in.
 */
export async function startServer(): Promise<void> {
  const startedAt = Date.now();
  installClientAddressResolution(env.TRUSTED_PROXY_HOPS);
  const db = await ensureDatabase();
  await getInstanceSecrets();
  const seed = await seedDatabase(db.prisma, {
    adminEmail: env.ADMIN_EMAIL,
    adminPassword: env.ADMIN_PASSWORD,
    withDemoContent: env.SEED_DEMO_CONTENT === "true",
  });
  const bootstrappedModel = await bootstrapModelFromEnv();
  const hasModel = await hasAnyEnabledModel();
  // Background jobs (knowledge ingestion) run in this process, on this database, once migrated.
  await startJobs();
  await startChatEngine();
  stopServerOnSignals();

  const lines = [
    "",
    `  Atelier is running at ${appUrl}`,
    `  Database: ${databaseKind() === "embedded" ? `embedded PostgreSQL in ${dataDir}` : "PostgreSQL (DATABASE_URL)"}`,
  ];
  if (seed.isFirstSeed && seed.adminEmail) {
    lines.push(`  Admin sign-in: ${seed.adminEmail}`);
    lines.push(
      seed.generatedAdminPassword
        ? `  Admin password: ${seed.generatedAdminPassword}   (generated now and shown only once: save it)`
        : "  Admin password: the ADMIN_PASSWORD you configured",
    );
  } else {
    lines.push(
      `  Admin sign-in: ${env.ADMIN_EMAIL ?? "admin@atelier.local"} with the password printed on first start (or ADMIN_PASSWORD)`,
    );
  }
  if (bootstrappedModel) lines.push(`  Model: ${bootstrappedModel} created from OPENAI_API_KEY`);
  if (!hasModel) {
    lines.push(
      "  No model configured: sign in as admin and add one at /admin/models, or set OPENAI_API_KEY.",
    );
  }
  lines.push(`  Ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`, "");
  console.log(lines.join("\n"));
}

/**
 * SIGINT/SIGTERM: let running answers finish (or save them as interrupted), stop the job workers,
 * then exit. Next exits on these signals by itself unless NEXT_MANUAL_SIG_HANDLE is set, which
 * `npm start` does; without it, what a stop cuts short is recovered at the next start instead.
 */
function stopServerOnSignals(): void {
  const flags = globalThis as unknown as { atelierShutdownHooked?: boolean };
  if (flags.atelierShutdownHooked) return;
  flags.atelierShutdownHooked = true;
  let isStopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (isStopping) return;
    isStopping = true;
    console.log(`
  ${signal}: finishing running answers, then stopping…`);
    // Never hang on a stuck dependency: exit regardless after 30 s.
    setTimeout(() => process.exit(1), 30_000).unref();
    void stopChatEngine()
      .catch((error: unknown) => console.error("[atelier] stopping the chat engine", error))
      .then(() => stopJobs())
      .catch((error: unknown) => console.error("[atelier] stopping background jobs", error))
      .finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/** A server that cannot open its database must not serve: say why and stop. */
export async function startServerOrExit(): Promise<void> {
  try {
    await startServer();
  } catch (error) {
    console.error(`\n  Atelier could not start: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
