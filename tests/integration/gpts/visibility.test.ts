import { describe, expect, it, vi } from "vitest";
import { POST as chatRoute } from "@/app/api/chat/route";
import { POST as publishRoute } from "@/app/api/gpts/[id]/publish/route";
import { PUT as visibilityRoute } from "@/app/api/gpts/[id]/visibility/route";
import { GET as getProfileRoute, PUT as putProfileRoute } from "@/app/api/me/builder-profile/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createGpt } from "@/lib/gpts/create-gpt";
import { getGptPage } from "@/lib/gpts/gpt-page-query";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import { setGptVisibility } from "@/lib/gpts/set-gpt-visibility";
import { updateBuilderProfile } from "@/lib/users/update-builder-profile";
import { expectAppError } from "../../support/app-error";
import { createActor, ensureBuilderProfile } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";
import { listedGptIds } from "../../support/store-list";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

async function publishedGpt(owner: Actor, visibility: "PRIVATE" | "LINK" | "PUBLIC") {
  const gpt = await createGpt({
    actor: owner,
    input: { name: `Harbour Guide ${visibility}`, instructions: "SECRET harbour notes" },
  });
  await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility } });
  return gpt;
}

async function isInStore(gptId: string) {
  return (await listedGptIds()).includes(gptId);
}

describe("[SHARING]: who can open a GPT", () => {
  it("a private GPT is a 404 for everyone but its owner, on the page and in chat", async () => {
    const owner = await createActor();
    const other = await createActor();
    const gpt = await publishedGpt(owner, "PRIVATE");

    expect(await getGptPage({ actor: other, slug: gpt.slug })).toBeNull();
    expect(await getGptPage({ actor: null, slug: gpt.slug })).toBeNull();
    expect(await getGptPage({ actor: owner, slug: gpt.slug })).toMatchObject({ isOwner: true });
    expect(await isInStore(gpt.id)).toBe(false);

    setSessionActor(other);
    const response = await chatRoute(
      appRequest("/api/test", {
        method: "POST",
        body: { gptId: gpt.id, message: { text: "Hello?" } },
      }),
      segment({}),
    );
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("SECRET");
    expect(await prisma.conversation.count({ where: { gptId: gpt.id } })).toBe(0);
  });

  it("a link GPT opens for anyone with the link but is not listed in the store", async () => {
    const owner = await createActor();
    const other = await createActor();
    const gpt = await publishedGpt(owner, "LINK");

    expect(await getGptPage({ actor: other, slug: gpt.slug })).toMatchObject({
      visibility: "LINK",
      isListed: false,
    });
    expect(await getGptPage({ actor: null, slug: gpt.slug })).not.toBeNull();
    expect(await isInStore(gpt.id)).toBe(false);
  });

  it("applies a visibility change at once, without publishing a new version", async () => {
    const owner = await createActor();
    await ensureBuilderProfile(owner);
    const other = await createActor();
    const gpt = await publishedGpt(owner, "PUBLIC");
    expect(await isInStore(gpt.id)).toBe(true);

    await setGptVisibility({ actor: owner, gptId: gpt.id, input: { visibility: "PRIVATE" } });
    expect(await getGptPage({ actor: other, slug: gpt.slug })).toBeNull();
    expect(await isInStore(gpt.id)).toBe(false);

    await setGptVisibility({ actor: owner, gptId: gpt.id, input: { visibility: "LINK" } });
    expect(await getGptPage({ actor: other, slug: gpt.slug })).toMatchObject({ isListed: false });

    setSessionActor(owner);
    const response = await visibilityRoute(
      appRequest("/api/test", { method: "PUT", body: { visibility: "PUBLIC" } }),
      segment({ id: gpt.id }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      visibility: "PUBLIC",
      listing: { status: "LISTED", findings: [] },
    });
    expect(await isInStore(gpt.id)).toBe(true);

    expect(await prisma.gptVersion.count({ where: { gptId: gpt.id } })).toBe(1);
    const invalid = await visibilityRoute(
      appRequest("/api/test", { method: "PUT", body: { visibility: "EVERYONE" } }),
      segment({ id: gpt.id }),
    );
    expect(invalid.status).toBe(400);
  });

  it("a visibility change on an unpublished GPT shows nothing to others until it is published", async () => {
    const owner = await createActor();
    const other = await createActor();
    const gpt = await createGpt({ actor: owner, input: { name: "Not yet" } });
    await setGptVisibility({ actor: owner, gptId: gpt.id, input: { visibility: "LINK" } });
    expect(await getGptPage({ actor: other, slug: gpt.slug })).toBeNull();
  });
});

