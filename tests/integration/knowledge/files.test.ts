import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as retryRoute } from "@/app/api/gpts/[id]/knowledge/[fileId]/retry/route";
import { DELETE as deleteRoute } from "@/app/api/gpts/[id]/knowledge/[fileId]/route";
import { GET as listRoute, POST as uploadRoute } from "@/app/api/gpts/[id]/knowledge/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { storageDir } from "@/lib/env";
import { createGpt } from "@/lib/gpts/create-gpt";
import { deleteGpt } from "@/lib/gpts/delete-gpt";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import { runUnsentJobs, takeUnsentJobs } from "@/lib/jobs/runner";
import { listKnowledgeFiles } from "@/lib/knowledge/files/queries";
import { uploadKnowledgeFile } from "@/lib/knowledge/files/upload-knowledge-file";
import { ACCEPTED_KNOWLEDGE_TYPES_LABEL } from "@/lib/knowledge/parse/index";
import { objectExists } from "@/lib/storage/storage";
import { expectAppError } from "../../support/app-error";
import {
  createActor,
  createKnowledgeFileRow,
  ensureBuilderProfile,
  setKnowledgeSettings,
  uploadTextKnowledge,
} from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));
vi.mock("@/lib/env", async (importOriginal) => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const original = await importOriginal<typeof import("@/lib/env")>();
  return { ...original, storageDir: mkdtempSync(path.join(tmpdir(), "atelier-knowledge-")) };
});

const MB = 1024 * 1024;
const DEFAULTS = {
  knowledgeMaxFilesPerGpt: 20,
  knowledgeMaxFileMb: 50,
  knowledgeMaxTokensPerFile: 2_000_000,
  knowledgeMaxMbPerCreator: 1024,
};

let owner: Actor;
let other: Actor;

beforeAll(async () => {
  expect(storageDir).toContain("atelier-knowledge-");
  owner = await createActor({ name: "Files Owner" });
  other = await createActor({ name: "Someone Else" });
});

beforeEach(async () => {
  takeUnsentJobs();
  await setKnowledgeSettings(DEFAULTS);
});

afterAll(async () => {
  if (storageDir.includes("atelier-knowledge-"))
    await rm(storageDir, { recursive: true, force: true });
});

async function newGpt(actor = owner) {
  return createGpt({ actor, input: { name: "Knowledge GPT" } });
}

/** Blobs stored for an owner (the storage folder is this file's own throwaway one). */
async function blobsOf(actor: Actor): Promise<string[]> {
  return readdir(path.join(storageDir, "knowledge", actor.id)).catch(() => []);
}

function textBytes(size: number): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`${"a".repeat(size - 1)}\n`);
}

function uploadRequest(gptId: string, file: File | null, headers: Record<string, string> = {}) {
  const form = new FormData();
  if (file) form.append("file", file);
  return appRequest(`/api/gpts/${gptId}/knowledge`, { method: "POST", form, headers });
}

