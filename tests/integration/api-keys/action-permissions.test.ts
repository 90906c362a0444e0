import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DELETE as removeRoute } from "@/app/api/me/api-action-permissions/[gptId]/route";
import { POST as allowRoute, GET as listRoute } from "@/app/api/me/api-action-permissions/route";
import { type ApiActionGpt, hasApiActionPermission } from "@/lib/api-keys/action-permissions";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import type { ActionDefinition } from "@/lib/gpt-actions/definition";
import { createGpt } from "@/lib/gpts/create-gpt";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import { createActor, ensureBuilderProfile } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

/** A published action, as a version snapshot holds it (never called in these tests). */
function actionOn(domain: string): ActionDefinition {
  return {
    id: `action-${domain}`,
    kind: "OPENAPI",
    name: "Weather",
    domain,
    serverUrl: `https://${domain}`,
    operations: [
      {
        key: "GET /weather",
        operationId: "getWeather",
        toolName: "getWeather",
        method: "GET",
        path: "/weather",
        summary: null,
        description: "Weather",
        parameters: [],
        requestBody: null,
        inputSchema: { type: "object", properties: {} },
        isConsequential: false,
        warnings: [],
      },
    ],
    disabledOperations: [],
    authKind: "NONE",
    authConfig: {},
    secretCiphertext: null,
    privacyPolicyUrl: null,
  };
}

/**
 * A published GPT; with `domain`, its published version has a live action there. The snapshot is
 * written directly: adding a real action would fetch its document through the egress guard.
 */
async function publishedGpt(
  owner: Actor,
  {
    name,
    domain,
    visibility = "PUBLIC",
  }: { name: string; domain?: string; visibility?: "PUBLIC" | "PRIVATE" | "LINK" },
) {
  const gpt = await createGpt({
    actor: owner,
    input: { name, description: "d", instructions: "i", conversationStarters: [] },
  });
  await ensureBuilderProfile(owner);
  await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility } });
  if (domain) {
    const { publishedVersionId } = await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } });
    await prisma.gptVersion.update({
      where: { id: publishedVersionId ?? "" },
      data: { capabilities: ["actions"], actions: [actionOn(domain)] as never },
    });
  }
  return gpt;
}

async function list(query = ""): Promise<{ allowed: ApiActionGpt[]; candidates: ApiActionGpt[] }> {
  const response = await listRoute(
    appRequest(`/api/me/api-action-permissions?q=${encodeURIComponent(query)}`),
    segment({}),
  );
  expect(response.status).toBe(200);
  return response.json();
}

const allow = (gptId: string) =>
  allowRoute(
    appRequest("/api/me/api-action-permissions", { method: "POST", body: { gptId } }),
    segment({}),
  );

const remove = (gptId: string) =>
  removeRoute(
    appRequest(`/api/me/api-action-permissions/${gptId}`, { method: "DELETE" }),
    segment({ gptId }),
  );

let user: Actor;
let creator: Actor;

beforeAll(async () => {
  user = await createActor();
  creator = await createActor();
});

beforeEach(() => setSessionActor(user));

describe("[API KEYS]: actions over the API", () => {
  it("[API KEYS]: offers GPTs with actions the user owns or chatted with, and allows, lists and removes them", async () => {
    const own = await publishedGpt(user, { name: "My weather", domain: "own.example.com" });
    const chatted = await publishedGpt(creator, {
      name: "Travel desk",
      domain: "travel.example.com",
    });
    const notChatted = await publishedGpt(creator, {
      name: "Travel other",
      domain: "x.example.com",
    });
    const noActions = await publishedGpt(user, { name: "Plain" });
    await prisma.conversation.create({
      data: { userId: user.id, gptId: chatted.id, origin: "API", isHidden: true },
    });

    const before = await list();
    expect(before.allowed).toEqual([]);
    expect(before.candidates.map((gpt) => gpt.name).sort()).toEqual(["My weather", "Travel desk"]);
    expect(before.candidates.find((gpt) => gpt.gptId === chatted.id)?.domains).toEqual([
      "travel.example.com",
    ]);
    expect((await list("travel")).candidates.map((gpt) => gpt.gptId)).toEqual([chatted.id]);
    expect(await hasApiActionPermission({ userId: user.id, gptId: chatted.id })).toBe(false);

    const allowed = await allow(chatted.id);
    expect(allowed.status).toBe(201);
    expect((await allowed.json()).gpt).toMatchObject({ gptId: chatted.id, name: "Travel desk" });
    // Allowing again is harmless.
    expect((await allow(chatted.id)).status).toBe(201);
    expect(await prisma.apiActionPermission.count({ where: { userId: user.id } })).toBe(1);
    expect(await hasApiActionPermission({ userId: user.id, gptId: chatted.id })).toBe(true);
    // Only for this user.
    expect(await hasApiActionPermission({ userId: creator.id, gptId: chatted.id })).toBe(false);

    const after = await list();
    expect(after.allowed.map((gpt) => [gpt.gptId, gpt.isAvailable])).toEqual([[chatted.id, true]]);
    expect(after.allowed[0]?.allowedAt).toEqual(expect.any(String));
    expect(after.candidates.map((gpt) => gpt.gptId)).toEqual([own.id]);
    expect(after.candidates.map((gpt) => gpt.gptId)).not.toContain(notChatted.id);

    // A GPT without actions has nothing to allow.
    expect((await allow(noActions.id)).status).toBe(400);

    const removed = await remove(chatted.id);
    expect(removed.status).toBe(200);
    expect(await removed.json()).toEqual({ isRemoved: true });
    expect(await remove(chatted.id).then((response) => response.json())).toEqual({
      isRemoved: false,
    });
    expect(await hasApiActionPermission({ userId: user.id, gptId: chatted.id })).toBe(false);
    expect((await list()).allowed).toEqual([]);
    expect(
      await prisma.auditLog.findMany({
        where: { actorId: user.id, targetId: chatted.id },
        select: { action: true },
        orderBy: { createdAt: "asc" },
      }),
    ).toEqual([
      { action: "api_action_permission.granted" },
      { action: "api_action_permission.revoked" },
    ]);
  });

  it("[API KEYS]: another user's private GPT cannot be allowed (404), and one made private later shows no details", async () => {
    const hidden = await publishedGpt(creator, {
      name: "Secret tools",
      domain: "secret.example.com",
      visibility: "PRIVATE",
    });
    const response = await allow(hidden.id);
    expect(response.status).toBe(404);
    expect(await prisma.apiActionPermission.count({ where: { gptId: hidden.id } })).toBe(0);
    expect((await allow("no-such-gpt")).status).toBe(404);

    const shared = await publishedGpt(creator, {
      name: "Later private",
      domain: "late.example.com",
    });
    expect((await allow(shared.id)).status).toBe(201);
    await prisma.gpt.update({ where: { id: shared.id }, data: { visibility: "PRIVATE" } });
    const entry = (await list()).allowed.find((gpt) => gpt.gptId === shared.id);
    expect(entry).toMatchObject({ isAvailable: false, domains: [], slug: "" });
    expect(JSON.stringify(entry)).not.toContain("Later private");
    // It can still be removed.
    expect(await remove(shared.id).then((r) => r.json())).toEqual({ isRemoved: true });
  });
});
