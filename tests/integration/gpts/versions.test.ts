import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as unpublishRoute } from "@/app/api/gpts/[id]/unpublish/route";
import { POST as restoreRoute } from "@/app/api/gpts/[id]/versions/[number]/restore/route";
import { GET as versionRoute } from "@/app/api/gpts/[id]/versions/[number]/route";
import { GET as versionsRoute } from "@/app/api/gpts/[id]/versions/route";
import { PUT as visibilityRoute } from "@/app/api/gpts/[id]/visibility/route";
import type { Actor } from "@/lib/auth/session";
import { planTurn } from "@/lib/chat/plan-turn";
import { chatRequestSchema } from "@/lib/chat/schemas";
import { prisma } from "@/lib/db";
import { createGpt } from "@/lib/gpts/create-gpt";
import { getGptPage } from "@/lib/gpts/gpt-page-query";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import { getGptForEditor } from "@/lib/gpts/queries";
import { restoreGptVersion } from "@/lib/gpts/restore-gpt-version";
import { setGptVisibility } from "@/lib/gpts/set-gpt-visibility";
import { unpublishGpt } from "@/lib/gpts/unpublish-gpt";
import { updateGptDraft } from "@/lib/gpts/update-gpt-draft";
import { getGptVersion, listGptVersions } from "@/lib/gpts/version-queries";
import { listCategoryGpts } from "@/lib/store/category-queries";
import { expectAppError } from "../../support/app-error";
import { createActor, createFakeModel, ensureBuilderProfile } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";
import { listedGptIds } from "../../support/store-list";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

const V1 = {
  name: "Tide Tables",
  description: "Knows when the tide turns.",
  instructions: "Be brief.\nAnswer in metres.\nCite the harbour.",
  conversationStarters: ["When is high tide?"],
};
const V2_INSTRUCTIONS = "Be brief.\nAnswer in feet.\nCite the harbour.";

beforeAll(async () => {
  // planTurn needs a model to exist; nothing here calls it.
  await createFakeModel("http://127.0.0.1:9/v1");
});

async function creatorWithProfile(): Promise<Actor> {
  const actor = await createActor();
  await ensureBuilderProfile(actor);
  return actor;
}

/** A GPT published as v1 (PUBLIC), then its draft edited to v2's instructions and saved. */
async function publishedWithEditedDraft(owner: Actor) {
  const created = await createGpt({ actor: owner, input: V1 });
  const v1 = await publishGpt({
    actor: owner,
    gptId: created.id,
    input: { visibility: "PUBLIC", releaseNote: "First release" },
  });
  const saved = await updateGptDraft({
    actor: owner,
    gptId: created.id,
    input: { ...V1, name: "Tide Tables Pro", instructions: V2_INSTRUCTIONS, revision: 1 },
  });
  return { ...created, v1, revision: saved.revision };
}

async function chatSource(actor: Actor, gptId: string) {
  const { source } = await planTurn({
    actor,
    request: chatRequestSchema.parse({ gptId, message: { text: "Which version?" } }),
  });
  return { instructions: source.instructions, gptName: source.name, versionId: source.versionId };
}

