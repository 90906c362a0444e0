import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  DELETE as deleteActionRoute,
  PATCH as updateActionRoute,
} from "@/app/api/gpts/[id]/actions/[actionId]/route";
import { POST as testActionRoute } from "@/app/api/gpts/[id]/actions/[actionId]/test/route";
import { POST as previewRoute } from "@/app/api/gpts/[id]/actions/preview/route";
import {
  POST as createActionRoute,
  GET as listActionsRoute,
} from "@/app/api/gpts/[id]/actions/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createGptAction } from "@/lib/gpt-actions/create-gpt-action";
import { deleteGptAction } from "@/lib/gpt-actions/delete-gpt-action";
import { previewOpenApi } from "@/lib/gpt-actions/preview-openapi";
import { listActionCalls, listGptActions } from "@/lib/gpt-actions/queries";
import { refreshMcpTools } from "@/lib/gpt-actions/refresh-mcp-tools";
import { testGptAction } from "@/lib/gpt-actions/test-gpt-action";
import type { ActionTestResult, ActionView, OpenApiPreview } from "@/lib/gpt-actions/types";
import { updateGptAction } from "@/lib/gpt-actions/update-gpt-action";
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
  tinyDocument,
} from "./helpers";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let api: FakeApi;
/** A loopback server that is NOT allowlisted: the guard must refuse it. */
let hiddenServer: Server;
let hiddenUrl: string;
let owner: Actor;
let stranger: Actor;
/** Every response body seen in this file, to search for the key at the end. */
const seenBodies: string[] = [];

async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  seenBodies.push(text);
  return JSON.parse(text);
}

const SECOND_KEY = "replacement-key-42c0aa";

beforeAll(async () => {
  api = await startFakeApi();
  hiddenServer = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end("{}");
  });
  await new Promise<void>((resolve) => hiddenServer.listen(0, "127.0.0.1", resolve));
  hiddenUrl = `http://127.0.0.1:${(hiddenServer.address() as AddressInfo).port}`;
  await allowlist([api.url]);
  owner = await createActor({ name: "Owner" });
  stranger = await createActor({ name: "Stranger" });
});

afterAll(async () => {
  await api?.close();
  await new Promise<void>((resolve) => {
    hiddenServer?.close(() => resolve());
    hiddenServer?.closeAllConnections();
  });
});

beforeEach(() => {
  setSessionActor(owner);
  api.reset();
});

