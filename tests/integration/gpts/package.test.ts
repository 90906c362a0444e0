import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { strFromU8, strToU8, unzipSync } from "fflate";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/api/gpts/[id]/export/route";
import { POST as importRoute } from "@/app/api/gpts/import/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { storageDir } from "@/lib/env";
import { storeAvatarImage } from "@/lib/gpts/avatar/store-avatar-image";
import { createGpt } from "@/lib/gpts/create-gpt";
import { configOf, type GptConfig } from "@/lib/gpts/gpt-config";
import { exportGptPackage } from "@/lib/gpts/package/export-gpt-package";
import { importGptPackage } from "@/lib/gpts/package/import-gpt-package";
import type { GptPackage } from "@/lib/gpts/package/package-schema";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import { getObject } from "@/lib/storage/storage";
import { expectAppError } from "../../support/app-error";
import { createActor, createFakeModel } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let owner: Actor;
let other: Actor;
let admin: Actor;
let categoryId: string;
let modelConfigId: string;
const ownerFolders: string[] = [];

function avatarFolderOf(ownerId: string): string {
  ownerFolders.push(ownerId);
  return path.join(storageDir, "avatars", ownerId);
}

/** The files stored under an owner's avatar folder (none when the folder doesn't exist). */
async function storedAvatars(ownerId: string): Promise<string[]> {
  return readdir(avatarFolderOf(ownerId)).catch(() => []);
}

async function pngBytes(color = "#ff0000"): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width: 64, height: 64, channels: 3, background: color } })
      .png()
      .toBuffer(),
  );
}

async function createSourceGpt(actor: Actor) {
  avatarFolderOf(actor.id);
  const { key } = await storeAvatarImage({ ownerId: actor.id, bytes: await pngBytes() });
  return createGpt({
    actor,
    input: {
      name: "Math Tutor",
      description: "Explains maths step by step.",
      instructions: "SECRET: explain with small steps.\nNever give the answer first.",
      conversationStarters: ["Explain fractions", "Quiz me"],
      categoryId,
      modelConfigId,
      avatarKey: key,
      temperature: 0.4,
      capabilities: ["knowledge"],
    },
  });
}

async function configOfGpt(id: string): Promise<GptConfig> {
  return configOf(await prisma.gpt.findUniqueOrThrow({ where: { id } }));
}

function packageOf(bytes: Uint8Array): GptPackage {
  return JSON.parse(strFromU8(bytes));
}

function packageBytes(pkg: unknown): Uint8Array {
  return strToU8(JSON.stringify(pkg));
}

function minimalPackage(gpt: Record<string, unknown> = {}) {
  return { format: "atelier.gpt", version: 1, gpt: { name: "Imported", ...gpt } };
}

