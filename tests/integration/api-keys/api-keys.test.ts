import { createHash } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DELETE as revokeRoute } from "@/app/api/me/api-keys/[id]/route";
import { POST as createRoute, GET as listRoute } from "@/app/api/me/api-keys/route";
import { apiRoute } from "@/lib/api/api-route";
import { NO_API_ACCESS_MESSAGE } from "@/lib/api-keys/api-access";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { MAX_ACTIVE_API_KEYS } from "@/lib/api-keys/queries";
import type { ApiKeyView } from "@/lib/api-keys/schemas";
import type { Actor } from "@/lib/auth/session";
import { getFreePlan } from "@/lib/billing/plans";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { createActor } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

async function setFreePlanApiAccess(hasApiAccess: boolean) {
  const free = await getFreePlan();
  await prisma.plan.update({ where: { id: free.id }, data: { hasApiAccess } });
}

function createRequest(body: unknown) {
  return createRoute(appRequest("/api/me/api-keys", { method: "POST", body }), segment({}));
}

async function listKeys(): Promise<{ keys: ApiKeyView[]; hasApiAccess: boolean }> {
  const response = await listRoute(appRequest("/api/me/api-keys"), segment({}));
  expect(response.status).toBe(200);
  return response.json();
}

/** A /api/v1 route with the lead's wrapper: what a key's caller sees, status and body. */
const whoAmI = apiRoute({ scope: "chat" }, async ({ actor, key }) => ({
  userId: actor.id,
  keyId: key.id,
}));

function callApi(secret: string | null) {
  return whoAmI(
    new Request("http://localhost/api/v1/whoami", {
      headers: secret ? { authorization: `Bearer ${secret}` } : {},
    }),
    segment({}),
  );
}

async function newKey(actor: Actor, input: Record<string, unknown> = {}) {
  return createApiKey({ actor, input: { name: "Test key", scopes: ["chat"], ...input } });
}

let user: Actor;
let other: Actor;

beforeAll(async () => {
  user = await createActor();
  other = await createActor();
});

beforeEach(async () => {
  await setFreePlanApiAccess(true);
  setSessionActor(user);
});

