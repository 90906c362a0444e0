import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as callsRoute } from "@/app/api/gpts/[id]/actions/calls/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createGptAction } from "@/lib/gpt-actions/create-gpt-action";
import { listActionCalls } from "@/lib/gpt-actions/queries";
import { testGptAction } from "@/lib/gpt-actions/test-gpt-action";
import type { ActionTestResult } from "@/lib/gpt-actions/types";
import type { FakeApi } from "../../fixtures/fake-api/server";
import { expectAppError } from "../../support/app-error";
import { createActor } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";
import {
  allowlist,
  createActionGpt,
  createApiKeyAction,
  FAKE_API_KEY,
  fakeApiDocument,
  startFakeApi,
} from "./helpers";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let api: FakeApi;
let owner: Actor;
let gptId: string;
/** The header-key action most tests call. */
let actionId: string;

const MASK = "••••";

async function runTest(
  operationKey: string,
  args: Record<string, unknown> = {},
  id = actionId,
): Promise<ActionTestResult> {
  return testGptAction({ actor: owner, gptId, actionId: id, input: { operationKey, args } });
}

/** A new action on the fake API with the key at `placement`; the fake's log starts empty after. */
async function keyAction(placement: "header" | "query" | "basic" | "bearer", name = "") {
  const schemaText = await fakeApiDocument(api);
  api.reset();
  return createGptAction({
    actor: owner,
    gptId,
    input: {
      kind: "openapi",
      schemaText,
      auth: { kind: "api_key", placement, name, secret: FAKE_API_KEY },
    },
  });
}

beforeAll(async () => {
  api = await startFakeApi();
  await allowlist([api.url]);
  owner = await createActor({ name: "Owner" });
  const gpt = await createActionGpt(owner);
  gptId = gpt.id;
  actionId = (await createApiKeyAction(owner, gptId, api)).id;
});

afterAll(async () => {
  await api?.close();
});

beforeEach(() => {
  setSessionActor(owner);
  api.reset();
});

