import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as remixRoute } from "@/app/api/gpts/[id]/remix/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { storageDir } from "@/lib/env";
import { deleteGpt } from "@/lib/gpts/delete-gpt";
import { getGptPage } from "@/lib/gpts/gpt-page-query";
import { getGptForEditor } from "@/lib/gpts/queries";
import { remixGpt } from "@/lib/gpts/remix-gpt";
import { updateGptDraft } from "@/lib/gpts/update-gpt-draft";
import { getObject, putObject, randomKeyPart } from "@/lib/storage/storage";
import { expectAppError } from "../../support/app-error";
import { createActor, createPublishedGpt, ensureBuilderProfile } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

const actors: Actor[] = [];
/** A user with a builder profile (public GPTs need a creator display name). */
async function person(name: string) {
  const actor = await createActor({ name });
  await ensureBuilderProfile(actor, name);
  actors.push(actor);
  return actor;
}

afterAll(async () => {
  for (const actor of actors) {
    await rm(path.join(storageDir, "avatars", actor.id), { recursive: true, force: true });
  }
});

beforeEach(() => setSessionActor(null));

/** A published GPT whose owner allows remixing, with a draft that has moved on since. */
async function remixableGpt(owner: Actor, options: { allowRemix?: boolean } = {}) {
  const gpt = await createPublishedGpt(owner, {
    name: "Published Tutor",
    instructions: "PUBLISHED-INSTRUCTIONS",
  });
  const row = await prisma.gpt.update({
    where: { id: gpt.id },
    data: { allowRemix: options.allowRemix ?? true },
    select: { revision: true },
  });
  await updateGptDraft({
    actor: owner,
    gptId: gpt.id,
    input: {
      name: "Draft Tutor",
      instructions: "DRAFT-INSTRUCTIONS",
      conversationStarters: ["Draft starter"],
      allowRemix: options.allowRemix ?? true,
      revision: row.revision,
    },
  });
  return gpt;
}

describe("[BUILDER]: remix", () => {
  it("copies the published version (not the draft) into a private draft of the remixer's, credited to the original", async () => {
    const owner = await person("Owner");
    const remixer = await person("Remixer");
    const original = await remixableGpt(owner);

    const remix = await remixGpt({ actor: remixer, gptId: original.id });

    const copy = await prisma.gpt.findUniqueOrThrow({ where: { id: remix.id } });
    expect(copy).toMatchObject({
      ownerId: remixer.id,
      name: "Published Tutor",
      instructions: "PUBLISHED-INSTRUCTIONS",
      conversationStarters: ["Hello"],
      visibility: "PRIVATE",
      publishedVersionId: null,
      remixedFromId: original.id,
      allowRemix: false,
      remixCount: 0,
    });
    expect(copy.slug).not.toBe(original.slug);
    const source = await prisma.gpt.findUniqueOrThrow({ where: { id: original.id } });
    expect(source.remixCount).toBe(1);
    // The original's draft is untouched.
    expect(source.instructions).toBe("DRAFT-INSTRUCTIONS");

    const editor = await getGptForEditor({ actor: remixer, gptId: remix.id });
    expect(editor?.remixedFrom).toEqual({ slug: original.slug, name: "Published Tutor" });
  });

  it("counts every remix in the original's remix count", async () => {
    const owner = await person("Owner");
    const original = await remixableGpt(owner);
    await remixGpt({ actor: await person("A"), gptId: original.id });
    await remixGpt({ actor: await person("B"), gptId: original.id });
    const page = await getGptPage({ actor: null, slug: original.slug });
    expect(page?.remixCount).toBe(2);
  });

  it("is forbidden when the owner does not allow remixing, and changes nothing", async () => {
    const owner = await person("Owner");
    const remixer = await person("Remixer");
    const original = await remixableGpt(owner, { allowRemix: false });
    const before = await prisma.gpt.count();

    const error = await expectAppError(
      remixGpt({ actor: remixer, gptId: original.id }),
      "forbidden",
    );
    expect(error.message).toMatch(/doesn’t allow remixing/);
    expect(await prisma.gpt.count()).toBe(before);
    const source = await prisma.gpt.findUniqueOrThrow({ where: { id: original.id } });
    expect(source.remixCount).toBe(0);
  });

  it("treats private, never-published, removed, deleted and banned-owner GPTs as not found", async () => {
    const owner = await person("Owner");
    const remixer = await person("Remixer");
    const cases = [
      { visibility: "PRIVATE" as const },
      { publishedVersionId: null },
      { status: "REMOVED" as const },
      { deletedAt: new Date() },
    ];
    for (const data of cases) {
      const gpt = await remixableGpt(owner);
      await prisma.gpt.update({ where: { id: gpt.id }, data });
      await expectAppError(remixGpt({ actor: remixer, gptId: gpt.id }), "not_found");
    }
    const banned = await person("Banned");
    const bannedGpt = await remixableGpt(banned);
    await prisma.user.update({ where: { id: banned.id }, data: { bannedAt: new Date() } });
    await expectAppError(remixGpt({ actor: remixer, gptId: bannedGpt.id }), "not_found");
    await expectAppError(remixGpt({ actor: remixer, gptId: "no-such-gpt" }), "not_found");
  });

  it("copies the avatar file into the remixer's own folder", async () => {
    const owner = await person("Owner");
    const remixer = await person("Remixer");
    const avatarKey = `avatars/${owner.id}/${randomKeyPart()}.webp`;
    await putObject(avatarKey, new Uint8Array([1, 2, 3, 4]));
    const original = await createPublishedGpt(owner);
    await prisma.gpt.update({ where: { id: original.id }, data: { allowRemix: true } });
    await prisma.gptVersion.updateMany({ where: { gptId: original.id }, data: { avatarKey } });

    const remix = await remixGpt({ actor: remixer, gptId: original.id });
    const copy = await prisma.gpt.findUniqueOrThrow({ where: { id: remix.id } });
    expect(copy.avatarKey).toMatch(new RegExp(`^avatars/${remixer.id}/[A-Za-z0-9_-]+\\.webp$`));
    expect([...((await getObject(copy.avatarKey!)) ?? [])]).toEqual([1, 2, 3, 4]);
  });

  it("POST /api/gpts/:id/remix → 201 { id }, 403 when not allowed, 404 for a private GPT, 401 signed out", async () => {
    const owner = await person("Owner");
    const remixer = await person("Remixer");
    const allowed = await remixableGpt(owner);
    const refused = await remixableGpt(owner, { allowRemix: false });
    const hidden = await remixableGpt(owner);
    await prisma.gpt.update({ where: { id: hidden.id }, data: { visibility: "PRIVATE" } });
    const post = (id: string) =>
      remixRoute(appRequest(`/api/gpts/${id}/remix`, { method: "POST" }), segment({ id }));

    expect((await post(allowed.id)).status).toBe(401);
    setSessionActor(remixer);
    const created = await post(allowed.id);
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect((await prisma.gpt.findUniqueOrThrow({ where: { id } })).ownerId).toBe(remixer.id);
    const forbidden = await post(refused.id);
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.message).toMatch(/doesn’t allow remixing/);
    expect((await post(hidden.id)).status).toBe(404);
  });
});

