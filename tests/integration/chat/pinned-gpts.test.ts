import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DELETE as unpinRoute } from "@/app/api/me/pinned-gpts/[gptId]/route";
import { GET as listRoute, POST as pinRoute } from "@/app/api/me/pinned-gpts/route";
import type { Actor } from "@/lib/auth/session";
import { pinGpt } from "@/lib/chat/pins/pin-gpt";
import { listPinnedGpts } from "@/lib/chat/pins/queries";
import { unpinGpt } from "@/lib/chat/pins/unpin-gpt";
import { prisma } from "@/lib/db";
import { createGpt } from "@/lib/gpts/create-gpt";
import { createActor, createPublishedGpt } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let owner: Actor;
let user: Actor;

beforeAll(async () => {
  owner = await createActor();
  user = await createActor();
});
beforeEach(() => setSessionActor(user));

const names = async (actor: Actor) => (await listPinnedGpts({ actor })).map((tile) => tile.name);

describe("[CHAT]: pinned GPTs", () => {
  it("pins a viewable GPT once however often it is pinned, and unpins it", async () => {
    const gpt = await createPublishedGpt(owner, { name: "Pin Me" });
    const tile = await pinGpt({ actor: user, gptId: gpt.id });
    expect(tile).toMatchObject({ gptId: gpt.id, slug: gpt.slug, name: "Pin Me" });
    await pinGpt({ actor: user, gptId: gpt.id });
    expect(await prisma.pinnedGpt.count({ where: { userId: user.id, gptId: gpt.id } })).toBe(1);
    expect(await names(user)).toContain("Pin Me");

    await unpinGpt({ actor: user, gptId: gpt.id });
    await unpinGpt({ actor: user, gptId: gpt.id });
    expect(await names(user)).not.toContain("Pin Me");
  });

  it("refuses a GPT the actor cannot open: someone else's private draft, or an unknown id", async () => {
    const draft = await createGpt({ actor: owner, input: { name: "Owner's draft" } });
    await expect(pinGpt({ actor: user, gptId: draft.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(pinGpt({ actor: user, gptId: "nope" })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await prisma.pinnedGpt.count({ where: { userId: user.id, gptId: draft.id } })).toBe(0);
  });

  it("leaves out a pinned GPT that was removed or made private, and shows it again when restored", async () => {
    const gpt = await createPublishedGpt(owner, { name: "Fragile" });
    await pinGpt({ actor: user, gptId: gpt.id });
    await prisma.gpt.update({ where: { id: gpt.id }, data: { status: "REMOVED" } });
    expect(await names(user)).not.toContain("Fragile");
    await prisma.gpt.update({
      where: { id: gpt.id },
      data: { status: "ACTIVE", visibility: "PRIVATE" },
    });
    expect(await names(user)).not.toContain("Fragile");
    await prisma.gpt.update({ where: { id: gpt.id }, data: { visibility: "PUBLIC" } });
    expect(await names(user)).toContain("Fragile");
  });

  it("keeps each user's pins to themselves", async () => {
    const other = await createActor();
    const gpt = await createPublishedGpt(owner, { name: "Mine Only" });
    await pinGpt({ actor: user, gptId: gpt.id });
    expect(await names(other)).not.toContain("Mine Only");
    await unpinGpt({ actor: other, gptId: gpt.id });
    expect(await names(user)).toContain("Mine Only");
  });
});

describe("[CHAT]: pinned GPT routes", () => {
  it("GET, POST and DELETE need a signed-in user", async () => {
    setSessionActor(null);
    expect((await listRoute(appRequest("/api/me/pinned-gpts"), segment({}))).status).toBe(401);
    expect(
      (
        await pinRoute(
          appRequest("/api/me/pinned-gpts", { method: "POST", body: { gptId: "x" } }),
          segment({}),
        )
      ).status,
    ).toBe(401);
    expect(
      (
        await unpinRoute(
          appRequest("/api/me/pinned-gpts/x", { method: "DELETE" }),
          segment({ gptId: "x" }),
        )
      ).status,
    ).toBe(401);
  });

  it("pins through POST, lists through GET, unpins through DELETE; a private GPT is 404", async () => {
    const gpt = await createPublishedGpt(owner, { name: "Route Pin" });
    const draft = await createGpt({ actor: owner, input: { name: "Hidden draft" } });
    const pinned = await pinRoute(
      appRequest("/api/me/pinned-gpts", { method: "POST", body: { gptId: gpt.id } }),
      segment({}),
    );
    expect(pinned.status).toBe(200);
    expect((await pinned.json()).pinnedGpt.name).toBe("Route Pin");
    const refused = await pinRoute(
      appRequest("/api/me/pinned-gpts", { method: "POST", body: { gptId: draft.id } }),
      segment({}),
    );
    expect(refused.status).toBe(404);
    const invalid = await pinRoute(
      appRequest("/api/me/pinned-gpts", { method: "POST", body: {} }),
      segment({}),
    );
    expect(invalid.status).toBe(400);

    const listed = await (await listRoute(appRequest("/api/me/pinned-gpts"), segment({}))).json();
    expect(listed.pinnedGpts.map((tile: { gptId: string }) => tile.gptId)).toContain(gpt.id);

    // The owner of the GPT cannot remove the user's pin: DELETE only touches the caller's pins.
    setSessionActor(owner);
    await unpinRoute(
      appRequest(`/api/me/pinned-gpts/${gpt.id}`, { method: "DELETE" }),
      segment({ gptId: gpt.id }),
    );
    expect(await names(user)).toContain("Route Pin");

    setSessionActor(user);
    const removed = await unpinRoute(
      appRequest(`/api/me/pinned-gpts/${gpt.id}`, { method: "DELETE" }),
      segment({ gptId: gpt.id }),
    );
    expect(removed.status).toBe(200);
    expect(await names(user)).not.toContain("Route Pin");
  });
});
