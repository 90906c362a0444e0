import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as duplicateRoute } from "@/app/api/gpts/[id]/duplicate/route";
import { DELETE as deleteRoute, PATCH as patchRoute } from "@/app/api/gpts/[id]/route";
import { GET as listRoute } from "@/app/api/gpts/route";
import { listGptsForAdmin } from "@/lib/admin/queries";
import type { Actor } from "@/lib/auth/session";
import { planTurn } from "@/lib/chat/plan-turn";
import { getConversation, listConversations } from "@/lib/chat/queries";
import { chatRequestSchema } from "@/lib/chat/schemas";
import { prisma } from "@/lib/db";
import { storageDir } from "@/lib/env";
import { deleteGpt } from "@/lib/gpts/delete-gpt";
import { copyName, duplicateGpt } from "@/lib/gpts/duplicate-gpt";
import { getGptPage } from "@/lib/gpts/gpt-page-query";
import { getGptForEditor, listMyGpts } from "@/lib/gpts/queries";
import { updateGptDraft } from "@/lib/gpts/update-gpt-draft";
import { getObject, putObject, randomKeyPart } from "@/lib/storage/storage";
import { expectAppError } from "../../support/app-error";
import { createActor, createPublishedGpt, ensureBuilderProfile } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";
import { listedGptIds } from "../../support/store-list";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

const actors: Actor[] = [];
/** A user with a builder profile (public GPTs need a creator display name). */
async function person(name: string, role: Actor["role"] = "USER") {
  const actor = await createActor({ name, role });
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

/** A store conversation with one question and one answer, written directly. */
async function conversationWith(user: Actor, gptId: string) {
  const gpt = await prisma.gpt.findUniqueOrThrow({ where: { id: gptId } });
  return prisma.conversation.create({
    data: {
      userId: user.id,
      gptId,
      versionId: gpt.publishedVersionId,
      title: "Fractions",
      messages: {
        create: [
          { role: "USER", parts: [{ type: "text", text: "What is 1/2 + 1/4?" }] },
          { role: "ASSISTANT", parts: [{ type: "text", text: "It is 3/4." }] },
        ],
      },
    },
  });
}

describe("[BUILDER]: soft delete", () => {
  it("hides a deleted GPT from the store, its page, My GPTs and the editor; admins still see it, marked", async () => {
    const owner = await person("Owner");
    const visitor = await person("Visitor");
    const admin = await person("Admin", "ADMIN");
    const gpt = await createPublishedGpt(owner, { name: "Doomed GPT" });
    expect(await listedGptIds()).toContain(gpt.id);

    await deleteGpt({ actor: owner, gptId: gpt.id });

    expect(await listedGptIds()).not.toContain(gpt.id);
    for (const actor of [owner, visitor, admin, null]) {
      expect(await getGptPage({ actor, slug: gpt.slug })).toBeNull();
    }
    expect((await listMyGpts({ actor: owner })).map((item) => item.id)).not.toContain(gpt.id);
    expect(await getGptForEditor({ actor: owner, gptId: gpt.id })).toBeNull();
    const adminRow = (await listGptsForAdmin({ actor: admin })).gpts.find(
      (row) => row.id === gpt.id,
    );
    expect(adminRow).toMatchObject({ isDeleted: true });
    // The row stays, so its slug is never handed to another GPT.
    expect(await prisma.gpt.findUnique({ where: { slug: gpt.slug } })).not.toBeNull();
  });

  it("keeps conversation history, but the chat refuses new turns", async () => {
    const owner = await person("Owner");
    const user = await person("User");
    const gpt = await createPublishedGpt(owner);
    const conversation = await conversationWith(user, gpt.id);

    await deleteGpt({ actor: owner, gptId: gpt.id });

    const kept = await getConversation({ actor: user, conversationId: conversation.id });
    expect(kept?.messages.map((message) => message.role)).toEqual(["user", "assistant"]);
    expect(kept?.gptVersionName).toBe("Test GPT");
    expect((await listConversations({ actor: user })).map((item) => item.id)).toContain(
      conversation.id,
    );

    const before = await prisma.message.count({ where: { conversationId: conversation.id } });
    for (const body of [
      { gptId: gpt.id, conversationId: conversation.id, message: { text: "And 1/3?" } },
      { gptId: gpt.id, message: { text: "A new chat" } },
    ]) {
      const error = await expectAppError(
        planTurn({ actor: user, request: chatRequestSchema.parse(body) }),
        "forbidden",
      );
      expect(error.message).toBe("This GPT is no longer available.");
    }
    const ownerPreview = chatRequestSchema.parse({
      gptId: gpt.id,
      isPreview: true,
      message: { text: "Preview" },
    });
    await expectAppError(planTurn({ actor: owner, request: ownerPreview }), "forbidden");
    expect(await prisma.message.count({ where: { conversationId: conversation.id } })).toBe(before);
  });

  it("stops the owner from saving the deleted GPT's draft, and deleting it twice", async () => {
    const owner = await person("Owner");
    const gpt = await createPublishedGpt(owner);
    await deleteGpt({ actor: owner, gptId: gpt.id });
    await expectAppError(
      updateGptDraft({ actor: owner, gptId: gpt.id, input: { name: "Back", revision: 1 } }),
      "not_found",
    );
    await expectAppError(deleteGpt({ actor: owner, gptId: gpt.id }), "not_found");
  });

  it("lets nobody but the owner delete or duplicate a GPT, by domain call or by request", async () => {
    const owner = await person("Owner");
    const other = await person("Other");
    const admin = await person("Admin", "ADMIN");
    const gpt = await createPublishedGpt(owner);
    const count = await prisma.gpt.count();

    for (const actor of [other, admin]) {
      await expectAppError(deleteGpt({ actor, gptId: gpt.id }), "not_found");
      await expectAppError(duplicateGpt({ actor, gptId: gpt.id }), "not_found");
      setSessionActor(actor);
      const deleted = await deleteRoute(
        appRequest(`/api/gpts/${gpt.id}`, { method: "DELETE" }),
        segment({ id: gpt.id }),
      );
      expect(deleted.status).toBe(404);
      const duplicated = await duplicateRoute(
        appRequest(`/api/gpts/${gpt.id}/duplicate`, { method: "POST" }),
        segment({ id: gpt.id }),
      );
      expect(duplicated.status).toBe(404);
    }
    setSessionActor(null);
    expect(
      (await deleteRoute(appRequest("/", { method: "DELETE" }), segment({ id: gpt.id }))).status,
    ).toBe(401);
    expect(
      (await duplicateRoute(appRequest("/", { method: "POST" }), segment({ id: gpt.id }))).status,
    ).toBe(401);

    expect(await prisma.gpt.count()).toBe(count);
    expect((await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } })).deletedAt).toBeNull();
  });

  it("DELETE /api/gpts/:id soft-deletes the caller's GPT; GET /api/gpts no longer lists it", async () => {
    const owner = await person("Owner");
    const gpt = await createPublishedGpt(owner);
    setSessionActor(owner);
    const response = await deleteRoute(
      appRequest(`/api/gpts/${gpt.id}`, { method: "DELETE" }),
      segment({ id: gpt.id }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    const list = await (await listRoute(appRequest("/api/gpts"), segment({}))).json();
    expect(list.gpts.map((item: { id: string }) => item.id)).not.toContain(gpt.id);
    // A save from a tab still open on the editor finds nothing.
    const patch = await patchRoute(
      appRequest(`/api/gpts/${gpt.id}`, {
        method: "PATCH",
        body: { name: "Still here?", revision: 1 },
      }),
      segment({ id: gpt.id }),
    );
    expect(patch.status).toBe(404);
  });
});

