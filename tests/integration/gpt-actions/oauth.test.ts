import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as callbackRoute } from "@/app/api/actions/oauth/callback/route";
import { GET as startRoute } from "@/app/api/actions/oauth/start/route";
import { GET as connectionRoute } from "@/app/api/gpts/[id]/actions/[actionId]/connection/route";
import { DELETE as disconnectRoute } from "@/app/api/me/connections/[id]/route";
import { GET as connectionsRoute } from "@/app/api/me/connections/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { findActionForUser } from "@/lib/gpt-actions/find-action";
import { completeOAuth } from "@/lib/gpt-actions/oauth/complete-oauth";
import { disconnectAction, listConnections } from "@/lib/gpt-actions/oauth/connections";
import { startOAuth } from "@/lib/gpt-actions/oauth/start-oauth";
import { callWithCredential } from "@/lib/gpt-actions/runtime/call-with-credential";
import { testGptAction } from "@/lib/gpt-actions/test-gpt-action";
import type { ActionConnectionView } from "@/lib/gpt-actions/types";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import { getEgressPolicy } from "@/lib/security/egress-policy";
import type { FakeApi } from "../../fixtures/fake-api/server";
import { expectAppError } from "../../support/app-error";
import { createActor, ensureBuilderProfile } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";
import {
  allowlist,
  createActionGpt,
  createOAuthAction,
  FAKE_OAUTH_CLIENT_ID,
  FAKE_OAUTH_CLIENT_SECRET,
  startFakeApi,
} from "./helpers";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

const ORIGIN = "http://atelier.test";

let api: FakeApi;
let owner: Actor;
let other: Actor;
let gptId: string;
let actionId: string;

