import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as publishRoute } from "@/app/api/gpts/[id]/publish/route";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/gpts/[id]/route";
import { POST as createRoute } from "@/app/api/gpts/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let owner: Actor;
let other: Actor;

async function createViaApi(body: unknown = { name: "Route GPT", instructions: "Top secret" }) {
  const response = await createRoute(
    appRequest("/api/gpts", { method: "POST", body }),
    segment({}),
  );
  return { response, body: await response.json() };
}

beforeEach(async () => {
  if (!owner) {
    const ownerRow = await prisma.user.create({
      data: {
        email: "route-owner@example.com",
        name: "Owner",
        // Publishing publicly needs a builder profile.
        builderProfile: { create: { displayName: "Owner", handle: "route-owner" } },
      },
    });
    const otherRow = await prisma.user.create({
      data: { email: "route-other@example.com", name: "Other" },
    });
    owner = { id: ownerRow.id, email: ownerRow.email, name: ownerRow.name, role: "USER" };
    other = { id: otherRow.id, email: otherRow.email, name: otherRow.name, role: "USER" };
  }
  setSessionActor(owner);
});

describe("[BUILDER]: GPT API routes", () => {
  it("POST /api/gpts creates a draft → 201 { id, slug, revision }", async () => {
    const { response, body } = await createViaApi();
    expect(response.status).toBe(201);
    expect(body).toEqual({
      id: expect.any(String),
      slug: expect.stringMatching(/^route-gpt-/),
      revision: 1,
    });
  });

  it("answers 401 to signed-out requests before reading the body", async () => {
    setSessionActor(null);
    const response = await createRoute(
      appRequest("/api/gpts", { method: "POST", body: { name: "x" } }),
      segment({}),
    );
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized");
    const patch = await patchRoute(
      appRequest("/api/gpts/any", { method: "PATCH", body: {} }),
      segment({ id: "any" }),
    );
    expect(patch.status).toBe(401);
  });

  it("returns field errors keyed like the form fields", async () => {
    const { response, body } = await createViaApi({
      name: "",
      conversationStarters: ["ok", "s".repeat(201)],
    });
    expect(response.status).toBe(400);
    expect(body.error.code).toBe("bad_request");
    expect(Object.keys(body.error.fieldErrors).sort()).toEqual(["conversationStarters.1", "name"]);
  });

  it("PATCH saves the draft → { revision }, and a stale revision → 409", async () => {
    const { body: created } = await createViaApi();
    const url = `/api/gpts/${created.id}`;
    const saved = await patchRoute(
      appRequest(url, { method: "PATCH", body: { name: "Renamed", revision: created.revision } }),
      segment({ id: created.id }),
    );
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ revision: 2 });

    const stale = await patchRoute(
      appRequest(url, { method: "PATCH", body: { name: "Stale", revision: created.revision } }),
      segment({ id: created.id }),
    );
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe("conflict");
  });

  it("GET returns the owner's editor payload and 404 to anyone else", async () => {
    const { body: created } = await createViaApi();
    const mine = await getRoute(appRequest(`/api/gpts/${created.id}`), segment({ id: created.id }));
    expect(mine.status).toBe(200);
    expect((await mine.json()).gpt).toMatchObject({
      id: created.id,
      instructions: "Top secret",
      revision: 1,
    });

    setSessionActor(other);
    const theirs = await getRoute(
      appRequest(`/api/gpts/${created.id}`),
      segment({ id: created.id }),
    );
    expect(theirs.status).toBe(404);
    expect(JSON.stringify(await theirs.json())).not.toContain("Top secret");
  });

  it("a non-owner's PATCH and publish are 404 and change nothing", async () => {
    const { body: created } = await createViaApi();
    setSessionActor(other);
    const patch = await patchRoute(
      appRequest(`/api/gpts/${created.id}`, {
        method: "PATCH",
        body: { name: "Hijacked", revision: 1 },
      }),
      segment({ id: created.id }),
    );
    expect(patch.status).toBe(404);
    const publish = await publishRoute(
      appRequest(`/api/gpts/${created.id}/publish`, {
        method: "POST",
        body: { visibility: "PUBLIC" },
      }),
      segment({ id: created.id }),
    );
    expect(publish.status).toBe(404);
    const gpt = await prisma.gpt.findUniqueOrThrow({ where: { id: created.id } });
    expect(gpt).toMatchObject({ name: "Route GPT", publishedVersionId: null });
  });

  it("POST /api/gpts/:id/publish → { versionId, number, slug, visibility, knowledge file counts }", async () => {
    const { body: created } = await createViaApi();
    const response = await publishRoute(
      appRequest(`/api/gpts/${created.id}/publish`, {
        method: "POST",
        body: {
          visibility: "PUBLIC",
          releaseNote: "v1",
        },
      }),
      segment({ id: created.id }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      versionId: expect.any(String),
      number: 1,
      slug: created.slug,
      visibility: "PUBLIC",
      knowledgeFileCount: 0,
      knowledgeFilesProcessing: 0,
      knowledgeFilesFailed: 0,
      listing: { status: "LISTED", findings: [] },
    });

    const invalid = await publishRoute(
      appRequest(`/api/gpts/${created.id}/publish`, {
        method: "POST",
        body: { visibility: "EVERYONE" },
      }),
      segment({ id: created.id }),
    );
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.fieldErrors).toHaveProperty("visibility");
  });
});
