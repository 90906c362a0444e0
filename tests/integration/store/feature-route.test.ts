import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as featureRoute } from "@/app/api/admin/gpts/[id]/feature/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { getStoreHome } from "@/lib/store/home-queries";
import { createActor } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";
import { createCreator, publishListedGpt } from "./store-helpers";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let admin: Actor;
let user: Actor;
let listedId: string;
let privateId: string;

const feature = (id: string, body: unknown) =>
  featureRoute(
    appRequest(`/api/admin/gpts/${id}/feature`, { method: "POST", body }),
    segment({ id }),
  );

beforeAll(async () => {
  admin = await createActor({ role: "ADMIN" });
  user = await createActor();
  const creator = await createCreator("Feature Maker");
  listedId = (await publishListedGpt(creator, { name: "Featurable" })).id;
  privateId = (await publishListedGpt(creator, { name: "Secret", visibility: "PRIVATE" })).id;
});

describe("[STORE]: feature route", () => {
  it("[STORE]: signed out gets 401 and a non-admin 403, and nothing changes", async () => {
    setSessionActor(null);
    expect((await feature(listedId, { featured: true })).status).toBe(401);
    setSessionActor(user);
    expect((await feature(listedId, { featured: true })).status).toBe(403);
    expect((await prisma.gpt.findUniqueOrThrow({ where: { id: listedId } })).featuredAt).toBeNull();
  });

  it("[STORE]: an admin features a listed GPT (audited) and it leads the Featured row; unfeature removes it", async () => {
    setSessionActor(admin);
    const response = await feature(listedId, { featured: true });
    expect(response.status).toBe(200);
    expect((await response.json()).gpt.featuredAt).toEqual(expect.any(String));
    const featured = (await getStoreHome()).rows.find((row) => row.id === "featured");
    expect(featured?.gpts[0]?.id).toBe(listedId);
    const audit = await prisma.auditLog.findFirst({
      where: { action: "gpt.feature", targetId: listedId, actorId: admin.id },
    });
    expect(audit).not.toBeNull();

    expect((await feature(listedId, { featured: false })).status).toBe(200);
    expect((await getStoreHome()).rows.find((row) => row.id === "featured")).toBeUndefined();
  });

  it("[STORE]: only listed GPTs can be featured; bad bodies and unknown GPTs are refused", async () => {
    setSessionActor(admin);
    const refused = await feature(privateId, { featured: true });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/listed/);
    const bad = await feature(listedId, { featured: "yes" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fieldErrors.featured).toBeDefined();
    expect((await feature("no-such-gpt", { featured: true })).status).toBe(404);
  });
});