/** Plays the user's browser on the fake provider's consent page: Authorize or Cancel. */
async function decide(authorizeUrl: string, decision: "authorize" | "cancel") {
  const page = await fetch(authorizeUrl);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain("Fake API wants to let Atelier access your profile");
  const form = new URLSearchParams(new URL(authorizeUrl).searchParams);
  form.set("decision", decision);
  const response = await fetch(`${api.url}/oauth/authorize`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  return new URL(response.headers.get("location")!);
}

/** Starts a connection through the route (as the signed-in `actor`) and returns the provider URL. */
async function startThroughRoute(actor: Actor, ids = { gptId, actionId }): Promise<URL> {
  setSessionActor(actor);
  const response = await startRoute(
    new Request(`${ORIGIN}/api/actions/oauth/start?gptId=${ids.gptId}&actionId=${ids.actionId}`),
  );
  expect(response.status).toBe(302);
  return new URL(response.headers.get("location")!);
}

async function connect(actor: Actor): Promise<void> {
  const authorizeUrl = await startOAuth({ actor, gptId, actionId, origin: ORIGIN });
  const back = await decide(authorizeUrl, "authorize");
  await completeOAuth({
    actor,
    state: back.searchParams.get("state")!,
    code: back.searchParams.get("code"),
    providerError: null,
  });
}

function testProfile(actor: Actor = owner) {
  return testGptAction({
    actor,
    gptId,
    actionId,
    input: { operationKey: "getProfile", args: {} },
  });
}

beforeAll(async () => {
  api = await startFakeApi();
  await allowlist([api.url]);
  owner = await createActor({ name: "Owner" });
  other = await createActor({ name: "Other" });
  await ensureBuilderProfile(owner);
  const gpt = await createActionGpt(owner);
  gptId = gpt.id;
  actionId = (
    await createOAuthAction(owner, gptId, api, { privacyPolicyUrl: "https://fake.example/p" })
  ).id;
});

afterAll(async () => {
  await api?.close();
});

beforeEach(async () => {
  setSessionActor(owner);
  await prisma.actionConnection.deleteMany({});
  api.reset();
});

describe("[ACTIONS]: OAuth connections", () => {
  it("[ACTIONS]: the full authorization code + PKCE flow stores sealed tokens and a Test then calls with Bearer", async () => {
    const authorizeUrl = await startThroughRoute(owner);
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(`${api.url}/oauth/authorize`);
    const params = authorizeUrl.searchParams;
    expect(params.get("response_type")).toBe("code");
    expect(params.get("client_id")).toBe(FAKE_OAUTH_CLIENT_ID);
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get("scope")).toBe("profile:read");
    expect(params.get("redirect_uri")).toMatch(/\/api\/actions\/oauth\/callback$/);
    const state = params.get("state")!;
    const [promptId, nonce] = state.split(".");
    const prompt = await prisma.actionPrompt.findUniqueOrThrow({ where: { id: promptId } });
    expect(prompt).toMatchObject({ userId: owner.id, kind: "CONNECT", status: "PENDING" });
    // Only the nonce's hash and the sealed verifier are stored.
    expect(JSON.stringify(prompt.oauthState)).not.toContain(nonce);
    // The client secret never goes to the browser.
    expect(authorizeUrl.toString()).not.toContain(FAKE_OAUTH_CLIENT_SECRET);

    const back = await decide(authorizeUrl.toString(), "authorize");
    expect(back.searchParams.get("state")).toBe(state);
    const code = back.searchParams.get("code")!;
    expect(code).toBeTruthy();

    const callback = await callbackRoute(
      new Request(`${ORIGIN}/api/actions/oauth/callback?${back.searchParams}`),
    );
    expect(callback.status).toBe(302);
    const result = new URL(callback.headers.get("location")!);
    expect(result.pathname).toBe("/actions/connected");
    expect(result.searchParams.get("error")).toBeNull();
    expect(result.searchParams.get("domain")).toBe(new URL(api.url).host);
    expect(api.tokenRequests).toEqual([{ grantType: "authorization_code", isOk: true }]);
    expect((await prisma.actionPrompt.findUniqueOrThrow({ where: { id: promptId } })).status).toBe(
      "CONNECTED",
    );

    const result1 = await testProfile();
    expect(result1.error).toBeNull();
    expect(JSON.parse(result1.response!.body)).toEqual({
      name: "Ada Example",
      email: "ada@example.test",
    });
    expect(result1.request.headers.authorization).toBe("Bearer ••••");
    const sentToken = api.requests
      .find((request) => request.path === "/me")!
      .headers.authorization.replace("Bearer ", "");
    expect(sentToken).toMatch(/^fake-at-/);
    expect(JSON.stringify(result1)).not.toContain(sentToken);

    const row = await prisma.actionConnection.findUniqueOrThrow({
      where: { userId_actionId: { userId: owner.id, actionId } },
    });
    expect(row.accessTokenCiphertext).toBeTruthy();
    expect(row.refreshTokenCiphertext).toBeTruthy();
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(sentToken);
    expect(stored).not.toContain("fake-at-");
    expect(stored).not.toContain("fake-rt-");
    expect(stored).not.toContain(code);
    expect(row.scope).toBe("profile:read");

    setSessionActor(owner);
    const listed = await connectionsRoute(appRequest("/api/me/connections"), segment({}));
    const listedText = await listed.text();
    expect(listedText).not.toContain("Ciphertext");
    expect(listedText).not.toContain(sentToken);
    const { connections } = JSON.parse(listedText) as { connections: ActionConnectionView[] };
    expect(connections).toEqual([
      expect.objectContaining({ actionId, gptId, domain: new URL(api.url).host }),
    ]);
  });

  it("[ACTIONS]: an access token the API refuses is refreshed once (refresh_token grant) and the call succeeds", async () => {
    await connect(owner);
    expect((await testProfile()).response?.status).toBe(200);
    const before = await prisma.actionConnection.findFirstOrThrow({ where: { userId: owner.id } });

    api.expireAccessTokens();
    const result = await testProfile();
    expect(result.error).toBeNull();
    expect(result.response?.status).toBe(200);
    const meCalls = api.requests.filter((request) => request.path === "/me");
    expect(meCalls).toHaveLength(3); // ok, 401, ok after the refresh
    expect(meCalls[1].headers.authorization).not.toBe(meCalls[2].headers.authorization);
    expect(api.tokenRequests.map((request) => request.grantType)).toEqual([
      "authorization_code",
      "refresh_token",
    ]);
    expect(api.tokenRequests[1].isOk).toBe(true);
    const after = await prisma.actionConnection.findFirstOrThrow({ where: { userId: owner.id } });
    expect(after.accessTokenCiphertext).not.toBe(before.accessTokenCiphertext);
    // The provider rotates refresh tokens: the new one is stored.
    expect(after.refreshTokenCiphertext).not.toBe(before.refreshTokenCiphertext);
  });

  it("[ACTIONS]: a state with a wrong nonce is refused and nothing is exchanged", async () => {
    const authorizeUrl = await startOAuth({ actor: owner, gptId, actionId, origin: ORIGIN });
    const back = await decide(authorizeUrl, "authorize");
    const [promptId] = back.searchParams.get("state")!.split(".");
    for (const state of [`${promptId}.wrong-nonce`, promptId, "", "nope.nope"]) {
      const error = await expectAppError(
        completeOAuth({
          actor: owner,
          state,
          code: back.searchParams.get("code"),
          providerError: null,
        }),
        "bad_request",
      );
      expect(error.message).toMatch(/invalid or has expired/);
    }
    expect(api.tokenRequests).toEqual([]);
    expect(await prisma.actionConnection.count()).toBe(0);
  });

  it("[ACTIONS]: a state is single-use: completing it again is refused", async () => {
    const authorizeUrl = await startOAuth({ actor: owner, gptId, actionId, origin: ORIGIN });
    const back = await decide(authorizeUrl, "authorize");
    const state = back.searchParams.get("state")!;
    await completeOAuth({
      actor: owner,
      state,
      code: back.searchParams.get("code"),
      providerError: null,
    });
    const second = await decide(authorizeUrl, "authorize");
    await expectAppError(
      completeOAuth({
        actor: owner,
        state,
        code: second.searchParams.get("code"),
        providerError: null,
      }),
      "conflict",
    );
    expect(api.tokenRequests.map((request) => request.grantType)).toEqual(["authorization_code"]);
  });

  it("[ACTIONS]: the state of one user's sign-in is refused for another user", async () => {
    const authorizeUrl = await startOAuth({ actor: owner, gptId, actionId, origin: ORIGIN });
    const back = await decide(authorizeUrl, "authorize");
    await expectAppError(
      completeOAuth({
        actor: other,
        state: back.searchParams.get("state")!,
        code: back.searchParams.get("code"),
        providerError: null,
      }),
      "bad_request",
    );
    expect(api.tokenRequests).toEqual([]);
    expect(await prisma.actionConnection.count()).toBe(0);
  });

  it("[ACTIONS]: a user who cancels on the provider (access_denied) gets a clear message and the prompt is DENIED", async () => {
    const authorizeUrl = await startOAuth({ actor: owner, gptId, actionId, origin: ORIGIN });
    const back = await decide(authorizeUrl, "cancel");
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(back.searchParams.get("code")).toBeNull();
    const state = back.searchParams.get("state")!;
    const error = await expectAppError(
      completeOAuth({ actor: owner, state, code: null, providerError: "access_denied" }),
      "bad_request",
    );
    expect(error.message).toContain("You did not allow access");
    const prompt = await prisma.actionPrompt.findUniqueOrThrow({
      where: { id: state.split(".")[0] },
    });
    expect(prompt.status).toBe("DENIED");
    expect(api.tokenRequests).toEqual([]);

    // Through the callback route the popup shows the message.
    const again = await decide(
      await startOAuth({ actor: owner, gptId, actionId, origin: ORIGIN }),
      "cancel",
    );
    setSessionActor(owner);
    const callback = await callbackRoute(
      new Request(`${ORIGIN}/api/actions/oauth/callback?${again.searchParams}`),
    );
    const result = new URL(callback.headers.get("location")!);
    expect(result.searchParams.get("error")).toContain("You did not allow access");
  });

  it("[ACTIONS]: disconnecting removes the connection and a later Test asks to connect", async () => {
    await connect(owner);
    const [connection] = await listConnections(owner);
    expect(connection.actionId).toBe(actionId);

    // Someone else cannot remove it.
    await expectAppError(
      disconnectAction({ actor: other, connectionId: connection.id }),
      "not_found",
    );
    setSessionActor(owner);
    const response = await disconnectRoute(
      appRequest(`/api/me/connections/${connection.id}`, { method: "DELETE" }),
      segment({ id: connection.id }),
    );
    expect(response.status).toBe(200);
    expect(await prisma.actionConnection.count()).toBe(0);
    const status = await connectionRoute(
      appRequest(`/api/gpts/${gptId}/actions/${actionId}/connection`),
      segment({ id: gptId, actionId }),
    );
    expect(await status.json()).toEqual({ isConnected: false });

    const error = await expectAppError(testProfile(), "bad_request");
    expect(error.message).toMatch(/Connect your account on .* to test this operation/);
    expect(api.requests.filter((request) => request.path === "/me")).toEqual([]);
  });

  it("[ACTIONS]: another user cannot call with the first user's connection", async () => {
    await connect(owner);
    await publishGpt({ actor: owner, gptId, input: { visibility: "PUBLIC" } });

    // The Test panel is the owner's only.
    await expectAppError(testProfile(other), "not_found");

    // In the runtime, the other user (who can see the public GPT) has no connection of their own.
    const { definition } = await findActionForUser({ actor: other, gptId, actionId });
    const operation = definition.operations.find((candidate) => candidate.key === "getProfile")!;
    const outcome = await callWithCredential({
      definition,
      operation,
      args: {},
      userId: other.id,
      policy: await getEgressPolicy(),
    });
    expect(outcome).toBe("needs_connection");
    expect(api.requests.filter((request) => request.path === "/me")).toEqual([]);

    setSessionActor(other);
    const status = await connectionRoute(
      appRequest(`/api/gpts/${gptId}/actions/${actionId}/connection`),
      segment({ id: gptId, actionId }),
    );
    expect(await status.json()).toEqual({ isConnected: false });
    expect(await listConnections(other)).toEqual([]);

    // Their own sign-in gives them their own connection, separate from the owner's.
    const authorizeUrl = await startThroughRoute(other);
    const back = await decide(authorizeUrl.toString(), "authorize");
    await completeOAuth({
      actor: other,
      state: back.searchParams.get("state")!,
      code: back.searchParams.get("code"),
      providerError: null,
    });
    const rows = await prisma.actionConnection.findMany({ where: { actionId } });
    expect(rows.map((row) => row.userId).sort()).toEqual([owner.id, other.id].sort());
    const mine = await callWithCredential({
      definition,
      operation,
      args: {},
      userId: other.id,
      policy: await getEgressPolicy(),
    });
    expect(mine).not.toBe("needs_connection");
    if (mine === "needs_connection") return;
    expect(mine.response?.status).toBe(200);
    expect(api.requests.filter((request) => request.path === "/me")).toHaveLength(1);
  });
});