describe("[VERSIONS]: a published GPT and its draft", () => {
  it("keeps the GPT page and chat on the published version while the draft changes", async () => {
    const owner = await creatorWithProfile();
    const visitor = await createActor();
    const gpt = await publishedWithEditedDraft(owner);

    const page = await getGptPage({ actor: visitor, slug: gpt.slug });
    expect(page).toMatchObject({ name: "Tide Tables", versionNumber: 1, isListed: true });
    const store = await listCategoryGpts({ categorySlug: "all", sort: "newest" });
    expect(store?.gpts.find((card) => card.id === gpt.id)?.name).toBe("Tide Tables");
    expect(await chatSource(visitor, gpt.id)).toEqual({
      instructions: V1.instructions,
      gptName: "Tide Tables",
      versionId: gpt.v1.versionId,
    });
    expect((await getGptForEditor({ actor: owner, gptId: gpt.id }))?.hasUnpublishedChanges).toBe(
      true,
    );

    const v2 = await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PUBLIC" } });
    expect(v2.number).toBe(2);
    expect(await getGptPage({ actor: visitor, slug: gpt.slug })).toMatchObject({
      name: "Tide Tables Pro",
      versionNumber: 2,
    });
    expect((await chatSource(visitor, gpt.id)).instructions).toBe(V2_INSTRUCTIONS);
  });

  it("lists versions newest first with time, release note and which one is live", async () => {
    const owner = await creatorWithProfile();
    const gpt = await publishedWithEditedDraft(owner);
    await publishGpt({
      actor: owner,
      gptId: gpt.id,
      input: { visibility: "LINK", releaseNote: "  Feet now  " },
    });

    const versions = await listGptVersions({ actor: owner, gptId: gpt.id });
    expect(versions).toEqual([
      { number: 2, createdAt: expect.any(Date), releaseNote: "Feet now", isPublished: true },
      { number: 1, createdAt: expect.any(Date), releaseNote: "First release", isPublished: false },
    ]);
  });

  it("shows one version read-only with every versioned field and a line diff against the draft", async () => {
    const owner = await creatorWithProfile();
    const category = await prisma.category.create({
      data: { slug: `coast-${Date.now()}`, name: "Coast" },
    });
    const created = await createGpt({ actor: owner, input: { ...V1, categoryId: category.id } });
    await publishGpt({ actor: owner, gptId: created.id, input: { visibility: "LINK" } });
    await updateGptDraft({
      actor: owner,
      gptId: created.id,
      input: { ...V1, instructions: V2_INSTRUCTIONS, temperature: 0.4, revision: 1 },
    });

    const { version, diff } = await getGptVersion({ actor: owner, gptId: created.id, number: 1 });
    expect(version).toMatchObject({
      number: 1,
      isPublished: true,
      releaseNote: null,
      config: {
        name: "Tide Tables",
        description: V1.description,
        instructions: V1.instructions,
        conversationStarters: V1.conversationStarters,
        categoryId: category.id,
        modelConfigId: null,
        avatarKey: null,
        avatarColor: null,
        temperature: null,
        capabilities: [],
      },
    });
    expect(version.names.categories[category.id]).toBe("Coast");

    expect(diff.changedFields).toEqual(["instructions", "categoryId", "temperature"]);
    const instructions = diff.fields.find((field) => field.field === "instructions");
    expect(instructions).toMatchObject({
      kind: "lines",
      lines: [
        { kind: "unchanged", text: "Be brief." },
        { kind: "removed", text: "Answer in metres." },
        { kind: "added", text: "Answer in feet." },
        { kind: "unchanged", text: "Cite the harbour." },
      ],
    });
    expect(diff.fields.find((field) => field.field === "categoryId")).toMatchObject({
      before: "Coast",
      after: "No category",
    });

    await expectAppError(
      getGptVersion({ actor: owner, gptId: created.id, number: 7 }),
      "not_found",
    );
  });
});