describe("[BUILDER]: the GPT page shows settings only when the owner allows remixing", () => {
  it("includes the published instructions, starters, model and capabilities only with allowRemix", async () => {
    const owner = await person("Owner");
    const visitor = await person("Visitor");
    const closed = await remixableGpt(owner, { allowRemix: false });
    const open = await remixableGpt(owner);

    for (const actor of [visitor, null]) {
      const closedPage = await getGptPage({ actor, slug: closed.slug });
      expect(closedPage?.settings).toBeNull();
      expect(JSON.stringify(closedPage)).not.toContain("INSTRUCTIONS");
      expect(closedPage?.isRemixable).toBe(false);

      const openPage = await getGptPage({ actor, slug: open.slug });
      expect(openPage?.settings).toEqual({
        instructions: "PUBLISHED-INSTRUCTIONS",
        conversationStarters: ["Hello"],
        modelName: null,
        capabilities: [],
      });
      // Never the draft's.
      expect(JSON.stringify(openPage)).not.toContain("DRAFT-INSTRUCTIONS");
      expect(openPage?.isRemixable).toBe(true);
    }
  });

  it("shows 'Remixed from' only while the original is viewable, by its published name", async () => {
    const owner = await person("Owner");
    const remixer = await person("Remixer");
    const visitor = await person("Visitor");
    const original = await remixableGpt(owner);
    const remix = await remixGpt({ actor: remixer, gptId: original.id });
    await prisma.gpt.update({ where: { id: remix.id }, data: { visibility: "PUBLIC" } });
    const version = await prisma.gptVersion.create({
      data: {
        gptId: remix.id,
        number: 1,
        name: "My remix",
        description: "",
        instructions: "",
        conversationStarters: [],
      },
    });
    await prisma.gpt.update({ where: { id: remix.id }, data: { publishedVersionId: version.id } });

    const page = await getGptPage({ actor: visitor, slug: remix.slug });
    expect(page?.remixedFrom).toEqual({ slug: original.slug, name: "Published Tutor" });

    await prisma.gpt.update({ where: { id: original.id }, data: { visibility: "PRIVATE" } });
    expect((await getGptPage({ actor: visitor, slug: remix.slug }))?.remixedFrom).toBeNull();
    expect((await getGptForEditor({ actor: remixer, gptId: remix.id }))?.remixedFrom).toBeNull();

    await prisma.gpt.update({ where: { id: original.id }, data: { visibility: "PUBLIC" } });
    await deleteGpt({ actor: owner, gptId: original.id });
    expect((await getGptPage({ actor: visitor, slug: remix.slug }))?.remixedFrom).toBeNull();
  });
});
