import { rm } from "node:fs/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { storageDir } from "@/lib/env";
import { createGpt } from "@/lib/gpts/create-gpt";
import { recoverJobs, runJobNow, runUnsentJobs, takeUnsentJobs } from "@/lib/jobs/runner";
import { retryKnowledgeFile } from "@/lib/knowledge/files/retry-knowledge-file";
import { storeChunks } from "@/lib/knowledge/index/store-chunks";
import { ingestKnowledgeFile } from "@/lib/knowledge/ingest/ingest-knowledge-file";
import {
  INGEST_FAILED_MESSAGE,
  INGEST_INTERRUPTED_MESSAGE,
  MAX_INGEST_ATTEMPTS,
} from "@/lib/knowledge/ingest/ingest-rules";
import {
  createActor,
  createKnowledgeFileRow,
  setKnowledgeSettings,
  uploadTextKnowledge,
} from "../../support/factories";

vi.mock("@/lib/env", async (importOriginal) => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const original = await importOriginal<typeof import("@/lib/env")>();
  return { ...original, storageDir: mkdtempSync(path.join(tmpdir(), "atelier-ingest-")) };
});

// Embedding is a no-op without an embedding model; the switch lets a test make it fail like an
// unreachable endpoint would (an error that is ours, not the file's).
const embedding = vi.hoisted(() => ({ shouldFail: false }));
vi.mock("@/lib/knowledge/embeddings", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/knowledge/embeddings")>();
  return {
    ...original,
    embedFileChunks: async (fileId: string) => {
      if (embedding.shouldFail) throw new Error("embedding endpoint unreachable");
      return original.embedFileChunks(fileId);
    },
  };
});

let owner: Actor;
let gptId: string;

const longMarkdown = Array.from(
  { length: 40 },
  (_, section) =>
    `## Section ${section}\n\n${`Tidal pools hold anemones, crabs and sea stars in section ${section}. `.repeat(40)}`,
).join("\n\n");

beforeAll(async () => {
  expect(storageDir).toContain("atelier-ingest-");
  owner = await createActor({ name: "Knowledge Owner" });
  gptId = (await createGpt({ actor: owner, input: { name: "Tide guide" } })).id;
});

beforeEach(async () => {
  embedding.shouldFail = false;
  takeUnsentJobs();
  await setKnowledgeSettings({ knowledgeMaxTokensPerFile: 2_000_000 });
});

afterAll(async () => {
  vi.restoreAllMocks();
  if (storageDir.includes("atelier-ingest-"))
    await rm(storageDir, { recursive: true, force: true });
});

async function chunksOf(fileId: string) {
  return prisma.knowledgeChunk.findMany({ where: { fileId }, orderBy: { ordinal: "asc" } });
}

