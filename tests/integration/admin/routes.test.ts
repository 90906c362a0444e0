import { beforeEach, describe, expect, it, vi } from "vitest";
import { PATCH as patchModel } from "@/app/api/admin/models/[id]/route";
import { POST as createModel, GET as listModels } from "@/app/api/admin/models/route";
import { PATCH as patchUser } from "@/app/api/admin/users/[id]/route";
import { GET as listUsers } from "@/app/api/admin/users/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

const SECRET = "sk-route-secret-456";
let admin: Actor;
let user: Actor;

const validModel = {
  displayName: "Local Llama",
  baseUrl: "http://localhost:11434/v1",
  modelId: "llama3.2",
  apiKey: SECRET,
  inputPricePerMillion: "0",
  outputPricePerMillion: "0",
  contextWindow: "8192",
  isDefault: false,
  isEnabled: true,
};

beforeEach(async () => {
  if (!admin) {
    const adminRow = await prisma.user.create({
      data: { email: "route-admin@example.com", role: "ADMIN" },
    });
    const userRow = await prisma.user.create({ data: { email: "route-user@example.com" } });
    admin = { id: adminRow.id, email: adminRow.email, name: null, role: "ADMIN" };
    user = { id: userRow.id, email: userRow.email, name: null, role: "USER" };
  }
  setSessionActor(admin);
});

describe("[ADMIN]: admin API routes", () => {
  it("POST /api/admin/models returns field errors keyed by path for invalid input", async () => {
    const response = await createModel(
      appRequest("/api/admin/models", {
        method: "POST",
        body: {
          ...validModel,
          displayName: "",
          baseUrl: "not a url",
        },
      }),
      segment({}),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("bad_request");
    expect(Object.keys(body.error.fieldErrors).sort()).toEqual(["baseUrl", "displayName"]);
  });

  it("POST creates (201), GET lists and PATCH toggles, never returning the key", async () => {
    const created = await createModel(
      appRequest("/api/admin/models", { method: "POST", body: validModel }),
      segment({}),
    );
    expect(created.status).toBe(201);
    const createdText = await created.text();
    expect(createdText).not.toContain(SECRET);
    const { model } = JSON.parse(createdText);
    expect(model).toMatchObject({ displayName: "Local Llama", hasApiKey: true, isDefault: true });

    const listed = await listModels(appRequest("/api/admin/models"), segment({}));
    const listedText = await listed.text();
    expect(listedText).not.toContain(SECRET);
    expect(JSON.parse(listedText).models.map((entry: { id: string }) => entry.id)).toContain(
      model.id,
    );

    const toggled = await patchModel(
      appRequest(`/api/admin/models/${model.id}`, { method: "PATCH", body: { isEnabled: false } }),
      segment({ id: model.id }),
    );
    expect(toggled.status).toBe(200);
    expect((await toggled.json()).model).toMatchObject({
      isEnabled: false,
      hasApiKey: true,
      modelId: "llama3.2",
    });

    const empty = await patchModel(
      appRequest(`/api/admin/models/${model.id}`, { method: "PATCH", body: {} }),
      segment({ id: model.id }),
    );
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.fieldErrors._).toEqual(["Nothing to update."]);
  });

  it("PATCH /api/admin/users/:id bans, and explains why an admin cannot be banned", async () => {
    const target = await prisma.user.create({ data: { email: "route-target@example.com" } });
    const banned = await patchUser(
      appRequest(`/api/admin/users/${target.id}`, {
        method: "PATCH",
        body: { banned: true, reason: "Spam" },
      }),
      segment({ id: target.id }),
    );
    expect(banned.status).toBe(200);
    expect((await banned.json()).user).toMatchObject({ id: target.id, email: target.email });
    expect(
      (await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).bannedAt,
    ).not.toBeNull();

    const self = await patchUser(
      appRequest(`/api/admin/users/${admin.id}`, {
        method: "PATCH",
        body: { banned: true, reason: "Spam" },
      }),
      segment({ id: admin.id }),
    );
    expect(self.status).toBe(403);
    expect((await self.json()).error.message).toBe("You cannot ban your own account.");

    const invalid = await patchUser(
      appRequest(`/api/admin/users/${target.id}`, { method: "PATCH", body: { banned: "yes" } }),
      segment({ id: target.id }),
    );
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.fieldErrors.banned).toBeDefined();
  });

  it("GET /api/admin/users filters by ?q=", async () => {
    const response = await listUsers(appRequest("/api/admin/users?q=ROUTE-USER"), segment({}));
    const body = await response.json();
    expect(body.users.map((entry: { email: string }) => entry.email)).toEqual([
      "route-user@example.com",
    ]);
    expect(body.total).toBe(1);
  });

  it("answers 403 to signed-in non-admins and 401 to visitors", async () => {
    setSessionActor(user);
    const forbidden = [
      await listModels(appRequest("/api/admin/models"), segment({})),
      await createModel(
        appRequest("/api/admin/models", { method: "POST", body: validModel }),
        segment({}),
      ),
      await patchModel(
        appRequest("/api/admin/models/x", { method: "PATCH", body: { isEnabled: false } }),
        segment({ id: "x" }),
      ),
      await patchUser(
        appRequest(`/api/admin/users/${admin.id}`, { method: "PATCH", body: { banned: true } }),
        segment({ id: admin.id }),
      ),
      await listUsers(appRequest("/api/admin/users"), segment({})),
    ];
    expect(forbidden.map((response) => response.status)).toEqual([403, 403, 403, 403, 403]);

    setSessionActor(null);
    const anonymous = await listModels(appRequest("/api/admin/models"), segment({}));
    expect(anonymous.status).toBe(401);
  });
});
