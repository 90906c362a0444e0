import { readdir } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { storageDir } from "@/lib/env";
import { createGpt } from "@/lib/gpts/create-gpt";
import { diffKnowledgeFiles } from "@/lib/gpts/diff-configs";
import { duplicateGpt } from "@/lib/gpts/duplicate-gpt";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import { getGptForEditor, listMyGpts } from "@/lib/gpts/queries";
import { remixGpt } from "@/lib/gpts/remix-gpt";
import { restoreGptVersion } from "@/lib/gpts/restore-gpt-version";
import { getGptVersion } from "@/lib/gpts/version-queries";
import { removeKnowledgeFile } from "@/lib/knowledge/files/remove-knowledge-file";
import { searchKnowledge } from "@/lib/knowledge/retrieval/search-knowledge";
import { getObject, objectExists } from "@/lib/storage/storage";
import { expectAppError } from "../../support/app-error";
import { createActor, ensureBuilderProfile } from "../../support/factories";
import { setSessionActor } from "../../support/session-stub";
import {
  addKnowledgeFile,
  chunksWithSearchVector,
  draftFileNames,
  versionFileNames,
} from "./versions-helpers";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

beforeEach(() => setSessionActor(null));

async function hasEmbeddingColumn(): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ present: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM information_schema.columns
      WHERE table_name = 'KnowledgeChunk' AND column_name = 'embedding') AS present`;
  return rows[0]?.present === true;
}

async function creator(): Promise<Actor> {
  const actor = await createActor();
  await ensureBuilderProfile(actor);
  return actor;
}

async function gptWithFiles(owner: Actor, names: string[]) {
  const gpt = await createGpt({ actor: owner, input: { name: "Harbour Guide" } });
  const files = [];
  for (const name of names) files.push(await addKnowledgeFile(owner, gpt.id, { name }));
  return { gpt, files };
}

async function editorFlag(owner: Actor, gptId: string) {
  const editor = await getGptForEditor({ actor: owner, gptId });
  return {
    hasUnpublishedChanges: editor?.hasUnpublishedChanges,
    hasUnpublishedKnowledgeChanges: editor?.hasUnpublishedKnowledgeChanges,
  };
}

describe("[KNOWLEDGE VERSIONS]: publishing snapshots the draft's files", () => {
  it("publishes the READY files, reports files still processing, and a draft removal leaves the published set alone", async () => {
    const owner = await creator();
    const { gpt, files } = await gptWithFiles(owner, ["a.txt", "b.txt"]);
    await addKnowledgeFile(owner, gpt.id, { name: "queued.txt", status: "QUEUED" });
    await addKnowledgeFile(owner, gpt.id, { name: "processing.txt", status: "PROCESSING" });
    await addKnowledgeFile(owner, gpt.id, { name: "broken.txt", status: "FAILED" });

    const v1 = await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PUBLIC" } });
    expect(v1).toMatchObject({
      knowledgeFileCount: 2,
      knowledgeFilesProcessing: 2,
      knowledgeFilesFailed: 1,
    });
    expect(await versionFileNames(v1.versionId)).toEqual(["a.txt", "b.txt"]);

    await removeKnowledgeFile({ actor: owner, gptId: gpt.id, fileId: files[0].id });
    const removed = await prisma.knowledgeFile.findUniqueOrThrow({ where: { id: files[0].id } });
    expect(removed.inDraft).toBe(false);
    expect(await versionFileNames(v1.versionId)).toEqual(["a.txt", "b.txt"]);
    // The published version still answers from the removed file; the draft no longer does.
    const published = await searchKnowledge({
      scope: { gptId: gpt.id, versionId: v1.versionId },
      query: "a.txt lighthouse keeper",
      topK: 5,
      minScore: 0,
    });
    expect(published.results.map((hit) => hit.fileName)).toContain("a.txt");
    const draft = await searchKnowledge({
      scope: { gptId: gpt.id, versionId: null },
      query: "a.txt lighthouse keeper",
      topK: 5,
      minScore: 0,
    });
    expect(draft.results.map((hit) => hit.fileName)).not.toContain("a.txt");

    const v2 = await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PUBLIC" } });
    expect(await versionFileNames(v2.versionId)).toEqual(["b.txt"]);
    // Versions are immutable history: v1 keeps its files, and the removed one stays for it.
    expect(await versionFileNames(v1.versionId)).toEqual(["a.txt", "b.txt"]);
  });

  it("flags unpublished changes when the draft's file set differs from the published one", async () => {
    const owner = await creator();
    const { gpt, files } = await gptWithFiles(owner, ["a.txt"]);
    await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PRIVATE" } });
    expect(await editorFlag(owner, gpt.id)).toEqual({
      hasUnpublishedChanges: false,
      hasUnpublishedKnowledgeChanges: false,
    });

    // A file still processing is not a change yet: publishing would not include it.
    const pending = await addKnowledgeFile(owner, gpt.id, { name: "b.txt", status: "QUEUED" });
    expect((await editorFlag(owner, gpt.id)).hasUnpublishedChanges).toBe(false);
    await prisma.knowledgeFile.update({ where: { id: pending.id }, data: { status: "READY" } });
    expect(await editorFlag(owner, gpt.id)).toEqual({
      hasUnpublishedChanges: true,
      hasUnpublishedKnowledgeChanges: true,
    });
    const [mine] = await listMyGpts({ actor: owner });
    expect(mine.hasUnpublishedChanges).toBe(true);

    await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PRIVATE" } });
    expect((await editorFlag(owner, gpt.id)).hasUnpublishedChanges).toBe(false);

    await removeKnowledgeFile({ actor: owner, gptId: gpt.id, fileId: files[0].id });
    expect((await editorFlag(owner, gpt.id)).hasUnpublishedChanges).toBe(true);
    expect((await listMyGpts({ actor: owner }))[0].hasUnpublishedChanges).toBe(true);
  });

  it("shows added and removed files in the version diff", async () => {
    const owner = await creator();
    const { gpt, files } = await gptWithFiles(owner, ["b.docx"]);
    await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PRIVATE" } });
    await removeKnowledgeFile({ actor: owner, gptId: gpt.id, fileId: files[0].id });
    await addKnowledgeFile(owner, gpt.id, { name: "a.pdf" });

    const { version, diff } = await getGptVersion({ actor: owner, gptId: gpt.id, number: 1 });
    expect(version.knowledgeFiles.map((file) => file.name)).toEqual(["b.docx"]);
    expect(diff.knowledgeFiles.added.map((file) => file.name)).toEqual(["a.pdf"]);
    expect(diff.knowledgeFiles.removed.map((file) => file.name)).toEqual(["b.docx"]);
    expect(diff.knowledgeFiles.summary).toBe("Knowledge files: + a.pdf, \u2212 b.docx");
  });
});

describe("[KNOWLEDGE VERSIONS]: restoring a version restores its files", () => {
  it("brings the version's files back into the draft and drops the others (kept while a version uses them)", async () => {
    const owner = await creator();
    const { gpt, files } = await gptWithFiles(owner, ["a.txt", "b.txt"]);
    await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PRIVATE" } });
    await removeKnowledgeFile({ actor: owner, gptId: gpt.id, fileId: files[0].id });
    const c = await addKnowledgeFile(owner, gpt.id, { name: "c.txt" });
    const v2 = await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PRIVATE" } });
    expect(await versionFileNames(v2.versionId)).toEqual(["b.txt", "c.txt"]);
    // A draft-only file, used by no version: restoring v1 deletes it with its blob.
    const d = await addKnowledgeFile(owner, gpt.id, { name: "d.txt" });
    const { revision } = await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } });

    const restored = await restoreGptVersion({
      actor: owner,
      gptId: gpt.id,
      number: 1,
      input: { revision },
    });
    expect(await draftFileNames(gpt.id)).toEqual(["a.txt", "b.txt"]);
    // c.txt is v2's (the published version): kept out of the draft, not deleted.
    expect(await prisma.knowledgeFile.findUnique({ where: { id: c.id } })).toMatchObject({
      inDraft: false,
    });
    expect(await prisma.knowledgeFile.findUnique({ where: { id: d.id } })).toBeNull();
    expect(await objectExists(d.blobKey)).toBe(false);
    // The draft (v1's files) differs from the published v2's files.
    expect(restored.matchesPublished).toBe(false);
    expect((await editorFlag(owner, gpt.id)).hasUnpublishedKnowledgeChanges).toBe(true);

    const again = await restoreGptVersion({
      actor: owner,
      gptId: gpt.id,
      number: 2,
      input: { revision: restored.revision },
    });
    expect(again.matchesPublished).toBe(true);
    expect(await draftFileNames(gpt.id)).toEqual(["b.txt", "c.txt"]);
    expect((await editorFlag(owner, gpt.id)).hasUnpublishedChanges).toBe(false);
  });
});

describe("[KNOWLEDGE VERSIONS]: remix and duplicate", () => {
  async function publishedWithKnowledge(owner: Actor, allowKnowledgeRemix: boolean) {
    const { gpt, files } = await gptWithFiles(owner, ["published.txt"]);
    await prisma.gpt.update({
      where: { id: gpt.id },
      data: { allowRemix: true, allowKnowledgeRemix },
    });
    await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PUBLIC" } });
    // Draft-only file: never part of a remix, which copies the published version.
    await addKnowledgeFile(owner, gpt.id, { name: "draft-only.txt" });
    return { gpt, files };
  }

  it("copies the published version's files, searchable, to the remixer when the owner allows it", async () => {
    const owner = await creator();
    const remixer = await creator();
    const { gpt, files } = await publishedWithKnowledge(owner, true);

    const hasVectors = await hasEmbeddingColumn();
    if (hasVectors) {
      await prisma.$executeRaw`
        UPDATE "KnowledgeChunk" SET embedding = '[0.25,0.5,0.75]'::vector, "embeddingModelId" = 'm1'
        WHERE "fileId" = ${files[0].id}`;
    }

    const remix = await remixGpt({ actor: remixer, gptId: gpt.id });
    const copies = await prisma.knowledgeFile.findMany({ where: { gptId: remix.id } });
    expect(copies).toHaveLength(1);
    if (hasVectors) {
      const vectors = await prisma.$queryRaw<{ embedding: string; model: string }[]>`
        SELECT embedding::text AS embedding, "embeddingModelId" AS model FROM "KnowledgeChunk"
        WHERE "gptId" = ${remix.id}`;
      expect(vectors).toEqual([{ embedding: "[0.25,0.5,0.75]", model: "m1" }]);
    }
    expect(copies[0]).toMatchObject({
      name: "published.txt",
      ownerId: remixer.id,
      inDraft: true,
      status: "READY",
      sha256: files[0].sha256,
    });
    expect(copies[0].id).not.toBe(files[0].id);
    expect(copies[0].blobKey).not.toBe(files[0].blobKey);
    expect(copies[0].blobKey.startsWith(`knowledge/${remixer.id}/`)).toBe(true);
    expect(await getObject(copies[0].blobKey)).toEqual(await getObject(files[0].blobKey));
    expect(await chunksWithSearchVector(remix.id)).toBe(1);
    const found = await searchKnowledge({
      scope: { gptId: remix.id, versionId: null },
      query: "lighthouse keeper",
      topK: 5,
      minScore: 0,
    });
    expect(found.results.map((hit) => hit.fileId)).toEqual([copies[0].id]);
    // The original's files are untouched.
    expect(await prisma.knowledgeFile.count({ where: { gptId: gpt.id } })).toBe(2);
  });

  it("copies no knowledge when the owner does not allow knowledge remixing", async () => {
    const owner = await creator();
    const remixer = await creator();
    const { gpt } = await publishedWithKnowledge(owner, false);
    const remix = await remixGpt({ actor: remixer, gptId: gpt.id });
    expect(await prisma.knowledgeFile.count({ where: { gptId: remix.id } })).toBe(0);
    expect(await prisma.knowledgeChunk.count({ where: { gptId: remix.id } })).toBe(0);
    expect(await prisma.knowledgeFile.count({ where: { ownerId: remixer.id } })).toBe(0);
  });

  it("copies nothing (no GPT, no rows, no blobs) when the copy would pass the owner's storage limit", async () => {
    const owner = await creator();
    const { gpt } = await gptWithFiles(owner, ["a.txt"]);
    const before = await readdir(path.join(storageDir, "knowledge", owner.id));
    await prisma.instanceSettings.upsert({
      where: { id: 1 },
      create: { id: 1, knowledgeMaxMbPerCreator: 0 },
      update: { knowledgeMaxMbPerCreator: 0 },
    });
    try {
      await expectAppError(duplicateGpt({ actor: owner, gptId: gpt.id }), "limit_exceeded");
    } finally {
      await prisma.instanceSettings.update({
        where: { id: 1 },
        data: { knowledgeMaxMbPerCreator: 1024 },
      });
    }
    expect(await prisma.gpt.count({ where: { ownerId: owner.id } })).toBe(1);
    expect(await prisma.knowledgeFile.count({ where: { ownerId: owner.id } })).toBe(1);
    expect(await readdir(path.join(storageDir, "knowledge", owner.id))).toEqual(before);
  });

  it("duplicates the draft's files (READY with chunks, unfinished ones queued again)", async () => {
    const owner = await creator();
    const { gpt } = await gptWithFiles(owner, ["a.txt"]);
    await addKnowledgeFile(owner, gpt.id, { name: "pending.txt", status: "PROCESSING" });
    await addKnowledgeFile(owner, gpt.id, { name: "gone.txt", inDraft: false });

    const copy = await duplicateGpt({ actor: owner, gptId: gpt.id });
    const copies = await prisma.knowledgeFile.findMany({
      where: { gptId: copy.id },
      orderBy: { name: "asc" },
    });
    expect(copies.map((file) => [file.name, file.status, file.inDraft])).toEqual([
      ["a.txt", "READY", true],
      ["pending.txt", "QUEUED", true],
    ]);
    expect(await chunksWithSearchVector(copy.id)).toBe(1);
  });
});

describe("[VERSIONS]: knowledge files in the version diff", () => {
  it("lists files added to and removed from the draft, by name, and summarises them", () => {
    const diff = diffKnowledgeFiles(
      [
        { id: "1", name: "b.docx" },
        { id: "2", name: "same.md" },
      ],
      [
        { id: "2", name: "same.md" },
        { id: "3", name: "a.pdf" },
      ],
    );
    expect(diff).toEqual({
      isChanged: true,
      added: [{ id: "3", name: "a.pdf" }],
      removed: [{ id: "1", name: "b.docx" }],
      summary: "Knowledge files: + a.pdf, \u2212 b.docx",
    });
  });

  it("tells apart two files of the same name (a re-upload is a change)", () => {
    const diff = diffKnowledgeFiles(
      [{ id: "1", name: "notes.md" }],
      [{ id: "2", name: "notes.md" }],
    );
    expect(diff.summary).toBe("Knowledge files: + notes.md, \u2212 notes.md");
  });

  it("is unchanged for the same set in another order", () => {
    const files = [
      { id: "1", name: "a" },
      { id: "2", name: "b" },
    ];
    expect(diffKnowledgeFiles(files, [...files].reverse())).toEqual({
      isChanged: false,
      added: [],
      removed: [],
      summary: null,
    });
  });
});
