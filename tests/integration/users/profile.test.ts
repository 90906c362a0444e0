import { describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createGpt } from "@/lib/gpts/create-gpt";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import { initialHandle } from "@/lib/users/handle";
import { getCreatorProfile, getMyProfile } from "@/lib/users/profile-queries";
import { updateBuilderProfile } from "@/lib/users/update-builder-profile";
import { updateProfile } from "@/lib/users/update-profile";
import { expectAppError } from "../../support/app-error";
import { createActor, createPublishedGpt, ensureBuilderProfile } from "../../support/factories";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let sequence = 0;
function uniqueHandle(prefix = "maker"): string {
  sequence += 1;
  return `${prefix}-${Date.now().toString(36)}-${sequence}`;
}

async function saveProfile(actor: Actor, fields: Record<string, unknown> = {}) {
  return updateProfile({
    actor,
    input: { handle: uniqueHandle(), displayName: actor.name ?? "Maker", ...fields },
  });
}

describe("[PROFILE]: saving profile settings", () => {
  it("the first save creates the profile; before it the settings show suggestions", async () => {
    const actor = await createActor({ name: "Grace Hopper" });
    const before = await getMyProfile({ actor });
    expect(before).toMatchObject({ isSaved: false, displayName: "Grace Hopper", bio: null });
    expect(before.handle).toMatch(/^grace-hopper-[0-9a-f]{6}$/);

    const handle = uniqueHandle("grace");
    const saved = await updateProfile({
      actor,
      input: { handle, displayName: "Grace", bio: "Compilers.", website: "Grace.example.com" },
    });
    expect(saved).toMatchObject({
      isSaved: true,
      handle,
      displayName: "Grace",
      bio: "Compilers.",
      website: "https://grace.example.com",
    });
    expect(await getMyProfile({ actor })).toEqual(saved);
  });

  it("a handle another creator holds is a 409 'That handle is taken', whatever its case", async () => {
    const first = await createActor();
    const second = await createActor();
    const handle = uniqueHandle("taken");
    await saveProfile(first, { handle });

    const error = await expectAppError(
      saveProfile(second, { handle: handle.toUpperCase() }),
      "conflict",
    );
    expect(error.message).toMatch(/That handle is taken/);
    expect(error.fieldErrors?.handle).toEqual(["That handle is taken."]);
    // Saving one's own handle again is not a conflict.
    await expect(saveProfile(first, { handle, bio: "Still mine." })).resolves.toMatchObject({
      handle,
      bio: "Still mine.",
    });
  });

  it("refuses reserved and malformed handles, too-long bios and non-web websites", async () => {
    const actor = await createActor();
    const reserved = await expectAppError(
      saveProfile(actor, { handle: "settings" }),
      "bad_request",
    );
    expect(reserved.fieldErrors?.handle?.[0]).toMatch(/reserved/);

    const spaced = await expectAppError(saveProfile(actor, { handle: "my name" }), "bad_request");
    expect(spaced.fieldErrors?.handle?.[0]).toMatch(/lower-case letters a-z, digits and hyphens/);

    const bio = await expectAppError(saveProfile(actor, { bio: "x".repeat(301) }), "bad_request");
    expect(bio.fieldErrors?.bio).toEqual(["Keep the bio to 300 characters."]);

    const site = await expectAppError(
      saveProfile(actor, { website: "javascript:alert(1)" }),
      "bad_request",
    );
    expect(site.fieldErrors?.website).toEqual(["Use an http:// or https:// address."]);
    expect(await prisma.builderProfile.findUnique({ where: { userId: actor.id } })).toBeNull();
  });

  it("a display-name change reaches the search documents of the creator's GPTs", async () => {
    const owner = await createActor({ name: "Old Name" });
    const gpt = await createPublishedGpt(owner, { name: "Harbour Pilot" });
    await saveProfile(owner, { displayName: "Nautilus Workshop" });
    const row = await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } });
    expect(row.searchText).toContain("nautilus workshop");
  });

  it("the publish dialog's display-name save still works and keeps the chosen handle", async () => {
    const actor = await createActor();
    const handle = uniqueHandle("keep");
    await saveProfile(actor, { handle });
    await updateBuilderProfile({ actor, input: { displayName: "Renamed" } });
    expect(await getMyProfile({ actor })).toMatchObject({ handle, displayName: "Renamed" });
  });
});

describe("[PROFILE]: the publish flow's first profile", () => {
  it("gets another handle when someone already chose the suggested one", async () => {
    const squatter = await createActor();
    const actor = await createActor();
    const suggested = initialHandle("Ada Maker", actor.id);
    await saveProfile(squatter, { handle: suggested });

    await updateBuilderProfile({ actor, input: { displayName: "Ada Maker" } });
    const profile = await getMyProfile({ actor });
    expect(profile).toMatchObject({ isSaved: true, displayName: "Ada Maker" });
    expect(profile.handle).not.toBe(suggested);
    expect(profile.handle).toMatch(/^ada-maker-[0-9a-f]{6}$/);
  });
});