describe("[VERSIONS]: restore to draft", () => {
  it("copies a version into the draft, bumps the revision and leaves the live version alone", async () => {
    const owner = await creatorWithProfile();
    const visitor = await createActor();
    const gpt = await publishedWithEditedDraft(owner);
    await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PUBLIC" } });

    const restored = await restoreGptVersion({
      actor: owner,
      gptId: gpt.id,
      number: 1,
      input: { revision: gpt.revision },
    });
    expect(restored).toEqual({
      revision: gpt.revision + 1,
      values: expect.objectContaining({
        name: "Tide Tables",
        instructions: V1.instructions,
        conversationStarters: V1.conversationStarters,
        allowRemix: false,
      }),
      // Version 2 is live, and differs from the restored version 1.
      matchesPublished: false,
    });
    const editor = await getGptForEditor({ actor: owner, gptId: gpt.id });
    expect(editor).toMatchObject({
      name: "Tide Tables",
      instructions: V1.instructions,
      revision: gpt.revision + 1,
      hasUnpublishedChanges: true,
      publishedVersion: { number: 2 },
    });
    // Users still get version 2 until the next publish.
    expect((await chatSource(visitor, gpt.id)).instructions).toBe(V2_INSTRUCTIONS);

    const v3 = await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PUBLIC" } });
    expect(v3.number).toBe(3);
    const [one, three] = await Promise.all(
      [1, 3].map((number) => getGptVersion({ actor: owner, gptId: gpt.id, number })),
    );
    expect(three.version.config).toEqual(one.version.config);
    expect((await chatSource(visitor, gpt.id)).instructions).toBe(V1.instructions);
  });

  it("says the draft matches the live version when the restored one is live", async () => {
    const owner = await creatorWithProfile();
    const gpt = await publishedWithEditedDraft(owner);
    const restored = await restoreGptVersion({
      actor: owner,
      gptId: gpt.id,
      number: 1,
      input: { revision: gpt.revision },
    });
    expect(restored.matchesPublished).toBe(true);
    expect((await getGptForEditor({ actor: owner, gptId: gpt.id }))?.hasUnpublishedChanges).toBe(
      false,
    );
  });

  it("is a conflict from a stale revision, and changes nothing", async () => {
    const owner = await creatorWithProfile();
    const gpt = await publishedWithEditedDraft(owner);
    // Another tab saved after this editor loaded revision `gpt.revision`.
    await updateGptDraft({
      actor: owner,
      gptId: gpt.id,
      input: { ...V1, instructions: "Saved in another tab", revision: gpt.revision },
    });

    await expectAppError(
      restoreGptVersion({
        actor: owner,
        gptId: gpt.id,
        number: 1,
        input: { revision: gpt.revision },
      }),
      "conflict",
    );
    expect(await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } })).toMatchObject({
      instructions: "Saved in another tab",
      revision: gpt.revision + 1,
    });

    setSessionActor(owner);
    const response = await restoreRoute(
      appRequest("/api/test", { method: "POST", body: { revision: gpt.revision } }),
      segment({ id: gpt.id, number: "1" }),
    );
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe("conflict");
  });

  it("keeps a model disabled since, and clears a category deleted since, instead of failing", async () => {
    const owner = await creatorWithProfile();
    const model = await prisma.modelConfig.create({
      data: { displayName: "Retired", baseUrl: "http://127.0.0.1:9/v1", modelId: "retired" },
    });
    const category = await prisma.category.create({
      data: { slug: `gone-${Date.now()}`, name: "Gone" },
    });
    const created = await createGpt({
      actor: owner,
      input: { ...V1, modelConfigId: model.id, categoryId: category.id },
    });
    await publishGpt({ actor: owner, gptId: created.id, input: { visibility: "PRIVATE" } });
    const saved = await updateGptDraft({
      actor: owner,
      gptId: created.id,
      input: { ...V1, modelConfigId: null, categoryId: null, revision: 1 },
    });
    await prisma.modelConfig.update({ where: { id: model.id }, data: { isEnabled: false } });
    await prisma.category.delete({ where: { id: category.id } });

    const restored = await restoreGptVersion({
      actor: owner,
      gptId: created.id,
      number: 1,
      input: { revision: saved.revision },
    });
    expect(restored.values).toMatchObject({ modelConfigId: model.id, categoryId: null });
    expect(await prisma.gpt.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      modelConfigId: model.id,
      categoryId: null,
    });
  });

  it("answers the route with the revision, the draft's form values and matchesPublished", async () => {
    const owner = await creatorWithProfile();
    const gpt = await publishedWithEditedDraft(owner);
    setSessionActor(owner);
    const response = await restoreRoute(
      appRequest("/api/test", { method: "POST", body: { revision: gpt.revision } }),
      segment({ id: gpt.id, number: "1" }),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      revision: gpt.revision + 1,
      matchesPublished: true,
      values: { name: "Tide Tables", instructions: V1.instructions },
    });
    const invalid = await restoreRoute(
      appRequest("/api/test", { method: "POST", body: { revision: "latest" } }),
      segment({ id: gpt.id, number: "1" }),
    );
    expect(invalid.status).toBe(400);
    const badNumber = await restoreRoute(
      appRequest("/api/test", { method: "POST", body: { revision: body.revision } }),
      segment({ id: gpt.id, number: "1e3" }),
    );
    expect(badNumber.status).toBe(404);
  });
});

describe("[VERSIONS]: unpublish", () => {
  it("takes the GPT out of the store and 404s its page, keeps the versions, and the next publish is the next number", async () => {
    const owner = await creatorWithProfile();
    const visitor = await createActor();
    const gpt = await publishedWithEditedDraft(owner);

    expect(await unpublishGpt({ actor: owner, gptId: gpt.id })).toEqual({ isPublished: false });
    expect(await getGptPage({ actor: visitor, slug: gpt.slug })).toBeNull();
    expect(await getGptPage({ actor: owner, slug: gpt.slug })).toBeNull();
    expect(await listedGptIds()).not.toContain(gpt.id);
    await expectAppError(chatSource(visitor, gpt.id), "not_found");
    expect(await listGptVersions({ actor: owner, gptId: gpt.id })).toEqual([
      expect.objectContaining({ number: 1, isPublished: false }),
    ]);
    expect(await getGptForEditor({ actor: owner, gptId: gpt.id })).toMatchObject({
      publishedVersion: null,
      visibility: "PUBLIC",
    });
    // Unpublishing twice is harmless.
    await unpublishGpt({ actor: owner, gptId: gpt.id });

    const again = await publishGpt({
      actor: owner,
      gptId: gpt.id,
      input: { visibility: "PUBLIC" },
    });
    expect(again.number).toBe(2);
    expect(await getGptPage({ actor: visitor, slug: gpt.slug })).toMatchObject({
      versionNumber: 2,
    });
  });

  it("works through the route", async () => {
    const owner = await creatorWithProfile();
    const gpt = await publishedWithEditedDraft(owner);
    setSessionActor(owner);
    const response = await unpublishRoute(
      appRequest("/api/test", { method: "POST" }),
      segment({ id: gpt.id }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ isPublished: false });
    expect(
      (await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } })).publishedVersionId,
    ).toBeNull();
  });
});