describe("[KNOWLEDGE]: ingestion turns an uploaded file into searchable chunks", () => {
  it("an upload is queued, and its job makes it READY with chunks, counts and full progress", async () => {
    const uploaded = await uploadTextKnowledge(owner, gptId, {
      name: "tides.md",
      text: longMarkdown,
    });
    expect(uploaded).toMatchObject({ status: "QUEUED", kind: "markdown", progress: 0 });
    const held = takeUnsentJobs();
    expect(held).toEqual([{ name: "knowledge-ingest", data: { fileId: uploaded.id } }]);

    await runJobNow("knowledge-ingest", { fileId: uploaded.id });

    const file = await prisma.knowledgeFile.findUniqueOrThrow({ where: { id: uploaded.id } });
    const chunks = await chunksOf(file.id);
    expect(file).toMatchObject({ status: "READY", progress: 100, error: null, attempts: 1 });
    expect(file.processedAt).toBeInstanceOf(Date);
    expect(chunks.length).toBeGreaterThan(1);
    expect(file.chunkCount).toBe(chunks.length);
    expect(file.tokenCount).toBeGreaterThan(0);
    expect(chunks.map((chunk) => chunk.ordinal)).toEqual(chunks.map((_, index) => index));
    expect(chunks.every((chunk) => chunk.gptId === gptId)).toBe(true);
  });

  it("runs a file once even when two runs race for it", async () => {
    const file = await createKnowledgeFileRow(owner, gptId, { text: longMarkdown });
    const outcomes = await Promise.all([
      ingestKnowledgeFile(file.id),
      ingestKnowledgeFile(file.id),
    ]);
    expect(outcomes.sort()).toEqual(["ready", "skipped"]);
    const row = await prisma.knowledgeFile.findUniqueOrThrow({ where: { id: file.id } });
    expect(row.attempts).toBe(1);
    expect((await chunksOf(file.id)).length).toBe(row.chunkCount);
  });

  it("a file the parser rejects is FAILED with the reason, and retry queues it again", async () => {
    await setKnowledgeSettings({ knowledgeMaxTokensPerFile: 50 });
    const uploaded = await uploadTextKnowledge(owner, gptId, {
      name: "long.md",
      text: longMarkdown,
    });
    await runUnsentJobs();
    const failed = await prisma.knowledgeFile.findUniqueOrThrow({ where: { id: uploaded.id } });
    expect(failed.status).toBe("FAILED");
    expect(failed.error).toMatch(/limit is 50 per file/);
    expect(await chunksOf(uploaded.id)).toHaveLength(0);

    await setKnowledgeSettings({ knowledgeMaxTokensPerFile: 2_000_000 });
    const retried = await retryKnowledgeFile({ actor: owner, gptId, fileId: uploaded.id });
    expect(retried).toMatchObject({ status: "QUEUED", error: null });
    expect(await runUnsentJobs()).toBe(1);
    const ready = await prisma.knowledgeFile.findUniqueOrThrow({ where: { id: uploaded.id } });
    expect(ready).toMatchObject({ status: "READY", attempts: 1 });
  });

  it("an unexpected error puts the file back in the queue for a retry, and the last attempt fails it", async () => {
    const file = await createKnowledgeFileRow(owner, gptId, { text: longMarkdown });
    embedding.shouldFail = true;
    await expect(ingestKnowledgeFile(file.id)).rejects.toThrow("embedding endpoint unreachable");
    const queued = await prisma.knowledgeFile.findUniqueOrThrow({ where: { id: file.id } });
    expect(queued).toMatchObject({ status: "QUEUED", attempts: 1, error: null });
    expect(await chunksOf(file.id)).toHaveLength(0);

    const outcome = await ingestKnowledgeFile(file.id, {
      jobId: null,
      retryCount: 1,
      isLastAttempt: true,
    });
    expect(outcome).toBe("failed");
    const failed = await prisma.knowledgeFile.findUniqueOrThrow({ where: { id: file.id } });
    // The creator sees a plain message, never the internal error.
    expect(failed).toMatchObject({ status: "FAILED", error: INGEST_FAILED_MESSAGE, attempts: 2 });
  });
});

describe("[KNOWLEDGE]: a restart during ingestion never leaves a file stuck or duplicated", () => {
  it("a file left PROCESSING with partial chunks is re-queued at start-up and then stored once", async () => {
    const file = await createKnowledgeFileRow(owner, gptId, {
      text: longMarkdown,
      status: "PROCESSING",
      attempts: 1,
    });
    // What the dead process had already written.
    await storeChunks({
      fileId: file.id,
      gptId,
      chunks: [0, 1].map((ordinal) => ({
        ordinal,
        text: `partial ${ordinal}`,
        tokenCount: 2,
        page: null,
        heading: null,
      })),
    });

    await recoverJobs();
    const requeued = await prisma.knowledgeFile.findUniqueOrThrow({ where: { id: file.id } });
    expect(requeued).toMatchObject({ status: "QUEUED", progress: 0 });
    expect(await chunksOf(file.id)).toHaveLength(0);
    expect(await runUnsentJobs()).toBe(1);

    const ready = await prisma.knowledgeFile.findUniqueOrThrow({ where: { id: file.id } });
    const chunks = await chunksOf(file.id);
    expect(ready).toMatchObject({ status: "READY", attempts: 2 });
    expect(chunks).toHaveLength(ready.chunkCount);
    expect(chunks.some((chunk) => chunk.text.startsWith("partial"))).toBe(false);
    expect(new Set(chunks.map((chunk) => chunk.ordinal)).size).toBe(chunks.length);
  });

  it("a file interrupted on its last attempt is FAILED instead of looping", async () => {
    const file = await createKnowledgeFileRow(owner, gptId, {
      status: "PROCESSING",
      attempts: MAX_INGEST_ATTEMPTS,
    });
    await recoverJobs();
    const failed = await prisma.knowledgeFile.findUniqueOrThrow({ where: { id: file.id } });
    expect(failed).toMatchObject({ status: "FAILED", error: INGEST_INTERRUPTED_MESSAGE });
    expect(
      takeUnsentJobs().some((job) => "fileId" in job.data && job.data.fileId === file.id),
    ).toBe(false);
  });

  it("a QUEUED file whose job was lost is sent again; READY and FAILED files are left alone", async () => {
    const queued = await createKnowledgeFileRow(owner, gptId);
    const ready = await createKnowledgeFileRow(owner, gptId, { status: "READY", attempts: 1 });
    await recoverJobs();
    const sent = takeUnsentJobs().map((job) => (job.data as { fileId: string }).fileId);
    expect(sent).toContain(queued.id);
    expect(sent).not.toContain(ready.id);
    expect(await ingestKnowledgeFile(ready.id)).toBe("skipped");
  });
});