describe("[PROFILE]: the public creator profile", () => {
  async function gptWith(owner: Actor, name: string, visibility: "PRIVATE" | "LINK" | "PUBLIC") {
    const gpt = await createGpt({ actor: owner, input: { name, instructions: "Be brief." } });
    await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility } });
    return gpt;
  }

  it("lists only the creator's listed GPTs, with totals over them", async () => {
    const owner = await createActor({ name: "Ada" });
    const handle = uniqueHandle("ada");
    await saveProfile(owner, { handle, bio: "Engines.", website: "https://ada.example" });
    const listed = await gptWith(owner, "Listed One", "PUBLIC");
    const second = await gptWith(owner, "Listed Two", "PUBLIC");
    await gptWith(owner, "Private One", "PRIVATE");
    await gptWith(owner, "Link One", "LINK");
    const unlisted = await gptWith(owner, "Unlisted One", "PUBLIC");
    const removed = await gptWith(owner, "Removed One", "PUBLIC");
    const deleted = await gptWith(owner, "Deleted One", "PUBLIC");
    await createGpt({ actor: owner, input: { name: "Draft only" } });
    await prisma.gpt.update({ where: { id: unlisted.id }, data: { status: "UNLISTED" } });
    await prisma.gpt.update({ where: { id: removed.id }, data: { status: "REMOVED" } });
    await prisma.gpt.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    await prisma.gpt.update({
      where: { id: listed.id },
      data: { conversationCount: 7, ratingCount: 2, ratingSum: 9 },
    });
    await prisma.gpt.update({
      where: { id: second.id },
      data: { conversationCount: 3, ratingCount: 1, ratingSum: 3 },
    });
    // Hidden GPTs' numbers never leak into the totals.
    await prisma.gpt.update({
      where: { id: unlisted.id },
      data: { conversationCount: 1000, ratingCount: 10, ratingSum: 10 },
    });

    const profile = await getCreatorProfile({ actor: null, handle: handle.toUpperCase() });
    expect(profile).toMatchObject({
      handle,
      displayName: "Ada",
      bio: "Engines.",
      website: "https://ada.example",
      isOwnProfile: false,
      isBanned: false,
      stats: { gptCount: 2, conversationCount: 10, averageRating: 4, ratingCount: 3 },
    });
    expect(profile?.gpts.map((card) => card.name)).toEqual(["Listed One", "Listed Two"]);
    expect(profile?.gpts[0]).toMatchObject({ creatorHandle: handle, creatorName: "Ada" });
    expect((await getCreatorProfile({ actor: owner, handle }))?.isOwnProfile).toBe(true);
  });

  it("a creator without listed GPTs still has a profile, with no cards and zero totals", async () => {
    const owner = await createActor();
    const handle = uniqueHandle("empty");
    await saveProfile(owner, { handle });
    await gptWith(owner, "Only private", "PRIVATE");
    expect(await getCreatorProfile({ actor: null, handle })).toMatchObject({
      gpts: [],
      stats: { gptCount: 0, conversationCount: 0, averageRating: null, ratingCount: 0 },
    });
  });

  it("a banned creator's profile is not found, except for admins", async () => {
    const owner = await createActor();
    const viewer = await createActor();
    const admin = await createActor({ role: "ADMIN" });
    const handle = uniqueHandle("banned");
    await saveProfile(owner, { handle });
    await gptWith(owner, "Banned GPT", "PUBLIC");
    await prisma.user.update({ where: { id: owner.id }, data: { bannedAt: new Date() } });

    expect(await getCreatorProfile({ actor: null, handle })).toBeNull();
    expect(await getCreatorProfile({ actor: viewer, handle })).toBeNull();
    expect(await getCreatorProfile({ actor: admin, handle })).toMatchObject({
      isBanned: true,
      gpts: [],
    });
  });

  it("unknown and malformed handles are not found", async () => {
    expect(await getCreatorProfile({ actor: null, handle: uniqueHandle("nobody") })).toBeNull();
    expect(await getCreatorProfile({ actor: null, handle: "../admin" })).toBeNull();
  });

  it("profiles created by the publish flow get a working handle", async () => {
    const owner = await createActor({ name: "Flow Maker" });
    const profile = await ensureBuilderProfile(owner);
    await createPublishedGpt(owner);
    expect((await getCreatorProfile({ actor: null, handle: profile.handle }))?.stats.gptCount).toBe(
      1,
    );
  });
});