describe("[BUILDER]: duplicate", () => {
  it("copies the owner's draft into a new private, unpublished GPT named '<name> (copy)'", async () => {
    const owner = await person("Owner");
    const original = await createPublishedGpt(owner, { name: "Tutor" });
    const avatarKey = `avatars/${owner.id}/${randomKeyPart()}.webp`;
    await putObject(avatarKey, new Uint8Array([9, 8, 7]));
    await prisma.gpt.update({
      where: { id: original.id },
      data: {
        instructions: "DRAFT-ONLY",
        conversationStarters: ["One", "Two"],
        avatarKey,
        avatarColor: "#0f766e",
        temperature: 0.3,
        capabilities: ["knowledge"],
        allowRemix: true,
        allowKnowledgeRemix: true,
        remixCount: 5,
      },
    });

    setSessionActor(owner);
    const response = await duplicateRoute(
      appRequest(`/api/gpts/${original.id}/duplicate`, { method: "POST" }),
      segment({ id: original.id }),
    );
    expect(response.status).toBe(201);
    const { id, name } = await response.json();
    expect(name).toBe("Tutor (copy)");

    const copy = await prisma.gpt.findUniqueOrThrow({ where: { id } });
    expect(copy).toMatchObject({
      ownerId: owner.id,
      name: "Tutor (copy)",
      description: "A GPT for tests",
      instructions: "DRAFT-ONLY",
      conversationStarters: ["One", "Two"],
      avatarColor: "#0f766e",
      temperature: 0.3,
      capabilities: ["knowledge"],
      visibility: "PRIVATE",
      publishedVersionId: null,
      allowRemix: false,
      allowKnowledgeRemix: false,
      remixCount: 0,
      conversationCount: 0,
    });
    expect(copy.avatarKey).toMatch(new RegExp(`^avatars/${owner.id}/`));
    expect(copy.avatarKey).not.toBe(avatarKey);
    expect([...((await getObject(copy.avatarKey!)) ?? [])]).toEqual([9, 8, 7]);
    expect(copy.slug).not.toBe(original.slug);
  });

  it("keeps the copy's name within 50 characters", () => {
    const long = "A".repeat(50);
    expect(copyName(long)).toHaveLength(50);
    expect(copyName(long).endsWith(" (copy)")).toBe(true);
    expect(copyName("Short")).toBe("Short (copy)");
  });

  it("refuses to copy a GPT removed by a moderator, or a deleted one", async () => {
    const owner = await person("Owner");
    const removed = await createPublishedGpt(owner);
    await prisma.gpt.update({ where: { id: removed.id }, data: { status: "REMOVED" } });
    await expectAppError(duplicateGpt({ actor: owner, gptId: removed.id }), "forbidden");
    const deleted = await createPublishedGpt(owner);
    await deleteGpt({ actor: owner, gptId: deleted.id });
    await expectAppError(duplicateGpt({ actor: owner, gptId: deleted.id }), "not_found");
  });
});