describe("[API KEYS]: creating and listing keys", () => {
  it("[API KEYS]: the secret is returned once, starts with atl_, only its SHA-256 is stored, and neither lists nor the audit log hold it or its hash", async () => {
    const response = await createRequest({
      name: "  Website bot  ",
      scopes: ["chat", "gpts:read", "chat"],
      expiresInDays: 30,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { key: string; apiKey: ApiKeyView };
    expect(body.key).toMatch(/^atl_[A-Za-z0-9_-]{43}$/);
    expect(body.apiKey).toMatchObject({
      name: "Website bot",
      prefix: body.key.slice(0, 12),
      scopes: ["chat", "gpts:read"],
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(Object.keys(body.apiKey).sort()).toEqual(
      [
        "createdAt",
        "expiresAt",
        "id",
        "lastUsedAt",
        "name",
        "prefix",
        "revokedAt",
        "scopes",
      ].sort(),
    );
    const expiresInMs = new Date(body.apiKey.expiresAt ?? 0).getTime() - Date.now();
    expect(Math.round(expiresInMs / 86_400_000)).toBe(30);

    const hash = createHash("sha256").update(body.key).digest("hex");
    const row = await prisma.apiKey.findUniqueOrThrow({ where: { id: body.apiKey.id } });
    expect(row.hash).toBe(hash);
    expect(JSON.stringify(row)).not.toContain(body.key);

    const listed = await listKeys();
    expect(listed.hasApiAccess).toBe(true);
    expect(listed.keys.map((key) => key.id)).toContain(body.apiKey.id);
    const listText = JSON.stringify(listed);
    expect(listText).not.toContain(body.key);
    expect(listText).not.toContain(hash);

    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "api_key.created", targetId: body.apiKey.id },
    });
    expect(audit).toMatchObject({ actorId: user.id, targetType: "ApiKey" });
    expect(JSON.stringify(audit)).not.toContain(body.key);
    expect(JSON.stringify(audit)).not.toContain(hash);
  });

  it("[API KEYS]: lists only the signed-in user's keys, newest first", async () => {
    const owner = await createActor();
    const first = await newKey(owner, { name: "First" });
    const second = await newKey(owner, { name: "Second" });
    await newKey(other, { name: "Someone else's" });
    setSessionActor(owner);
    const { keys } = await listKeys();
    expect(keys.map((key) => key.id)).toEqual([second.apiKey.id, first.apiKey.id]);
  });

  it("[API KEYS]: a key without a name, without scopes, with an unknown scope or expiry is refused field by field", async () => {
    const before = await prisma.apiKey.count({ where: { userId: user.id } });
    const cases: [unknown, string, string][] = [
      [{ name: "  ", scopes: ["chat"] }, "name", "Give the key a name."],
      [{ name: "k", scopes: [] }, "scopes", "Choose at least one scope."],
      [{ name: "k", scopes: ["admin"] }, "scopes.0", ""],
      [{ name: "k", scopes: ["chat"], expiresInDays: 10 }, "expiresInDays", ""],
      [{ name: "k".repeat(81), scopes: ["chat"] }, "name", "Keep the name under 80 characters."],
    ];
    for (const [body, field, message] of cases) {
      const response = await createRequest(body);
      expect(response.status, field).toBe(400);
      const { error } = await response.json();
      expect(error.fieldErrors[field], field).toHaveLength(1);
      if (message) expect(error.fieldErrors[field][0]).toBe(message);
    }
    expect(await prisma.apiKey.count({ where: { userId: user.id } })).toBe(before);
  });

  it("[API KEYS]: a plan without API access cannot create keys, and the list says so", async () => {
    await setFreePlanApiAccess(false);
    const before = await prisma.apiKey.count({ where: { userId: user.id } });
    const response = await createRequest({ name: "Nope", scopes: ["chat"] });
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatchObject({
      message: NO_API_ACCESS_MESSAGE,
      reason: "no_api_access",
    });
    expect(await prisma.apiKey.count({ where: { userId: user.id } })).toBe(before);
    expect((await listKeys()).hasApiAccess).toBe(false);
  });

  it(`[API KEYS]: at most ${MAX_ACTIVE_API_KEYS} active keys; revoked and expired ones leave room`, async () => {
    const owner = await createActor();
    setSessionActor(owner);
    const created = [];
    for (let index = 0; index < MAX_ACTIVE_API_KEYS; index += 1) {
      created.push(await newKey(owner, { name: `Key ${index}` }));
    }
    const refused = await createRequest({ name: "One too many", scopes: ["chat"] });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toContain(
      `You already have ${MAX_ACTIVE_API_KEYS} active API keys`,
    );

    const [revoked, expired] = created;
    await revokeRoute(
      appRequest(`/api/me/api-keys/${revoked.apiKey.id}`, { method: "DELETE" }),
      segment({ id: revoked.apiKey.id }),
    );
    expect((await createRequest({ name: "After a revoke", scopes: ["chat"] })).status).toBe(201);
    expect((await createRequest({ name: "Full again", scopes: ["chat"] })).status).toBe(409);
    await prisma.apiKey.update({
      where: { id: expired.apiKey.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await createRequest({ name: "After an expiry", scopes: ["chat"] })).status).toBe(201);
    // The list still shows every active key (so each can be revoked) and the inactive ones.
    const { keys } = await listKeys();
    expect(keys).toHaveLength(MAX_ACTIVE_API_KEYS + 2);
  });
});

describe("[API KEYS]: revoking", () => {
  it("[API KEYS]: only the owner can revoke a key (another user's id is 404); revoking twice changes nothing", async () => {
    const { apiKey } = await newKey(user, { name: "To revoke" });
    const revoke = () =>
      revokeRoute(
        appRequest(`/api/me/api-keys/${apiKey.id}`, { method: "DELETE" }),
        segment({ id: apiKey.id }),
      );

    setSessionActor(other);
    const foreign = await revoke();
    expect(foreign.status).toBe(404);
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).revokedAt).toBe(
      null,
    );

    setSessionActor(user);
    const first = await revoke();
    expect(first.status).toBe(200);
    const revokedAt = (await first.json()).apiKey.revokedAt;
    expect(revokedAt).toEqual(expect.any(String));
    const second = await revoke();
    expect(second.status).toBe(200);
    expect((await second.json()).apiKey.revokedAt).toBe(revokedAt);
    expect(
      await prisma.auditLog.count({ where: { action: "api_key.revoked", targetId: apiKey.id } }),
    ).toBe(1);
  });
});