describe("[KNOWLEDGE]: uploads respect the instance limits and store nothing when refused", () => {
  it("a GPT takes at most N files: the next one is refused with the limit named", async () => {
    await setKnowledgeSettings({ knowledgeMaxFilesPerGpt: 2 });
    const gpt = await newGpt();
    await uploadTextKnowledge(owner, gpt.id, { text: "one" });
    await uploadTextKnowledge(owner, gpt.id, { text: "two" });
    const blobsBefore = await blobsOf(owner);
    const error = await expectAppError(
      uploadTextKnowledge(owner, gpt.id, { text: "three" }),
      "limit_exceeded",
    );
    expect(error.message).toBe(
      "A GPT can have at most 2 knowledge files. Remove one to add another.",
    );
    expect(await prisma.knowledgeFile.count({ where: { gptId: gpt.id } })).toBe(2);
    expect(await blobsOf(owner)).toEqual(blobsBefore);
  });

  it("two uploads at once cannot both take the last place, and the refused one leaves no blob", async () => {
    await setKnowledgeSettings({ knowledgeMaxFilesPerGpt: 1 });
    const gpt = await newGpt();
    const blobsBefore = (await blobsOf(owner)).length;
    const results = await Promise.allSettled([
      uploadTextKnowledge(owner, gpt.id, { text: "first" }),
      uploadTextKnowledge(owner, gpt.id, { text: "second" }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await prisma.knowledgeFile.count({ where: { gptId: gpt.id } })).toBe(1);
    expect(await blobsOf(owner)).toHaveLength(blobsBefore + 1);
  });

  it("a file over the per-file size is refused (413 from the route, before parsing)", async () => {
    await setKnowledgeSettings({ knowledgeMaxFileMb: 1 });
    const gpt = await newGpt();
    const blobsBefore = await blobsOf(owner);
    const tooBig = textBytes(MB + 1);
    const error = await expectAppError(
      uploadKnowledgeFile({
        actor: owner,
        gptId: gpt.id,
        file: { name: "big.txt", bytes: tooBig },
      }),
      "bad_request",
    );
    expect(error.message).toMatch(/at most 1 MB/);

    setSessionActor(owner);
    const response = await uploadRoute(
      uploadRequest(gpt.id, new File([tooBig], "big.txt", { type: "text/plain" })),
      segment({ id: gpt.id }),
    );
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toMatch(/at most 1 MB/);
    const declared = await uploadRoute(
      uploadRequest(gpt.id, new File(["small"], "small.txt"), { "content-length": String(5 * MB) }),
      segment({ id: gpt.id }),
    );
    expect(declared.status).toBe(413);
    expect(await prisma.knowledgeFile.count({ where: { gptId: gpt.id } })).toBe(0);
    expect(await blobsOf(owner)).toEqual(blobsBefore);
  });

  it("a creator's files share one total across GPTs", async () => {
    const creator = await createActor({ name: "Busy Creator" });
    await setKnowledgeSettings({ knowledgeMaxMbPerCreator: 1 });
    const first = await newGpt(creator);
    const second = await newGpt(creator);
    await uploadKnowledgeFile({
      actor: creator,
      gptId: first.id,
      file: { name: "a.txt", bytes: textBytes(600 * 1024) },
    });
    const error = await expectAppError(
      uploadKnowledgeFile({
        actor: creator,
        gptId: second.id,
        file: { name: "b.txt", bytes: textBytes(600 * 1024) },
      }),
      "limit_exceeded",
    );
    expect(error.message).toMatch(/at most 1 MB in total across your GPTs/);
    expect(await prisma.knowledgeFile.count({ where: { ownerId: creator.id } })).toBe(1);
    expect(await blobsOf(creator)).toHaveLength(1);
  });

  it("the type is decided by content: a PNG named .pdf is refused, naming the accepted types", async () => {
    const gpt = await newGpt();
    const png = await sharp({
      create: { width: 8, height: 8, channels: 3, background: "#00ff00" },
    })
      .png()
      .toBuffer();
    setSessionActor(owner);
    const response = await uploadRoute(
      uploadRequest(
        gpt.id,
        new File([new Uint8Array(png)], "report.pdf", { type: "application/pdf" }),
      ),
      segment({ id: gpt.id }),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.message).toContain(ACCEPTED_KNOWLEDGE_TYPES_LABEL);
    expect(await prisma.knowledgeFile.count({ where: { gptId: gpt.id } })).toBe(0);
  });

  it("upload route: 201 { file } queued, stored under the owner's folder with its hash", async () => {
    const gpt = await newGpt();
    setSessionActor(owner);
    const response = await uploadRoute(
      uploadRequest(gpt.id, new File(["# Title\n\nHello knowledge."], "hello.md")),
      segment({ id: gpt.id }),
    );
    expect(response.status).toBe(201);
    const { file } = await response.json();
    expect(file).toMatchObject({
      name: "hello.md",
      kind: "markdown",
      status: "QUEUED",
      isLive: false,
      inDraft: true,
    });
    const row = await prisma.knowledgeFile.findUniqueOrThrow({ where: { id: file.id } });
    expect(row.blobKey).toMatch(new RegExp(`^knowledge/${owner.id}/[A-Za-z0-9_-]+\\.md$`));
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await objectExists(row.blobKey)).toBe(true);
    expect(takeUnsentJobs()).toEqual([{ name: "knowledge-ingest", data: { fileId: file.id } }]);
  });
});

describe("[KNOWLEDGE]: only the owner sees and manages a GPT's knowledge files", () => {
  it("another user gets 404 for list, upload, delete and retry; signed out gets 401", async () => {
    const gpt = await newGpt();
    const file = await createKnowledgeFileRow(owner, gpt.id, { status: "FAILED" });
    const calls = () => [
      listRoute(appRequest("/api/x"), segment({ id: gpt.id })),
      uploadRoute(uploadRequest(gpt.id, new File(["hi"], "hi.txt")), segment({ id: gpt.id })),
      deleteRoute(
        appRequest("/api/x", { method: "DELETE" }),
        segment({ id: gpt.id, fileId: file.id }),
      ),
      retryRoute(
        appRequest("/api/x", { method: "POST" }),
        segment({ id: gpt.id, fileId: file.id }),
      ),
    ];
    setSessionActor(other);
    for (const response of await Promise.all(calls())) expect(response.status).toBe(404);
    setSessionActor(null);
    for (const response of await Promise.all(calls())) expect(response.status).toBe(401);
    const row = await prisma.knowledgeFile.findUniqueOrThrow({ where: { id: file.id } });
    expect(row.status).toBe("FAILED");
    expect(await prisma.knowledgeFile.count({ where: { gptId: gpt.id } })).toBe(1);
  });

  it("a deleted GPT's files are not found, even for its owner", async () => {
    const gpt = await newGpt();
    await deleteGpt({ actor: owner, gptId: gpt.id });
    await expectAppError(listKnowledgeFiles({ actor: owner, gptId: gpt.id }), "not_found");
    await expectAppError(uploadTextKnowledge(owner, gpt.id, { text: "x" }), "not_found");
  });

  it("list: the draft's files, limits and usage; retry only for FAILED files", async () => {
    await setKnowledgeSettings({ knowledgeMaxFilesPerGpt: 7 });
    const gpt = await newGpt();
    const ready = await createKnowledgeFileRow(owner, gpt.id, { status: "READY" });
    setSessionActor(owner);
    const response = await listRoute(appRequest("/api/x"), segment({ id: gpt.id }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.files.map((file: { id: string }) => file.id)).toEqual([ready.id]);
    expect(body.limits).toEqual({
      maxFilesPerGpt: 7,
      maxFileBytes: 50 * MB,
      maxTokensPerFile: 2_000_000,
      maxBytesPerCreator: 1024 * MB,
    });
    expect(body.usage.files).toBe(1);
    expect(body.usage.creatorBytes).toBe(
      (
        await prisma.knowledgeFile.aggregate({
          where: { ownerId: owner.id },
          _sum: { sizeBytes: true },
        })
      )._sum.sizeBytes,
    );
    const conflict = await retryRoute(
      appRequest("/api/x", { method: "POST" }),
      segment({ id: gpt.id, fileId: ready.id }),
    );
    expect(conflict.status).toBe(409);
  });
});

describe("[KNOWLEDGE]: removing a file from the draft never breaks the published version", () => {
  it("a file the published version uses stays (inDraft false, live); an unused one is deleted with its blob and chunks", async () => {
    const gpt = await newGpt();
    await ensureBuilderProfile(owner);
    const live = await uploadTextKnowledge(owner, gpt.id, {
      name: "live.md",
      text: "# Live\n\nPublished facts.",
    });
    await runUnsentJobs();
    // The version snapshots the draft's READY files: only the first one.
    const published = await publishGpt({
      actor: owner,
      gptId: gpt.id,
      input: { visibility: "PRIVATE" },
    });
    const draftOnly = await uploadTextKnowledge(owner, gpt.id, {
      name: "draft.md",
      text: "# Draft\n\nNew facts.",
    });
    await runUnsentJobs();
    expect(
      await prisma.gptVersionKnowledgeFile.findMany({ where: { versionId: published.versionId } }),
    ).toEqual([{ versionId: published.versionId, fileId: live.id }]);

    setSessionActor(owner);
    const keep = await deleteRoute(
      appRequest("/api/x", { method: "DELETE" }),
      segment({ id: gpt.id, fileId: live.id }),
    );
    expect(keep.status).toBe(200);
    expect(await keep.json()).toEqual({ ok: true });
    const kept = await prisma.knowledgeFile.findUniqueOrThrow({ where: { id: live.id } });
    expect(kept.inDraft).toBe(false);
    expect(await objectExists(kept.blobKey)).toBe(true);
    expect(await prisma.knowledgeChunk.count({ where: { fileId: live.id } })).toBeGreaterThan(0);

    const draftRow = await prisma.knowledgeFile.findUniqueOrThrow({ where: { id: draftOnly.id } });
    expect(await prisma.knowledgeChunk.count({ where: { fileId: draftOnly.id } })).toBeGreaterThan(
      0,
    );
    expect(
      (
        await deleteRoute(
          appRequest("/api/x", { method: "DELETE" }),
          segment({ id: gpt.id, fileId: draftOnly.id }),
        )
      ).status,
    ).toBe(200);
    expect(await prisma.knowledgeFile.findUnique({ where: { id: draftOnly.id } })).toBeNull();
    expect(await prisma.knowledgeChunk.count({ where: { fileId: draftOnly.id } })).toBe(0);
    expect(await objectExists(draftRow.blobKey)).toBe(false);

    const list = await listKnowledgeFiles({ actor: owner, gptId: gpt.id });
    expect(list.files).toEqual([
      expect.objectContaining({ id: live.id, inDraft: false, isLive: true, status: "READY" }),
    ]);
    expect(list.usage.files).toBe(0);
  });
});
