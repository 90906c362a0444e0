import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createGpt } from "@/lib/gpts/create-gpt";
import { getGptPage } from "@/lib/gpts/gpt-page-query";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import { getGptForEditor, listMyGpts } from "@/lib/gpts/queries";
import { updateGptDraft } from "@/lib/gpts/update-gpt-draft";
import { listedGptIds } from "../../support/store-list";

let counter = 0;
async function createUser(name: string | null = "Ada Lovelace"): Promise<Actor> {
  counter += 1;
  // Named users get a builder profile (needed to publish publicly); nameless ones have none.
  const user = await prisma.user.create({
    data: {
      email: `builder${counter}@example.com`,
      name,
      ...(name
        ? { builderProfile: { create: { displayName: name, handle: `builder-${counter}` } } }
        : {}),
    },
  });
  return { id: user.id, email: user.email, name: user.name, role: "USER" };
}

const draft = {
  name: "Math Tutor",
  description: "Explains maths step by step.",
  instructions: "SECRET-INSTRUCTIONS-V1: explain with small steps.",
  conversationStarters: ["Explain fractions", "  ", " Quiz me "],
};

/** The AppError a promise rejects with (fails the test when it resolves or throws anything else). */
async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("[BUILDER]: create, edit and publish a GPT", () => {
  it("creates a private draft owned by the creator, with trimmed starters", async () => {
    const owner = await createUser();
    const created = await createGpt({ actor: owner, input: draft });
    expect(created).toEqual({
      id: expect.any(String),
      slug: expect.stringMatching(/^math-tutor-[a-f0-9]{6}$/),
      revision: 1,
    });

    const gpt = await prisma.gpt.findUniqueOrThrow({ where: { id: created.id } });
    expect(gpt).toMatchObject({
      ownerId: owner.id,
      visibility: "PRIVATE",
      publishedVersionId: null,
    });
    expect(gpt.conversationStarters).toEqual(["Explain fractions", "Quiz me"]);
    // Never published: nobody (not even the owner) has a public page yet.
    expect(await getGptPage({ actor: owner, slug: created.slug })).toBeNull();
    expect((await listMyGpts({ actor: owner })).map((item) => item.id)).toEqual([created.id]);
  });

  it("a published GPT keeps answering from its published version while the draft changes", async () => {
    const owner = await createUser();
    const visitor = await createUser("Visitor");
    const created = await createGpt({ actor: owner, input: draft });
    const saved = await updateGptDraft({
      actor: owner,
      gptId: created.id,
      input: { ...draft, name: "Math Tutor Pro", revision: created.revision },
    });
    expect(saved).toEqual({ revision: 2 });

    const first = await publishGpt({
      actor: owner,
      gptId: created.id,
      input: { visibility: "PUBLIC", releaseNote: "First release" },
    });
    expect(first).toEqual({
      versionId: expect.any(String),
      number: 1,
      slug: created.slug,
      visibility: "PUBLIC",
      knowledgeFileCount: 0,
      knowledgeFilesProcessing: 0,
      knowledgeFilesFailed: 0,
      listing: { status: "LISTED", findings: [] },
    });
    expect(
      (await getGptForEditor({ actor: owner, gptId: created.id }))?.hasUnpublishedChanges,
    ).toBe(false);

    await updateGptDraft({
      actor: owner,
      gptId: created.id,
      input: {
        ...draft,
        name: "Renamed in draft",
        description: "Draft-only description",
        instructions: "SECRET-INSTRUCTIONS-V2",
        revision: saved.revision,
      },
    });

    const page = await getGptPage({ actor: visitor, slug: created.slug });
    expect(page).toMatchObject({
      name: "Math Tutor Pro",
      description: "Explains maths step by step.",
      conversationStarters: ["Explain fractions", "Quiz me"],
      versionNumber: 1,
      isListed: true,
      isOwner: false,
      creatorName: "Ada Lovelace",
    });
    // Instructions never reach a page payload, neither the published nor the draft ones.
    expect(page).not.toHaveProperty("instructions");
    expect(JSON.stringify(page)).not.toContain("SECRET-INSTRUCTIONS");

    const version = await prisma.gptVersion.findUniqueOrThrow({ where: { id: first.versionId } });
    expect(version).toMatchObject({
      number: 1,
      name: "Math Tutor Pro",
      instructions: draft.instructions,
      releaseNote: "First release",
    });

    const editor = await getGptForEditor({ actor: owner, gptId: created.id });
    expect(editor).toMatchObject({
      name: "Renamed in draft",
      instructions: "SECRET-INSTRUCTIONS-V2",
      revision: 3,
      hasUnpublishedChanges: true,
      publishedVersion: { number: 1 },
    });

    const second = await publishGpt({
      actor: owner,
      gptId: created.id,
      input: { visibility: "LINK" },
    });
    expect(second.number).toBe(2);
    const republished = await getGptPage({ actor: visitor, slug: created.slug });
    expect(republished).toMatchObject({
      name: "Renamed in draft",
      versionNumber: 2,
      visibility: "LINK",
      isListed: false,
    });
    // Version 1 is an immutable snapshot: publishing again created a new row instead.
    expect(await prisma.gptVersion.findUniqueOrThrow({ where: { id: first.versionId } })).toEqual(
      version,
    );
  });

  it("rejects a save from a stale revision instead of overwriting newer edits", async () => {
    const owner = await createUser();
    const created = await createGpt({ actor: owner, input: draft });
    await updateGptDraft({
      actor: owner,
      gptId: created.id,
      input: { ...draft, instructions: "Saved from tab A", revision: 1 },
    });

    const error = await appErrorOf(
      updateGptDraft({
        actor: owner,
        gptId: created.id,
        input: { ...draft, instructions: "Saved from tab B", revision: 1 },
      }),
    );
    expect(error.code).toBe("conflict");
    const gpt = await prisma.gpt.findUniqueOrThrow({ where: { id: created.id } });
    expect(gpt).toMatchObject({ instructions: "Saved from tab A", revision: 2 });
  });

  it("hides someone else's GPT from the editor and refuses their edits and publishes as not found", async () => {
    const owner = await createUser();
    const intruder = await createUser("Mallory");
    const created = await createGpt({ actor: owner, input: draft });

    expect(await getGptForEditor({ actor: intruder, gptId: created.id })).toBeNull();
    expect(await listMyGpts({ actor: intruder })).toEqual([]);

    const update = await appErrorOf(
      updateGptDraft({
        actor: intruder,
        gptId: created.id,
        input: { ...draft, name: "Hijacked", revision: created.revision },
      }),
    );
    expect(update.code).toBe("not_found");
    const publish = await appErrorOf(
      publishGpt({ actor: intruder, gptId: created.id, input: { visibility: "PUBLIC" } }),
    );
    expect(publish.code).toBe("not_found");

    const gpt = await prisma.gpt.findUniqueOrThrow({ where: { id: created.id } });
    expect(gpt).toMatchObject({
      name: "Math Tutor",
      revision: 1,
      publishedVersionId: null,
      visibility: "PRIVATE",
    });
    expect(await prisma.gptVersion.count({ where: { gptId: created.id } })).toBe(0);
  });

  it("refuses a public publish without a builder profile, instead of inventing a creator name", async () => {
    const owner = await createUser(null);
    const created = await createGpt({ actor: owner, input: draft });

    await publishGpt({ actor: owner, gptId: created.id, input: { visibility: "LINK" } });
    expect(await prisma.builderProfile.findUnique({ where: { userId: owner.id } })).toBeNull();

    const refused = await appErrorOf(
      publishGpt({ actor: owner, gptId: created.id, input: { visibility: "PUBLIC" } }),
    );
    expect(refused.code).toBe("bad_request");
    expect(refused.fieldErrors).toHaveProperty("displayName");
    expect(await prisma.builderProfile.count({ where: { userId: owner.id } })).toBe(0);
    // Nothing was published by the refused attempt.
    expect(await prisma.gptVersion.count({ where: { gptId: created.id } })).toBe(1);
    expect((await prisma.gpt.findUniqueOrThrow({ where: { id: created.id } })).visibility).toBe(
      "LINK",
    );
  });

  it("rejects over-limit fields with field errors and saves nothing", async () => {
    const owner = await createUser();
    const tooLong = await appErrorOf(
      createGpt({
        actor: owner,
        input: {
          name: "n".repeat(51),
          description: "d".repeat(301),
          instructions: "i".repeat(8001),
          conversationStarters: ["ok", "s".repeat(201)],
        },
      }),
    );
    expect(tooLong.code).toBe("bad_request");
    expect(Object.keys(tooLong.fieldErrors ?? {}).sort()).toEqual([
      "conversationStarters.1",
      "description",
      "instructions",
      "name",
    ]);

    const tooMany = await appErrorOf(
      createGpt({
        actor: owner,
        input: { name: "Starters", conversationStarters: ["a", "b", "c", "d", "e"] },
      }),
    );
    expect(tooMany.fieldErrors).toHaveProperty("conversationStarters");
    expect(await prisma.gpt.count({ where: { ownerId: owner.id } })).toBe(0);

    const created = await createGpt({ actor: owner, input: draft });
    const update = await appErrorOf(
      updateGptDraft({
        actor: owner,
        gptId: created.id,
        input: { ...draft, instructions: "i".repeat(8001), revision: created.revision },
      }),
    );
    expect(update.fieldErrors).toHaveProperty("instructions");
    expect((await prisma.gpt.findUniqueOrThrow({ where: { id: created.id } })).revision).toBe(1);
  });

  it("only lets a draft pick an enabled model and a known category", async () => {
    const owner = await createUser();
    const disabled = await prisma.modelConfig.create({
      data: {
        displayName: "Old",
        baseUrl: "http://127.0.0.1:1/v1",
        modelId: "old",
        isEnabled: false,
      },
    });
    const error = await appErrorOf(
      createGpt({ actor: owner, input: { ...draft, modelConfigId: disabled.id } }),
    );
    expect(error.fieldErrors).toHaveProperty("modelConfigId");

    const category = await prisma.category.create({ data: { slug: "maths", name: "Maths" } });
    const unknownCategory = await appErrorOf(
      createGpt({ actor: owner, input: { ...draft, categoryId: "nope" } }),
    );
    expect(unknownCategory.fieldErrors).toHaveProperty("categoryId");
    const created = await createGpt({ actor: owner, input: { ...draft, categoryId: category.id } });
    expect((await prisma.gpt.findUniqueOrThrow({ where: { id: created.id } })).categoryId).toBe(
      category.id,
    );
  });

  it("refuses to publish a GPT a moderator removed", async () => {
    const owner = await createUser();
    const created = await createGpt({ actor: owner, input: draft });
    await prisma.gpt.update({ where: { id: created.id }, data: { status: "REMOVED" } });
    const error = await appErrorOf(
      publishGpt({ actor: owner, gptId: created.id, input: { visibility: "PUBLIC" } }),
    );
    expect(error.code).toBe("forbidden");
    expect(await prisma.gptVersion.count({ where: { gptId: created.id } })).toBe(0);
  });
});

describe("[BUILDER]: concurrency and moderation edges", () => {
  it("numbers two simultaneous publishes 1 and 2 instead of failing", async () => {
    const owner = await createUser();
    const gpt = await createGpt({ actor: owner, input: { name: "Racer" } });
    const results = await Promise.all([
      publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PUBLIC" } }),
      publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PUBLIC" } }),
    ]);
    expect(results.map((result) => result.number).sort()).toEqual([1, 2]);
  });

  it("hides a banned creator's GPTs from the store and their pages, except for admins", async () => {
    const owner = await createUser();
    const gpt = await createGpt({ actor: owner, input: { name: "Banned creator GPT" } });
    const { slug } = await publishGpt({
      actor: owner,
      gptId: gpt.id,
      input: { visibility: "PUBLIC" },
    });
    await prisma.user.update({ where: { id: owner.id }, data: { bannedAt: new Date() } });
    expect(await listedGptIds()).not.toContain(gpt.id);
    const visitor = await createUser("Visitor");
    expect(await getGptPage({ actor: visitor, slug })).toBeNull();
    expect(await getGptPage({ actor: { ...visitor, role: "ADMIN" }, slug })).not.toBeNull();
  });
});