function uploadRequest(bytes: Uint8Array, name = "package.json") {
  const form = new FormData();
  form.append("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
  return appRequest("/api/gpts/import", { method: "POST", form });
}

beforeAll(async () => {
  owner = await createActor({ name: "Owner" });
  other = await createActor({ name: "Other" });
  admin = await createActor({ role: "ADMIN" });
  categoryId = (await prisma.category.create({ data: { slug: "education", name: "Education" } }))
    .id;
  modelConfigId = (await createFakeModel("http://127.0.0.1:9/v1")).id;
});

beforeEach(() => setSessionActor(owner));

afterAll(async () => {
  await Promise.all(
    [...new Set(ownerFolders)].map((id) =>
      rm(path.join(storageDir, "avatars", id), { recursive: true, force: true }),
    ),
  );
});

describe("[PACKAGE]: export and import GPT packages", () => {
  it("export then import (by another user) reproduces the configuration; the picture is copied", async () => {
    const source = await createSourceGpt(owner);
    const exported = await exportGptPackage({
      actor: owner,
      gptId: source.id,
      source: "draft",
      container: "json",
    });
    expect(exported.fileName).toBe(`${source.slug}.atelier-gpt.json`);
    const pkg = packageOf(exported.bytes);
    expect(pkg).toMatchObject({
      format: "atelier.gpt",
      version: 1,
      source: { gptId: source.id, slug: source.slug, versionNumber: null },
      gpt: {
        category: { slug: "education", name: "Education" },
        model: { modelId: "fake-model", displayName: "Fake model" },
        avatar: { dataUri: expect.stringMatching(/^data:image\/webp;base64,/) },
      },
      actions: [],
      knowledge: [],
    });

    const imported = await importGptPackage({ actor: other, bytes: exported.bytes });
    expect(imported.warnings).toEqual([]);
    const copy = await prisma.gpt.findUniqueOrThrow({ where: { id: imported.id } });
    expect(copy).toMatchObject({
      ownerId: other.id,
      visibility: "PRIVATE",
      publishedVersionId: null,
      allowRemix: false,
      remixedFromId: null,
    });
    expect(copy.slug).not.toBe(source.slug);
    const original = await configOfGpt(source.id);
    const copied = configOf(copy);
    expect({ ...copied, avatarKey: null }).toEqual({ ...original, avatarKey: null });

    // The copy has its own picture file under the importer's folder, and it decodes.
    expect(copied.avatarKey).toMatch(new RegExp(`^avatars/${other.id}/`));
    expect(copied.avatarKey).not.toBe(original.avatarKey);
    const bytes = await getObject(copied.avatarKey!);
    const metadata = await sharp(bytes!).metadata();
    expect(metadata).toMatchObject({ format: "webp", width: 512, height: 512 });
    expect(await storedAvatars(other.id)).toHaveLength(1);
  });

  it("exports the published version or the draft, as the owner chooses", async () => {
    const source = await createSourceGpt(owner);
    await publishGpt({ actor: owner, gptId: source.id, input: { visibility: "LINK" } });
    await prisma.gpt.update({
      where: { id: source.id },
      data: { name: "Math Tutor v2", instructions: "DRAFT-ONLY instructions" },
    });
    const export_ = (source_: "draft" | "published") =>
      exportGptPackage({ actor: owner, gptId: source.id, source: source_, container: "json" });

    const published = packageOf((await export_("published")).bytes);
    expect(published.source?.versionNumber).toBe(1);
    expect(published.gpt).toMatchObject({
      name: "Math Tutor",
      instructions: expect.stringMatching(/^SECRET/),
    });
    const draft = packageOf((await export_("draft")).bytes);
    expect(draft.source?.versionNumber).toBeNull();
    expect(draft.gpt).toMatchObject({
      name: "Math Tutor v2",
      instructions: "DRAFT-ONLY instructions",
    });

    const unpublished = await createGpt({ actor: owner, input: { name: "Never published" } });
    const error = await expectAppError(
      exportGptPackage({
        actor: owner,
        gptId: unpublished.id,
        source: "published",
        container: "json",
      }),
      "bad_request",
    );
    expect(error.message).toMatch(/no published version/);
  });

  it("round-trips through the .zip form (gpt.json plus an empty knowledge list today)", async () => {
    const source = await createSourceGpt(owner);
    const exported = await exportGptPackage({
      actor: owner,
      gptId: source.id,
      source: "draft",
      container: "zip",
    });
    expect(exported.fileName).toBe(`${source.slug}.atelier-gpt.zip`);
    expect(exported.contentType).toBe("application/zip");
    const entries = unzipSync(exported.bytes);
    expect(Object.keys(entries)).toEqual(["gpt.json"]);
    expect(packageOf(entries["gpt.json"]).knowledge).toEqual([]);

    const imported = await importGptPackage({ actor: owner, bytes: exported.bytes });
    const copied = await configOfGpt(imported.id);
    expect({ ...copied, avatarKey: null }).toEqual({
      ...(await configOfGpt(source.id)),
      avatarKey: null,
    });
    expect(copied.avatarKey).not.toBeNull();
  });

  it("an invalid package leaves no GPT row and no stored picture behind", async () => {
    const importer = await createActor();
    const pkg = packageOf(
      (
        await exportGptPackage({
          actor: owner,
          gptId: (await createSourceGpt(owner)).id,
          source: "draft",
          container: "json",
        })
      ).bytes,
    );
    const countBefore = await prisma.gpt.count();

    // A field error, with a valid picture that would otherwise be stored.
    const longName = await expectAppError(
      importGptPackage({
        actor: importer,
        bytes: packageBytes({ ...pkg, gpt: { ...pkg.gpt, name: "n".repeat(51) } }),
      }),
      "bad_request",
    );
    expect(longName.fieldErrors).toEqual({ "gpt.name": ["Use at most 50 characters."] });

    // A picture that is valid base64 but not an image.
    const notImage = `data:image/png;base64,${Buffer.from("not a picture at all").toString("base64")}`;
    const badPicture = await expectAppError(
      importGptPackage({
        actor: importer,
        bytes: packageBytes({ ...pkg, gpt: { ...pkg.gpt, avatar: { dataUri: notImage } } }),
      }),
      "bad_request",
    );
    expect(Object.keys(badPicture.fieldErrors ?? {})).toEqual(["gpt.avatar.dataUri"]);

    // The database write fails after the picture was stored (an owner that doesn't exist): the
    // picture is removed again.
    const ghost: Actor = {
      id: "ghostuser0001",
      email: "ghost@example.com",
      name: null,
      role: "USER",
    };
    await expect(importGptPackage({ actor: ghost, bytes: packageBytes(pkg) })).rejects.toThrow();

    expect(await prisma.gpt.count()).toBe(countBefore);
    expect(await storedAvatars(importer.id)).toEqual([]);
    expect(await storedAvatars(ghost.id)).toEqual([]);
  });

  it("maps an unknown category and model to none, with warnings, and switches off what this instance can't serve", async () => {
    const imported = await importGptPackage({
      actor: owner,
      bytes: packageBytes(
        minimalPackage({
          category: { slug: "astrology", name: "Astrology" },
          model: { modelId: "gpt-9-ultra", displayName: "GPT-9 Ultra" },
          avatar: { color: "#0f766e" },
          capabilities: ["knowledge", "web_browsing"],
        }),
      ),
    });
    expect(imported.warnings).toEqual([
      'Category "astrology" (Astrology) does not exist here, so the GPT has no category.',
      'Model "gpt-9-ultra" is not available here, so the GPT uses the default model.',
      "Web browsing is not available on this instance, so it is switched off.",
    ]);
    expect(await configOfGpt(imported.id)).toMatchObject({
      name: "Imported",
      categoryId: null,
      modelConfigId: null,
      avatarKey: null,
      avatarColor: "#0f766e",
      capabilities: ["knowledge"],
    });
  });

  it("refuses an unknown capability rather than dropping it", async () => {
    const error = await expectAppError(
      importGptPackage({
        actor: owner,
        bytes: packageBytes(minimalPackage({ capabilities: ["mind_reading"] })),
      }),
      "bad_request",
    );
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["gpt.capabilities.0"]);
  });

  it("another user's GPT cannot be exported, by domain call or route, not even by an admin", async () => {
    const source = await createSourceGpt(owner);
    for (const actor of [other, admin]) {
      await expectAppError(
        exportGptPackage({ actor, gptId: source.id, source: "draft", container: "json" }),
        "not_found",
      );
      setSessionActor(actor);
      const response = await exportRoute(
        appRequest(`/api/gpts/${source.id}/export?source=draft&format=zip`),
        segment({ id: source.id }),
      );
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("SECRET");
    }
  });

  it("GET /api/gpts/:id/export sends the owner an attachment; bad query values are 400", async () => {
    const source = await createSourceGpt(owner);
    const response = await exportRoute(
      appRequest(`/api/gpts/${source.id}/export`),
      segment({ id: source.id }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="${source.slug}.atelier-gpt.json"`,
    );
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect((await response.json()).gpt.instructions).toMatch(/^SECRET/);

    const bad = await exportRoute(
      appRequest(`/api/gpts/${source.id}/export?format=tar`),
      segment({ id: source.id }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fieldErrors)).toEqual(["format"]);
  });

  it("POST /api/gpts/import creates a draft → 201, and explains a broken file → 400", async () => {
    const created = await importRoute(
      uploadRequest(packageBytes(minimalPackage({ instructions: "From a file" }))),
      segment({}),
    );
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body).toEqual({ id: expect.any(String), slug: expect.any(String), warnings: [] });
    expect(await prisma.gpt.findUniqueOrThrow({ where: { id: body.id } })).toMatchObject({
      ownerId: owner.id,
      instructions: "From a file",
    });

    const broken = await importRoute(uploadRequest(strToU8("{ nope")), segment({}));
    expect(broken.status).toBe(400);
    const error = (await broken.json()).error;
    expect(error.code).toBe("bad_request");
    expect(error.fieldErrors.file[0]).toMatch(/^Not a JSON file or a \.zip package/);

    const newer = await importRoute(
      uploadRequest(packageBytes({ format: "atelier.gpt", version: 2 }), "future.zip"),
      segment({}),
    );
    expect((await newer.json()).error.fieldErrors).toEqual({
      version: ["Version 2 is newer than this instance supports (1). Update Atelier to import it."],
    });

    const missing = await importRoute(
      appRequest("/api/gpts/import", { method: "POST", form: new FormData() }),
      segment({}),
    );
    expect(missing.status).toBe(400);

    setSessionActor(null);
    const signedOut = await importRoute(uploadRequest(packageBytes(minimalPackage())), segment({}));
    expect(signedOut.status).toBe(401);
  });
});