describe("[ACTIONS]: previewing an OpenAPI document", () => {
  it("[ACTIONS]: a pasted document lists its operations with their warnings and suggests the document's auth", async () => {
    const gpt = await createActionGpt(owner);
    const preview = await previewOpenApi({
      actor: owner,
      gptId: gpt.id,
      input: { text: await fakeApiDocument(api) },
    });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.title).toBe("Fake Weather & Notes API");
    expect(preview.serverUrl).toBe(api.url);
    const ids = preview.operations.map((operation) => operation.operationId);
    expect(ids).toEqual(
      expect.arrayContaining([
        "getWeather",
        "createNote",
        "getNote",
        "deleteNote",
        "getProfile",
        "checkAuth",
        "getInvalidJson",
      ]),
    );
    const weather = preview.operations.find((operation) => operation.key === "getWeather")!;
    expect(weather).toMatchObject({ method: "GET", path: "/weather", isConsequential: false });
    expect(weather.parameters.map((parameter) => parameter.name)).toContain("city");
    const deleteNote = preview.operations.find((operation) => operation.key === "deleteNote")!;
    expect(deleteNote.isConsequential).toBe(true);
    // Every operation carries a warnings array, and the document-level list exists.
    for (const operation of preview.operations)
      expect(Array.isArray(operation.warnings)).toBe(true);
    expect(Array.isArray(preview.warnings)).toBe(true);
    expect(preview.suggestedAuth).toEqual({
      kind: "api_key",
      placement: "header",
      name: "X-Api-Key",
      hasSecret: false,
    });
  });

  it("[ACTIONS]: a document with an undeclared operation id and a header parameter reports warnings", async () => {
    const gpt = await createActionGpt(owner);
    const text = JSON.stringify({
      openapi: "3.1.0",
      info: { title: "Warned", version: "1" },
      servers: [{ url: api.url }],
      paths: {
        "/echo": {
          get: {
            parameters: [{ name: "X-Trace", in: "header", schema: { type: "string" } }],
            responses: { "200": { description: "ok" } },
          },
        },
      },
    });
    const preview = await previewOpenApi({ actor: owner, gptId: gpt.id, input: { text } });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    const all = [
      ...preview.warnings.map((warning) => warning.message),
      ...preview.operations.flatMap((operation) => operation.warnings),
    ].join("\n");
    expect(all).toMatch(/no operationId/);
  });

  it("[ACTIONS]: a document imported by URL through the route is the same document, fetched through the guard", async () => {
    const gpt = await createActionGpt(owner);
    const response = await previewRoute(
      appRequest(`/api/gpts/${gpt.id}/actions/preview`, {
        method: "POST",
        body: {
          url: `${api.url}/openapi.json`,
        },
      }),
      segment({ id: gpt.id }),
    );
    expect(response.status).toBe(200);
    const preview = (await bodyOf(response)) as OpenApiPreview;
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.operations.some((operation) => operation.key === "getWeather")).toBe(true);
    expect(JSON.parse(preview.schemaText).info.title).toBe("Fake Weather & Notes API");
    expect(api.requests.map((request) => request.path)).toEqual(["/openapi.json"]);
  });

  it("[ACTIONS]: an invalid document returns its problems, each with a path into the document", async () => {
    const gpt = await createActionGpt(owner);
    const preview = await previewOpenApi({
      actor: owner,
      gptId: gpt.id,
      input: { url: `${api.url}/openapi-invalid.json` },
    });
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    expect(preview.problems.length).toBeGreaterThan(0);
    for (const problem of preview.problems) {
      expect(problem.message.length).toBeGreaterThan(0);
    }
    // The planted error (no responses on GET /weather), located by its path.
    expect(preview.problems).toContainEqual({
      path: "paths./weather.get",
      message: expect.stringMatching(/responses/),
    });
  });

  it("[ACTIONS]: a Swagger 2.0 document is converted to OpenAPI 3 and its server URL kept", async () => {
    const gpt = await createActionGpt(owner);
    const preview = await previewOpenApi({
      actor: owner,
      gptId: gpt.id,
      input: { url: `${api.url}/swagger2.json` },
    });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.convertedFrom).toBe("2.0");
    expect(preview.serverUrl?.replace(/\/$/, "")).toBe(api.url);
    expect(preview.operations.map((operation) => operation.key)).toEqual(["getWeather"]);
  });

  it("[ACTIONS]: importing from the cloud metadata address is refused with a clear message", async () => {
    const gpt = await createActionGpt(owner);
    const error = await expectAppError(
      previewOpenApi({
        actor: owner,
        gptId: gpt.id,
        input: { url: "http://169.254.169.254/latest/meta-data/openapi.json" },
      }),
      "bad_request",
    );
    expect(error.message).toMatch(/private or reserved address/);
    expect(error.fieldErrors?.url).toBeDefined();
  });

  it("[ACTIONS]: importing from a loopback port that is not allowlisted is refused", async () => {
    const gpt = await createActionGpt(owner);
    const error = await expectAppError(
      previewOpenApi({
        actor: owner,
        gptId: gpt.id,
        input: { url: `${hiddenUrl}/openapi.json` },
      }),
      "bad_request",
    );
    expect(error.message).toMatch(
      /Could not import the document: (This port is not allowed|This destination is a private or reserved address)/,
    );
    // The allowlisted fake on another port is not a pass for the whole host.
    const sameHostOtherPort = await expectAppError(
      previewOpenApi({
        actor: owner,
        gptId: gpt.id,
        input: { url: `http://127.0.0.1/openapi.json` },
      }),
      "bad_request",
    );
    expect(sameHostOtherPort.message).toMatch(/private or reserved address/);
  });
});

