import { rm } from "node:fs/promises";
import { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { database, prisma } from "@/lib/db";
import { storageDir } from "@/lib/env";
import { createGpt } from "@/lib/gpts/create-gpt";
import { bossConnectionOf } from "@/lib/jobs/job-database";
import { enqueue, isJobRunnerStarted, startJobs, stopJobs } from "@/lib/jobs/runner";
import { storeChunks } from "@/lib/knowledge/index/store-chunks";
import { createActor, createKnowledgeFileRow, uploadTextKnowledge } from "../../support/factories";

vi.mock("@/lib/env", async (importOriginal) => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const original = await importOriginal<typeof import("@/lib/env")>();
  return { ...original, storageDir: mkdtempSync(path.join(tmpdir(), "atelier-jobs-")) };
});

let owner: Actor;
let gptId: string;

beforeAll(async () => {
  expect(storageDir).toContain("atelier-jobs-");
  owner = await createActor({ name: "Queue Owner" });
  gptId = (await createGpt({ actor: owner, input: { name: "Queue GPT" } })).id;
});

afterAll(async () => {
  await stopJobs();
  if (storageDir.includes("atelier-jobs-")) await rm(storageDir, { recursive: true, force: true });
});

async function waitForStatus(fileId: string, status: string, timeoutMs = 25_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const file = await prisma.knowledgeFile.findUniqueOrThrow({ where: { id: fileId } });
    if (file.status === status) return file;
    if (Date.now() > deadline) throw new Error(`file ${fileId} is ${file.status}, not ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const text = Array.from(
  { length: 12 },
  (_, i) => `## Part ${i}\n\n${"Lighthouses guide ships. ".repeat(60)}`,
).join("\n\n");

describe("[JOBS]: pg-boss runs knowledge ingestion in-process on the app's database", () => {
  it("sends a job enqueued before start-up, processes uploads, and survives a restart mid-file", async () => {
    // Enqueued before the runner exists: held, then sent at start-up.
    const early = await uploadTextKnowledge(owner, gptId, { name: "early.md", text });
    expect(isJobRunnerStarted()).toBe(false);

    await startJobs({ pollingIntervalSeconds: 0.5 });
    await startJobs(); // idempotent
    expect(isJobRunnerStarted()).toBe(true);
    await waitForStatus(early.id, "READY");

    const uploaded = await uploadTextKnowledge(owner, gptId, { name: "later.md", text });
    const ready = await waitForStatus(uploaded.id, "READY");
    expect(ready.chunkCount).toBe(
      await prisma.knowledgeChunk.count({ where: { fileId: ready.id } }),
    );
    // A stray job for a finished file changes nothing.
    await enqueue("knowledge-ingest", { fileId: ready.id });

    // A "crash": the runner stops while a file is PROCESSING with half its chunks written.
    await stopJobs();
    const interrupted = await createKnowledgeFileRow(owner, gptId, {
      text,
      status: "PROCESSING",
      attempts: 1,
    });
    await storeChunks({
      fileId: interrupted.id,
      gptId,
      chunks: [{ ordinal: 0, text: "half written", tokenCount: 2, page: null, heading: null }],
    });
    await startJobs({ pollingIntervalSeconds: 0.5 });
    const recovered = await waitForStatus(interrupted.id, "READY");
    const chunks = await prisma.knowledgeChunk.findMany({ where: { fileId: interrupted.id } });
    expect(recovered.attempts).toBe(2);
    expect(chunks).toHaveLength(recovered.chunkCount);
    expect(chunks.some((chunk) => chunk.text === "half written")).toBe(false);
  });

  it("a job left active by a dead process: embedded re-runs it at start-up, shared PostgreSQL leaves it to expiry", async () => {
    await stopJobs();
    const file = await createKnowledgeFileRow(owner, gptId, {
      text,
      status: "PROCESSING",
      attempts: 1,
    });
    // The dead process's pg-boss: it fetched the job (now "active") and then vanished.
    const connection = bossConnectionOf(database());
    const dead = new PgBoss({ ...connection, supervise: false, schedule: false });
    await dead.start();
    await dead.send("knowledge-ingest", { fileId: file.id }, { singletonKey: file.id });
    const [job] = await dead.fetch("knowledge-ingest");
    expect(job?.data).toEqual({ fileId: file.id });
    await dead.stop({ graceful: false, close: false });

    await startJobs({ pollingIntervalSeconds: 0.5 });
    if (database().kind === "embedded") {
      const ready = await waitForStatus(file.id, "READY");
      expect(ready.attempts).toBe(2);
    } else {
      // Another instance may still be working on it: pg-boss redelivers it if that one died.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const row = await prisma.knowledgeFile.findUniqueOrThrow({ where: { id: file.id } });
      expect(row).toMatchObject({ status: "PROCESSING", attempts: 1 });
    }
  });
});