describe("[SHARING]: public needs a builder profile", () => {
  it("refuses PUBLIC without a display name (visibility and publish), with a field error", async () => {
    const owner = await createActor();
    const gpt = await publishedGpt(owner, "LINK");

    const refused = await expectAppError(
      setGptVisibility({ actor: owner, gptId: gpt.id, input: { visibility: "PUBLIC" } }),
      "bad_request",
    );
    expect(refused.message).toMatch(/display name/i);
    expect(refused.fieldErrors).toHaveProperty("displayName");
    await expectAppError(
      publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PUBLIC" } }),
      "bad_request",
    );
    expect(await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } })).toMatchObject({
      visibility: "LINK",
    });
    expect(await prisma.gptVersion.count({ where: { gptId: gpt.id } })).toBe(1);
    expect(await prisma.builderProfile.count({ where: { userId: owner.id } })).toBe(0);

    setSessionActor(owner);
    const viaRoute = await visibilityRoute(
      appRequest("/api/test", { method: "PUT", body: { visibility: "PUBLIC" } }),
      segment({ id: gpt.id }),
    );
    expect(viaRoute.status).toBe(400);
    expect((await viaRoute.json()).error.fieldErrors).toHaveProperty("displayName");
    const publishViaRoute = await publishRoute(
      appRequest("/api/test", { method: "POST", body: { visibility: "PUBLIC" } }),
      segment({ id: gpt.id }),
    );
    expect(publishViaRoute.status).toBe(400);

    await updateBuilderProfile({ actor: owner, input: { displayName: "Harbour Master" } });
    await setGptVisibility({ actor: owner, gptId: gpt.id, input: { visibility: "PUBLIC" } });
    expect(await getGptPage({ actor: null, slug: gpt.slug })).toMatchObject({
      isListed: true,
      creatorName: "Harbour Master",
    });
  });

  it("GET/PUT /api/me/builder-profile: suggests the account name, trims, and validates 1-50 chars", async () => {
    const owner = await createActor({ name: "  Ada Lovelace " });
    setSessionActor(owner);

    const initial = await getProfileRoute(appRequest("/api/test"), segment({}));
    expect(await initial.json()).toEqual({ profile: null, suggestedDisplayName: "Ada Lovelace" });

    const empty = await putProfileRoute(
      appRequest("/api/test", { method: "PUT", body: { displayName: "   " } }),
      segment({}),
    );
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.fieldErrors).toHaveProperty("displayName");
    const tooLong = await putProfileRoute(
      appRequest("/api/test", { method: "PUT", body: { displayName: "x".repeat(51) } }),
      segment({}),
    );
    expect(tooLong.status).toBe(400);

    const saved = await putProfileRoute(
      appRequest("/api/test", { method: "PUT", body: { displayName: "  Countess Ada  " } }),
      segment({}),
    );
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ profile: { displayName: "Countess Ada" } });
    const renamed = await putProfileRoute(
      appRequest("/api/test", { method: "PUT", body: { displayName: "Ada" } }),
      segment({}),
    );
    expect(await renamed.json()).toEqual({ profile: { displayName: "Ada" } });
    expect(await prisma.builderProfile.count({ where: { userId: owner.id } })).toBe(1);

    const after = await getProfileRoute(appRequest("/api/test"), segment({}));
    expect((await after.json()).profile).toEqual({ displayName: "Ada" });

    setSessionActor(null);
    expect((await getProfileRoute(appRequest("/api/test"), segment({}))).status).toBe(401);
  });
});