describe("[ACTIONS]: saving actions", () => {
  it("[ACTIONS]: an API key is sealed: no response or listing ever contains it, they only say it is set", async () => {
    const gpt = await createActionGpt(owner);
    const created = await createActionRoute(
      appRequest(`/api/gpts/${gpt.id}/actions`, {
        method: "POST",
        body: {
          kind: "openapi",
          schemaText: await fakeApiDocument(api),
          auth: { kind: "api_key", placement: "header", name: "X-Api-Key", secret: FAKE_API_KEY },
        },
      }),
      segment({ id: gpt.id }),
    );
    expect(created.status).toBe(201);
    const { action } = (await bodyOf(created)) as { action: ActionView };
    expect(action.auth).toEqual({
      kind: "api_key",
      placement: "header",
      name: "X-Api-Key",
      hasSecret: true,
    });
    expect(action.domain).toBe(new URL(api.url).host);
    expect(action.serverUrl).toBe(api.url);

    const listed = await listActionsRoute(
      appRequest(`/api/gpts/${gpt.id}/actions`),
      segment({ id: gpt.id }),
    );
    const list = (await bodyOf(listed)) as {
      actions: ActionView[];
      hasUnpublishedChanges: boolean;
    };
    expect(list.actions).toHaveLength(1);
    expect(list.actions[0].auth).toMatchObject({ hasSecret: true });
    expect(list.hasUnpublishedChanges).toBe(true);

    const row = await prisma.gptAction.findUniqueOrThrow({ where: { id: action.id } });
    expect(row.secretCiphertext).toBeTruthy();
    expect(row.secretCiphertext).not.toContain(FAKE_API_KEY);
    expect(JSON.stringify(row.authConfig)).not.toContain(FAKE_API_KEY);

    for (const text of seenBodies) expect(text).not.toContain(FAKE_API_KEY);
    expect(JSON.stringify(await listGptActions({ actor: owner, gptId: gpt.id }))).not.toContain(
      FAKE_API_KEY,
    );
  });

  it("[ACTIONS]: an update without a secret keeps the key (Test still succeeds); a new secret replaces it", async () => {
    const gpt = await createActionGpt(owner);
    const action = await createApiKeyAction(owner, gpt.id, api);
    const before = await prisma.gptAction.findUniqueOrThrow({ where: { id: action.id } });

    const patched = await updateActionRoute(
      appRequest(`/api/gpts/${gpt.id}/actions/${action.id}`, {
        method: "PATCH",
        body: {
          privacyPolicyUrl: "https://fake.example/privacy",
          auth: { kind: "api_key", placement: "header", name: "X-Api-Key" },
        },
      }),
      segment({ id: gpt.id, actionId: action.id }),
    );
    expect(patched.status).toBe(200);
    const { action: kept } = (await bodyOf(patched)) as { action: ActionView };
    expect(kept.auth).toMatchObject({ kind: "api_key", hasSecret: true });
    expect(kept.privacyPolicyUrl).toBe("https://fake.example/privacy");
    const afterKeep = await prisma.gptAction.findUniqueOrThrow({ where: { id: action.id } });
    expect(afterKeep.secretCiphertext).toBe(before.secretCiphertext);

    const tested = await testActionRoute(
      appRequest(`/api/gpts/${gpt.id}/actions/${action.id}/test`, {
        method: "POST",
        body: {
          operationKey: "getWeather",
          args: { city: "Paris" },
        },
      }),
      segment({ id: gpt.id, actionId: action.id }),
    );
    expect(tested.status).toBe(200);
    const ok = (await bodyOf(tested)) as ActionTestResult;
    expect(ok.error).toBeNull();
    expect(ok.response?.status).toBe(200);
    expect(api.requests.at(-1)?.headers["x-api-key"]).toBe(FAKE_API_KEY);

    // A new secret replaces the stored one: the fake now refuses the call.
    const replaced = await updateGptAction({
      actor: owner,
      gptId: gpt.id,
      actionId: action.id,
      input: {
        auth: { kind: "api_key", placement: "header", name: "X-Api-Key", secret: SECOND_KEY },
      },
    });
    expect(replaced.auth).toMatchObject({ hasSecret: true });
    const afterReplace = await prisma.gptAction.findUniqueOrThrow({ where: { id: action.id } });
    expect(afterReplace.secretCiphertext).not.toBe(before.secretCiphertext);
    const refused = await testGptAction({
      actor: owner,
      gptId: gpt.id,
      actionId: action.id,
      input: { operationKey: "getWeather", args: { city: "Paris" } },
    });
    expect(refused.response?.status).toBe(401);
    expect(api.requests.at(-1)?.headers["x-api-key"]).toBe(SECOND_KEY);
    expect(JSON.stringify(refused)).not.toContain(SECOND_KEY);
    expect(JSON.stringify(replaced)).not.toContain(SECOND_KEY);
  });

  it("[ACTIONS]: an API key action saved without its key is refused at auth.secret", async () => {
    const gpt = await createActionGpt(owner);
    const error = await expectAppError(
      createGptAction({
        actor: owner,
        gptId: gpt.id,
        input: {
          kind: "openapi",
          schemaText: await fakeApiDocument(api),
          auth: { kind: "api_key", placement: "header", name: "X-Api-Key" },
        },
      }),
      "bad_request",
    );
    expect(error.fieldErrors?.["auth.secret"]).toBeDefined();
    expect(await prisma.gptAction.count({ where: { gptId: gpt.id } })).toBe(0);
  });

  it("[ACTIONS]: switched-off operations are saved as off, and a Test of them still reaches only what is asked", async () => {
    const gpt = await createActionGpt(owner);
    const action = await createApiKeyAction(owner, gpt.id, api, {
      disabledOperations: ["deleteNote", "no-such-operation"],
    });
    expect(action.operations.find((operation) => operation.key === "deleteNote")?.isEnabled).toBe(
      false,
    );
    expect(action.operations.find((operation) => operation.key === "getWeather")?.isEnabled).toBe(
      true,
    );
    const row = await prisma.gptAction.findUniqueOrThrow({ where: { id: action.id } });
    expect(row.disabledOperations).toEqual(["deleteNote"]);

    const updated = await updateGptAction({
      actor: owner,
      gptId: gpt.id,
      actionId: action.id,
      input: { disabledOperations: ["getWeather", "createNote"] },
    });
    const off = updated.operations.filter((operation) => !operation.isEnabled).map((o) => o.key);
    expect(off.sort()).toEqual(["createNote", "getWeather"]);
    // The key survived the update that did not mention it.
    expect(updated.auth).toMatchObject({ hasSecret: true });
  });

  it("[ACTIONS]: deleting an action removes it from the draft; deleting it again is not found", async () => {
    const gpt = await createActionGpt(owner);
    const action = await createApiKeyAction(owner, gpt.id, api);
    const response = await deleteActionRoute(
      appRequest(`/api/gpts/${gpt.id}/actions/${action.id}`, { method: "DELETE" }),
      segment({ id: gpt.id, actionId: action.id }),
    );
    expect(response.status).toBe(200);
    expect(await prisma.gptAction.count({ where: { id: action.id } })).toBe(0);
    expect((await listGptActions({ actor: owner, gptId: gpt.id })).actions).toEqual([]);
    await expectAppError(
      deleteGptAction({ actor: owner, gptId: gpt.id, actionId: action.id }),
      "not_found",
    );
  });

  it("[ACTIONS]: another user gets not_found for every action operation on the owner's GPT", async () => {
    const gpt = await createActionGpt(owner);
    const action = await createApiKeyAction(owner, gpt.id, api);
    const text = await fakeApiDocument(api);
    api.reset();

    await expectAppError(listGptActions({ actor: stranger, gptId: gpt.id }), "not_found");
    await expectAppError(listActionCalls({ actor: stranger, gptId: gpt.id }), "not_found");
    await expectAppError(
      createGptAction({
        actor: stranger,
        gptId: gpt.id,
        input: { kind: "openapi", schemaText: text },
      }),
      "not_found",
    );
    await expectAppError(
      updateGptAction({
        actor: stranger,
        gptId: gpt.id,
        actionId: action.id,
        input: { privacyPolicyUrl: "https://evil.example/privacy" },
      }),
      "not_found",
    );
    await expectAppError(
      deleteGptAction({ actor: stranger, gptId: gpt.id, actionId: action.id }),
      "not_found",
    );
    await expectAppError(
      testGptAction({
        actor: stranger,
        gptId: gpt.id,
        actionId: action.id,
        input: { operationKey: "getWeather", args: { city: "Paris" } },
      }),
      "not_found",
    );
    await expectAppError(
      previewOpenApi({ actor: stranger, gptId: gpt.id, input: { url: `${api.url}/openapi.json` } }),
      "not_found",
    );
    await expectAppError(
      refreshMcpTools({ actor: stranger, gptId: gpt.id, actionId: action.id }),
      "not_found",
    );

    // The same through the routes: 404, and the stranger learns nothing about the action.
    setSessionActor(stranger);
    const responses = await Promise.all([
      listActionsRoute(appRequest(`/api/gpts/${gpt.id}/actions`), segment({ id: gpt.id })),
      createActionRoute(
        appRequest(`/api/gpts/${gpt.id}/actions`, {
          method: "POST",
          body: { kind: "openapi", schemaText: text },
        }),
        segment({ id: gpt.id }),
      ),
      updateActionRoute(
        appRequest(`/api/gpts/${gpt.id}/actions/${action.id}`, {
          method: "PATCH",
          body: {
            privacyPolicyUrl: "https://evil.example/privacy",
          },
        }),
        segment({ id: gpt.id, actionId: action.id }),
      ),
      deleteActionRoute(
        appRequest(`/api/gpts/${gpt.id}/actions/${action.id}`, { method: "DELETE" }),
        segment({ id: gpt.id, actionId: action.id }),
      ),
      testActionRoute(
        appRequest(`/api/gpts/${gpt.id}/actions/${action.id}/test`, {
          method: "POST",
          body: {
            operationKey: "getWeather",
            args: { city: "Paris" },
          },
        }),
        segment({ id: gpt.id, actionId: action.id }),
      ),
      previewRoute(
        appRequest(`/api/gpts/${gpt.id}/actions/preview`, {
          method: "POST",
          body: {
            url: `${api.url}/openapi.json`,
          },
        }),
        segment({ id: gpt.id }),
      ),
    ]);
    for (const response of responses) {
      expect(response.status).toBe(404);
      const body = JSON.stringify(await bodyOf(response));
      expect(body).not.toContain(FAKE_API_KEY);
      expect(body).not.toContain("Fake Weather");
    }
    // Nothing was fetched or called on the stranger's behalf, and nothing changed.
    expect(api.requests).toEqual([]);
    const row = await prisma.gptAction.findUniqueOrThrow({ where: { id: action.id } });
    expect(row.privacyPolicyUrl).toBeNull();
    expect(await prisma.gptAction.count({ where: { gptId: gpt.id } })).toBe(1);
  });

  it("[ACTIONS]: a server URL on a private address is refused at save with a serverUrl field error", async () => {
    const gpt = await createActionGpt(owner);
    for (const serverUrl of [
      "http://10.0.0.5",
      "http://169.254.169.254/latest",
      "http://192.168.1.10",
      "http://[::1]",
      "http://localhost",
    ]) {
      const error = await expectAppError(
        createGptAction({
          actor: owner,
          gptId: gpt.id,
          input: { kind: "openapi", schemaText: tinyDocument(serverUrl) },
        }),
        "bad_request",
      );
      expect(error.fieldErrors?.serverUrl?.[0]).toMatch(/private or reserved address/);
    }
    // An explicit override to a private address is refused the same way…
    await expectAppError(
      createGptAction({
        actor: owner,
        gptId: gpt.id,
        input: {
          kind: "openapi",
          schemaText: tinyDocument(api.url),
          serverUrl: "http://10.1.2.3",
        },
      }),
      "bad_request",
    );
    // …and so is an update that points an existing action at one.
    const action = await createGptAction({
      actor: owner,
      gptId: gpt.id,
      input: { kind: "openapi", schemaText: tinyDocument(api.url) },
    });
    const error = await expectAppError(
      updateGptAction({
        actor: owner,
        gptId: gpt.id,
        actionId: action.id,
        input: { serverUrl: "http://172.16.0.1" },
      }),
      "bad_request",
    );
    expect(error.fieldErrors?.serverUrl).toBeDefined();
    const row = await prisma.gptAction.findUniqueOrThrow({ where: { id: action.id } });
    expect(row.serverUrl).toBe(api.url);
    expect(await prisma.gptAction.count({ where: { gptId: gpt.id } })).toBe(1);
  });

  it("[ACTIONS]: a GPT holds at most 10 actions; the 11th is refused", async () => {
    const gpt = await createActionGpt(owner);
    for (let index = 0; index < 10; index++) {
      await createGptAction({
        actor: owner,
        gptId: gpt.id,
        input: { kind: "openapi", schemaText: tinyDocument(api.url, `API ${index}`) },
      });
    }
    const error = await expectAppError(
      createGptAction({
        actor: owner,
        gptId: gpt.id,
        input: { kind: "openapi", schemaText: tinyDocument(api.url, "API 11") },
      }),
      "limit_exceeded",
    );
    expect(error.message).toMatch(/at most 10 actions/);
    expect(await prisma.gptAction.count({ where: { gptId: gpt.id } })).toBe(10);
  });

  it("[ACTIONS]: the limit of 10 actions holds when several are added at once", async () => {
    const gpt = await createActionGpt(owner);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, index) =>
        createGptAction({
          actor: owner,
          gptId: gpt.id,
          input: { kind: "openapi", schemaText: tinyDocument(api.url, `Parallel ${index}`) },
        }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(10);
    expect(await prisma.gptAction.count({ where: { gptId: gpt.id } })).toBe(10);
  });

  it("[ACTIONS]: an update that does not mention the import URL keeps it", async () => {
    const gpt = await createActionGpt(owner);
    const sourceUrl = `${api.url}/openapi.json`;
    const action = await createApiKeyAction(owner, gpt.id, api, { sourceUrl });
    expect(action.sourceUrl).toBe(sourceUrl);
    const updated = await updateGptAction({
      actor: owner,
      gptId: gpt.id,
      actionId: action.id,
      input: { disabledOperations: ["deleteNote"] },
    });
    expect(updated.sourceUrl).toBe(sourceUrl);
    const row = await prisma.gptAction.findUniqueOrThrow({ where: { id: action.id } });
    expect(row.sourceUrl).toBe(sourceUrl);
  });

  it("[ACTIONS]: no response seen in this file ever carried the API key", () => {
    expect(seenBodies.length).toBeGreaterThan(0);
    for (const text of seenBodies) expect(text).not.toContain(FAKE_API_KEY);
  });
});