describe("[API KEYS]: authenticating /api/v1 requests with a key", () => {
  async function expectRefused(response: Response, status: number, code: string) {
    expect(response.status).toBe(status);
    const { error } = await response.json();
    expect(error.code).toBe(code);
    return error as { message: string; type: string; code: string };
  }

  it("[API KEYS]: a request without a key, or with an unknown one, is 401", async () => {
    await expectRefused(await callApi(null), 401, "missing_api_key");
    await expectRefused(await callApi(`atl_${"x".repeat(43)}`), 401, "invalid_api_key");
  });

  it("[API KEYS]: a live key authenticates its owner and records when it was last used", async () => {
    const { key, apiKey } = await newKey(user);
    const response = await callApi(key);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ userId: user.id, keyId: apiKey.id });
    // Recorded after the answer (the request does not wait for it).
    await expect
      .poll(
        async () =>
          (await prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt,
      )
      .not.toBeNull();
    const row = await prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    const listed = (await listKeys()).keys.find((entry) => entry.id === apiKey.id);
    expect(listed?.lastUsedAt).toBe(row.lastUsedAt?.toISOString());
  });

  it("[API KEYS]: revoked and expired keys are 401", async () => {
    const revoked = await newKey(user);
    await revokeRoute(
      appRequest(`/api/me/api-keys/${revoked.apiKey.id}`, { method: "DELETE" }),
      segment({ id: revoked.apiKey.id }),
    );
    const revokedError = await expectRefused(await callApi(revoked.key), 401, "invalid_api_key");
    expect(revokedError.message).toMatch(/revoked/);

    const expired = await newKey(user, { expiresInDays: 7 });
    await prisma.apiKey.update({
      where: { id: expired.apiKey.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expiredError = await expectRefused(await callApi(expired.key), 401, "invalid_api_key");
    expect(expiredError.message).toMatch(/expired/);
  });

  it("[API KEYS]: a key without the route's scope is 403", async () => {
    const { key } = await newKey(user, { scopes: ["gpts:read"] });
    const error = await expectRefused(await callApi(key), 403, "missing_scope");
    expect(error.message).toContain('"chat" scope');
  });

  it("[API KEYS]: a key stops working (403) when its owner's plan loses API access", async () => {
    const { key } = await newKey(user);
    expect((await callApi(key)).status).toBe(200);
    await setFreePlanApiAccess(false);
    await expectRefused(await callApi(key), 403, "no_api_access");
  });

  it("[API KEYS]: a banned owner's keys are 401", async () => {
    const banned = await createActor();
    const { key } = await newKey(banned);
    await prisma.user.update({ where: { id: banned.id }, data: { bannedAt: new Date() } });
    await expectRefused(await callApi(key), 401, "invalid_api_key");
  });

  it("[API KEYS]: past API_REQUESTS_PER_MINUTE requests a key gets 429 with Retry-After", async () => {
    const { key } = await newKey(user);
    for (let index = 0; index < env.API_REQUESTS_PER_MINUTE; index += 1) {
      expect((await callApi(key)).status).toBe(200);
    }
    const limited = await callApi(key);
    await expectRefused(limited, 429, "rate_limit_exceeded");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another key of the same owner has its own budget.
    expect((await callApi((await newKey(user)).key)).status).toBe(200);
  });
});