describe("[VERSIONS]: only the owner", () => {
  it("answers not_found to everyone else, in the domain functions", async () => {
    const owner = await creatorWithProfile();
    const intruder = await creatorWithProfile();
    const gpt = await publishedWithEditedDraft(owner);

    await expectAppError(listGptVersions({ actor: intruder, gptId: gpt.id }), "not_found");
    await expectAppError(getGptVersion({ actor: intruder, gptId: gpt.id, number: 1 }), "not_found");
    await expectAppError(
      restoreGptVersion({
        actor: intruder,
        gptId: gpt.id,
        number: 1,
        input: { revision: gpt.revision },
      }),
      "not_found",
    );
    await expectAppError(unpublishGpt({ actor: intruder, gptId: gpt.id }), "not_found");
    await expectAppError(
      setGptVisibility({ actor: intruder, gptId: gpt.id, input: { visibility: "PRIVATE" } }),
      "not_found",
    );
    // An admin is not the owner either: the editor's history is the creator's own.
    const admin = await createActor({ role: "ADMIN" });
    await expectAppError(listGptVersions({ actor: admin, gptId: gpt.id }), "not_found");

    expect(await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } })).toMatchObject({
      instructions: V2_INSTRUCTIONS,
      revision: gpt.revision,
      visibility: "PUBLIC",
      publishedVersionId: gpt.v1.versionId,
    });
  });

  it("answers 404 to everyone else, through the route handlers, and 401 when signed out", async () => {
    const owner = await creatorWithProfile();
    const intruder = await creatorWithProfile();
    const gpt = await publishedWithEditedDraft(owner);
    const id = gpt.id;

    setSessionActor(intruder);
    const responses = [
      await versionsRoute(appRequest("/api/test"), segment({ id })),
      await versionRoute(appRequest("/api/test"), segment({ id, number: "1" })),
      await restoreRoute(
        appRequest("/api/test", { method: "POST", body: { revision: gpt.revision } }),
        segment({ id, number: "1" }),
      ),
      await unpublishRoute(appRequest("/api/test", { method: "POST" }), segment({ id })),
      await visibilityRoute(
        appRequest("/api/test", { method: "PUT", body: { visibility: "PRIVATE" } }),
        segment({ id }),
      ),
    ];
    for (const response of responses) {
      expect(response.status).toBe(404);
      const text = await response.text();
      expect(text).not.toContain("Answer in");
    }

    setSessionActor(null);
    expect((await versionsRoute(appRequest("/api/test"), segment({ id }))).status).toBe(401);
    expect(
      (await unpublishRoute(appRequest("/api/test", { method: "POST" }), segment({ id }))).status,
    ).toBe(401);

    setSessionActor(owner);
    const mine = await versionsRoute(appRequest("/api/test"), segment({ id }));
    expect(mine.status).toBe(200);
    expect((await mine.json()).versions).toEqual([
      {
        number: 1,
        createdAt: expect.any(String),
        releaseNote: "First release",
        isPublished: true,
      },
    ]);
    const one = await versionRoute(appRequest("/api/test"), segment({ id, number: "1" }));
    expect(one.status).toBe(200);
    const body = await one.json();
    expect(body.version.config.instructions).toBe(V1.instructions);
    expect(body.diff.changedFields).toEqual(["name", "instructions"]);
    expect(gpt.v1.number).toBe(1);
  });

  it("treats a deleted GPT as not found", async () => {
    const owner = await creatorWithProfile();
    const gpt = await publishedWithEditedDraft(owner);
    await prisma.gpt.update({ where: { id: gpt.id }, data: { deletedAt: new Date() } });

    await expectAppError(listGptVersions({ actor: owner, gptId: gpt.id }), "not_found");
    await expectAppError(getGptVersion({ actor: owner, gptId: gpt.id, number: 1 }), "not_found");
    await expectAppError(
      restoreGptVersion({
        actor: owner,
        gptId: gpt.id,
        number: 1,
        input: { revision: gpt.revision },
      }),
      "not_found",
    );
    await expectAppError(unpublishGpt({ actor: owner, gptId: gpt.id }), "not_found");
    await expectAppError(
      setGptVisibility({ actor: owner, gptId: gpt.id, input: { visibility: "LINK" } }),
      "not_found",
    );
  });
});
