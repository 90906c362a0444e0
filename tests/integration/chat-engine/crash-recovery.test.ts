import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RECOVERED_MESSAGE } from "@/lib/chat/engine/recover-answers";
import { textOf } from "@/lib/chat/schemas";
import { database, prisma, setDatabaseForTests } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";
import { type Database, openDatabase } from "@/lib/db/open";
import { forgetInstanceSecrets } from "@/lib/security/instance-secrets";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";
import {
  type AppProcess,
  ensureAppBuilt,
  startAppProcess,
  TEST_AUTH_SECRET,
} from "../../support/app-process";
import {
  createActor,
  createFakeModel,
  createPublishedGpt,
  createSignedInActor,
  type SignedInActor,
} from "../../support/factories";
import { postgresUrlOf } from "../../support/postgres-url";
import { sessionCookie } from "../../support/session-cookie";

/**
 * A real app process (`next start` of the production build) killed with SIGKILL while three
 * answers stream: after a restart, every started answer is INTERRUPTED with its checkpointed text
 * and exactly one usage event. Runs on the embedded database (a data directory on disk) and, in
 * the PostgreSQL pass, on the server.
 */
const isPostgres = Boolean(process.env.TEST_DATABASE_URL);
let fake: FakeOpenAI;
let dataDir: string;
let appEnv: Record<string, string>;
const logFile = path.join(os.tmpdir(), `atelier-crash-recovery-${process.pid}.log`);
let users: SignedInActor[];
let gptId: string;
let memoryDb: Database;

beforeAll(async () => {
  ensureAppBuilt();
  // Each slowStream word 150 ms apart: 60 words take 9 s, plenty to crash in the middle.
  fake = await startFakeOpenAI({ slowMs: 150 });
  dataDir = mkdtempSync(path.join(os.tmpdir(), "atelier-crash-"));
  memoryDb = database();
  let seeded: Database | null = null;
  if (isPostgres) {
    appEnv = { DATABASE_URL: postgresUrlOf(database()), DATA_DIR: dataDir };
  } else {
    // The app process will own this data directory: seed it first, then let go of it.
    seeded = openDatabase({ kind: "embedded", dataDir });
    await applyMigrations(seeded.sql);
    setDatabaseForTests(seeded);
    forgetInstanceSecrets();
    appEnv = { DATA_DIR: dataDir, DATABASE_URL: "" };
  }
  await createFakeModel(fake.url);
  const owner = await createActor();
  gptId = (await createPublishedGpt(owner)).id;
  users = [await createSignedInActor(), await createSignedInActor(), await createSignedInActor()];
  if (seeded) {
    await seeded.close();
    setDatabaseForTests(memoryDb);
  }
}, 600_000);

afterAll(async () => {
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts an answer and reads until `words` words of it arrived; the stream stays open. */
async function startAnswer(app: AppProcess, user: SignedInActor, words: number) {
  const response = await fetch(`${app.url}/api/chat`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: app.url,
      cookie: await sessionCookie(user, TEST_AUTH_SECRET),
    },
    body: JSON.stringify({ gptId, message: { text: "[[scenario:slowStream]] a long story" } }),
  });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let seen = "";
  while (seen.split('"text-delta"').length <= words) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended early: ${seen}`);
    seen += decoder.decode(value);
  }
  return { reader, conversationId: response.headers.get("x-conversation-id")! };
}

describe(`[CHAT ENGINE]: kill -9 mid-stream (${isPostgres ? "PostgreSQL" : "embedded"})`, () => {
  it("after a restart every started answer is INTERRUPTED with its partial text and one usage event", async () => {
    let app = await startAppProcess({ env: appEnv, logFile });
    const started = await Promise.all(users.map((user) => startAnswer(app, user, 4)));
    // Past the first checkpoint (~1 s of text), so each row holds some of its words.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(fake.requests.filter((r) => r.path.endsWith("/chat/completions"))).toHaveLength(3);
    await app.crash();
    for (const { reader } of started) await reader.cancel().catch(() => {});

    // The restart recovers what the dead process left streaming, before it serves.
    app = await startAppProcess({ env: appEnv, logFile });
    let db: Database | null = null;
    if (!isPostgres) {
      await app.stop();
      db = openDatabase({ kind: "embedded", dataDir });
      setDatabaseForTests(db);
    }
    try {
      const conversationIds = started.map((answer) => answer.conversationId);
      const answers = await prisma.message.findMany({
        where: { conversationId: { in: conversationIds }, role: "ASSISTANT" },
      });
      expect(answers).toHaveLength(3);
      for (const answer of answers) {
        expect(answer.status).toBe("INTERRUPTED");
        expect(answer.errorMessage).toBe(RECOVERED_MESSAGE);
        expect(answer.instanceId).toBeNull();
        expect(textOf(answer.parts)).toMatch(/^The quick brown fox/);
      }
      const usage = await prisma.usageEvent.findMany({
        where: { messageId: { in: answers.map((answer) => answer.id) } },
      });
      // Answers started = assistant messages saved = usage events.
      expect(usage).toHaveLength(3);
      expect(usage.every((event) => event.isEstimated && event.outputTokens > 0)).toBe(true);
    } finally {
      if (db) {
        await db.close();
        setDatabaseForTests(memoryDb);
      } else {
        await app.stop();
      }
    }
  }, 240_000);
});
