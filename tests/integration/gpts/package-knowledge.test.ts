import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { storageDir } from "@/lib/env";
import { createGpt } from "@/lib/gpts/create-gpt";
import { exportGptPackage } from "@/lib/gpts/package/export-gpt-package";
import { importGptPackage } from "@/lib/gpts/package/import-gpt-package";
import type { GptPackage } from "@/lib/gpts/package/package-schema";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import { updateGptDraft } from "@/lib/gpts/update-gpt-draft";
import { takeUnsentJobs } from "@/lib/jobs/runner";
import { removeKnowledgeFile } from "@/lib/knowledge/files/remove-knowledge-file";
import { getObject } from "@/lib/storage/storage";
import { expectAppError } from "../../support/app-error";
import { createActor, ensureBuilderProfile } from "../../support/factories";
import { setSessionActor } from "../../support/session-stub";
import { addKnowledgeFile } from "../knowledge/versions-helpers";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

beforeEach(() => {
  setSessionActor(null);
  takeUnsentJobs();
});

const packageOf = (bytes: Uint8Array) => JSON.parse(strFromU8(bytes)) as GptPackage;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function storedKnowledge(ownerId: string): Promise<string[]> {
  return readdir(path.join(storageDir, "knowledge", ownerId)).catch(() => []);
}

async function gptWithKnowledge(owner: Actor) {
  const gpt = await createGpt({ actor: owner, input: { name: "Harbour Guide" } });
  const saved = await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } });
  await updateGptDraft({
    actor: owner,
    gptId: gpt.id,
    input: {
      name: "Harbour Guide",
      knowledgeTopK: 7,
      knowledgeOnly: true,
      capabilities: ["knowledge"],
      revision: saved.revision,
    },
  });
  const notes = await addKnowledgeFile(owner, gpt.id, {
    name: "notes.md",
    text: "# Tides\n\nHigh tide at the harbour is at noon.",
  });
  const old = await addKnowledgeFile(owner, gpt.id, { name: "old.txt" });
  await addKnowledgeFile(owner, gpt.id, { name: "queued.txt", status: "QUEUED" });
  return { gpt, notes, old };
}

describe("[PACKAGE]: knowledge files in exports", () => {
  it("round-trips the draft's READY files through the zip, queued for processing on import", async () => {
    const owner = await createActor();
    const { gpt, notes } = await gptWithKnowledge(owner);
    const exported = await exportGptPackage({
      actor: owner,
      gptId: gpt.id,
      source: "draft",
      container: "zip",
    });
    const entries = unzipSync(exported.bytes);
    expect(Object.keys(entries).sort()).toEqual([
      "gpt.json",
      "knowledge/notes.md",
      "knowledge/old.txt",
    ]);
    const pkg = packageOf(entries["gpt.json"]);
    expect(pkg.gpt).toMatchObject({ knowledgeTopK: 7, knowledgeOnly: true });
    expect(pkg.knowledge[0]).toEqual({
      name: "notes.md",
      kind: "text",
      mimeType: "text/plain",
      size: notes.sizeBytes,
      sha256: notes.sha256,
      path: "knowledge/notes.md",
    });
    expect(sha256(entries["knowledge/notes.md"])).toBe(notes.sha256);

    const importer = await createActor();
    const imported = await importGptPackage({ actor: importer, bytes: exported.bytes });
    expect(imported.warnings).toEqual([]);
    const copy = await prisma.gpt.findUniqueOrThrow({ where: { id: imported.id } });
    expect(copy).toMatchObject({ knowledgeTopK: 7, knowledgeOnly: true });
    const files = await prisma.knowledgeFile.findMany({
      where: { gptId: imported.id },
      orderBy: { name: "asc" },
    });
    expect(files.map((file) => [file.name, file.kind, file.status, file.inDraft])).toEqual([
      ["notes.md", "markdown", "QUEUED", true],
      ["old.txt", "text", "QUEUED", true],
    ]);
    for (const file of files) {
      expect(file.ownerId).toBe(importer.id);
      expect(sha256(new Uint8Array((await getObject(file.blobKey)) ?? []))).toBe(file.sha256);
    }
    expect(takeUnsentJobs()).toEqual(
      files.map((file) => ({ name: "knowledge-ingest", data: { fileId: file.id } })),
    );
  });

  it("exports the published version's files, and lists files without bytes in the JSON form", async () => {
    const owner = await createActor();
    await ensureBuilderProfile(owner);
    const { gpt, old } = await gptWithKnowledge(owner);
    await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PRIVATE" } });
    await removeKnowledgeFile({ actor: owner, gptId: gpt.id, fileId: old.id });

    const published = unzipSync(
      (
        await exportGptPackage({
          actor: owner,
          gptId: gpt.id,
          source: "published",
          container: "zip",
        })
      ).bytes,
    );
    expect(Object.keys(published)).toContain("knowledge/old.txt");
    const draft = unzipSync(
      (await exportGptPackage({ actor: owner, gptId: gpt.id, source: "draft", container: "zip" }))
        .bytes,
    );
    expect(Object.keys(draft)).not.toContain("knowledge/old.txt");

    const json = await exportGptPackage({
      actor: owner,
      gptId: gpt.id,
      source: "published",
      container: "json",
    });
    const listed = packageOf(json.bytes).knowledge.map((entry) => entry.name);
    expect(listed).toEqual(["notes.md", "old.txt"]);
    const importer = await createActor();
    const imported = await importGptPackage({ actor: importer, bytes: json.bytes });
    expect(imported.warnings).toEqual([
      "2 knowledge files listed but not included (notes.md, old.txt): only the .zip form of a package carries the files.",
    ]);
    expect(await prisma.knowledgeFile.count({ where: { gptId: imported.id } })).toBe(0);
  });
});