describe("[ACTIONS]: the Test runtime against the fake API", () => {
  it("[ACTIONS]: getWeather with the header key answers 200, and the key shows only as •••• in the returned request", async () => {
    const result = await runTest("getWeather", { city: "Paris", units: "metric" });
    expect(result.error).toBeNull();
    expect(result.response?.status).toBe(200);
    expect(JSON.parse(result.response!.body)).toMatchObject({ city: "Paris", units: "metric" });
    expect(result.request.method).toBe("GET");
    expect(result.request.url).toBe(`${api.url}/weather?city=Paris&units=metric`);
    expect(result.request.headers["x-api-key"]).toBe(MASK);
    expect(JSON.stringify(result)).not.toContain(FAKE_API_KEY);
    // The fake really received the key.
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]).toMatchObject({ path: "/weather", query: { city: "Paris" } });
    expect(api.requests[0].headers["x-api-key"]).toBe(FAKE_API_KEY);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("[ACTIONS]: a response echoing the key back is masked too", async () => {
    const result = await runTest("echo");
    expect(result.response?.status).toBe(200);
    expect(api.requests[0].headers["x-api-key"]).toBe(FAKE_API_KEY);
    expect(JSON.parse(result.response!.body).headers["x-api-key"]).toBe(MASK);
    expect(JSON.stringify(result)).not.toContain(FAKE_API_KEY);
  });

  it("[ACTIONS]: a key placed in the query (api_key) reaches the API and is masked in the shown URL", async () => {
    const action = await keyAction("query", "api_key");
    const result = await runTest("checkAuth", {}, action.id);
    expect(result.error).toBeNull();
    expect(JSON.parse(result.response!.body)).toEqual({ via: "query" });
    expect(api.requests[0].query.api_key).toBe(FAKE_API_KEY);
    expect(result.request.url).toBe(`${api.url}/auth-check?api_key=${MASK}`);
    expect(JSON.stringify(result)).not.toContain(FAKE_API_KEY);
  });

  it("[ACTIONS]: Basic and Bearer placements carry the key in Authorization, shown as the scheme and ••••", async () => {
    const basic = await keyAction("basic");
    const basicResult = await runTest("checkAuth", {}, basic.id);
    expect(JSON.parse(basicResult.response!.body)).toEqual({ via: "basic" });
    expect(basicResult.request.headers.authorization).toBe(`Basic ${MASK}`);
    const encoded = Buffer.from(`${FAKE_API_KEY}:`).toString("base64");
    expect(api.requests[0].headers.authorization).toBe(`Basic ${encoded}`);
    expect(JSON.stringify(basicResult)).not.toContain(FAKE_API_KEY);
    expect(JSON.stringify(basicResult)).not.toContain(encoded);

    const bearer = await keyAction("bearer");
    const bearerResult = await runTest("checkAuth", {}, bearer.id);
    expect(JSON.parse(bearerResult.response!.body)).toEqual({ via: "bearer" });
    expect(bearerResult.request.headers.authorization).toBe(`Bearer ${MASK}`);
    expect(api.requests[0].headers.authorization).toBe(`Bearer ${FAKE_API_KEY}`);
    expect(JSON.stringify(bearerResult)).not.toContain(FAKE_API_KEY);
  });

  it("[ACTIONS]: a missing required argument is refused as invalid arguments and no request reaches the API", async () => {
    const result = await runTest("getWeather", { units: "metric" });
    expect(result.error).toMatch(/^Invalid arguments/);
    expect(result.error).toMatch(/city/);
    expect(result.response).toBeNull();
    expect(api.requests).toEqual([]);
  });

  it("[ACTIONS]: an unknown operation key is not found", async () => {
    await expectAppError(runTest("noSuchOperation"), "not_found");
    expect(api.requests).toEqual([]);
  });

  it("[ACTIONS]: a JSON response that does not parse is reported as invalid JSON", async () => {
    const result = await runTest("getInvalidJson");
    expect(result.response?.status).toBe(200);
    expect(result.response?.body).toBe('{"broken": ');
    expect(result.error).toMatch(/invalid JSON/);
  });

  it("[ACTIONS]: an API error status is reported with its code", async () => {
    const result = await runTest("getStatus", { code: 500 });
    expect(api.requests[0].path).toBe("/status/500");
    expect(result.response?.status).toBe(500);
    expect(result.error).toMatch(/500/);
  });

  it("[ACTIONS]: a 2 MB response is cut at the read limit and marked truncated", async () => {
    const result = await runTest("getLargeResponse", { bytes: 2_000_000 });
    expect(result.response?.status).toBe(200);
    expect(result.response?.isTruncated).toBe(true);
    expect(result.response!.body.length).toBeLessThan(2_000_000);
    expect(result.response!.body.length).toBeGreaterThan(500_000);
    // A cut JSON body is not reported as broken JSON.
    expect(result.error).toBeNull();
  });

  it("[ACTIONS]: a redirect to the metadata address is blocked and never followed", async () => {
    const result = await runTest("redirectToPrivate");
    expect(result.response).toBeNull();
    expect(result.error).toMatch(/blocked/);
    expect(result.error).toMatch(/private or reserved address/);
    // Only the first hop reached anything; the guard refused the second before connecting.
    expect(api.requests.map((request) => request.path)).toEqual(["/redirect-private"]);
  });

  it("[ACTIONS]: the call log records Test calls with status and latency, never a body or the key", async () => {
    const gpt = await createActionGpt(owner, { name: "Logged GPT" });
    const action = await createApiKeyAction(owner, gpt.id, api);
    const run = (operationKey: string, args: Record<string, unknown>) =>
      testGptAction({
        actor: owner,
        gptId: gpt.id,
        actionId: action.id,
        input: { operationKey, args },
      });
    await run("getWeather", { city: "Oslo" });
    await run("getStatus", { code: 503 });
    await run("getWeather", {});
    const calls = await listActionCalls({ actor: owner, gptId: gpt.id });
    expect(calls).toHaveLength(3);
    for (const call of calls) {
      expect(call).toMatchObject({
        actionId: action.id,
        source: "TEST",
        method: "GET",
        domain: new URL(api.url).host,
      });
      expect(typeof call.latencyMs).toBe("number");
      expect(call.latencyMs).toBeGreaterThanOrEqual(0);
    }
    // Newest first.
    expect(calls.map((call) => [call.operation, call.status])).toEqual([
      ["getWeather", null],
      ["getStatus", 503],
      ["getWeather", 200],
    ]);
    expect(calls[0].error).toMatch(/Invalid arguments/);
    expect(calls[1].error).toMatch(/503/);
    expect(calls[2].error).toBeNull();

    const response = await callsRoute(
      appRequest(`/api/gpts/${gpt.id}/actions/calls`),
      segment({ id: gpt.id }),
    );
    const text = await response.text();
    const rows = JSON.stringify(await prisma.actionCall.findMany({ where: { gptId: gpt.id } }));
    for (const logged of [text, rows, JSON.stringify(calls)]) {
      expect(logged).not.toContain(FAKE_API_KEY);
      // No response body (the weather's fields) and no URL with its query.
      expect(logged).not.toContain("temperatureC");
      expect(logged).not.toContain("Oslo");
      expect(logged).not.toContain("city=");
    }
  });
});