describe("[PACKAGE]: importing knowledge files is all or nothing", () => {
  function zipWith(files: Record<string, Uint8Array>, overrides: Partial<GptPackage> = {}) {
    const knowledge = Object.entries(files).map(([name, bytes]) => ({
      name,
      mimeType: "text/plain",
      size: bytes.length,
      sha256: sha256(bytes),
      path: `knowledge/${name}`,
    }));
    const document = { format: "atelier.gpt", version: 1, gpt: { name: "Imported" }, knowledge };
    const entries: Record<string, Uint8Array> = {
      "gpt.json": strToU8(JSON.stringify({ ...document, ...overrides })),
    };
    for (const [name, bytes] of Object.entries(files)) entries[`knowledge/${name}`] = bytes;
    return zipSync(entries);
  }

  async function expectNothingImported(importer: Actor) {
    expect(await prisma.gpt.count({ where: { ownerId: importer.id } })).toBe(0);
    expect(await prisma.knowledgeFile.count({ where: { ownerId: importer.id } })).toBe(0);
    expect(await storedKnowledge(importer.id)).toEqual([]);
    expect(takeUnsentJobs()).toEqual([]);
  }

  it("refuses a file that is not a supported type, naming it, and creates nothing", async () => {
    const importer = await createActor();
    const corrupt = new Uint8Array([0x00, 0xff, 0x13, 0x37, 0x00, 0x42]);
    const bytes = zipWith({ "good.md": strToU8("# Fine\n\nText."), "scan.pdf": corrupt });
    const error = await expectAppError(importGptPackage({ actor: importer, bytes }), "bad_request");
    expect(error.message).toMatch(/scan\.pdf/);
    expect(error.fieldErrors).toEqual({
      "knowledge.1": [
        expect.stringMatching(/^scan\.pdf is empty, damaged or not a supported type/),
      ],
    });
    await expectNothingImported(importer);
  });

  it("refuses a damaged entry (SHA-256 mismatch) before anything is stored", async () => {
    const importer = await createActor();
    const good = strToU8("# Notes\n\nText.");
    const document = {
      format: "atelier.gpt",
      version: 1,
      gpt: { name: "Imported" },
      knowledge: [
        {
          name: "notes.md",
          mimeType: "text/markdown",
          size: good.length,
          sha256: sha256(strToU8("something else")),
          path: "knowledge/notes.md",
        },
      ],
    };
    const bytes = zipSync({
      "gpt.json": strToU8(JSON.stringify(document)),
      "knowledge/notes.md": good,
    });
    const error = await expectAppError(importGptPackage({ actor: importer, bytes }), "bad_request");
    expect(error.fieldErrors).toEqual({
      "knowledge.0.sha256": ["knowledge/notes.md does not match its SHA-256."],
    });
    await expectNothingImported(importer);
  });

  it("refuses more files than a GPT may have here", async () => {
    const importer = await createActor();
    await prisma.instanceSettings.upsert({
      where: { id: 1 },
      create: { id: 1, knowledgeMaxFilesPerGpt: 1 },
      update: { knowledgeMaxFilesPerGpt: 1 },
    });
    try {
      const bytes = zipWith({ "a.txt": strToU8("alpha"), "b.txt": strToU8("beta") });
      const error = await expectAppError(
        importGptPackage({ actor: importer, bytes }),
        "bad_request",
      );
      expect(error.fieldErrors?.knowledge?.[0]).toMatch(/at most 1/);
      await expectNothingImported(importer);
    } finally {
      await prisma.instanceSettings.update({
        where: { id: 1 },
        data: { knowledgeMaxFilesPerGpt: 20 },
      });
    }
  });
});
