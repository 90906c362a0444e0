import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as refreshRoute } from "@/app/api/gpts/[id]/actions/[actionId]/refresh/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createGptAction } from "@/lib/gpt-actions/create-gpt-action";
import { refreshMcpTools } from "@/lib/gpt-actions/refresh-mcp-tools";
import { testGptAction } from "@/lib/gpt-actions/test-gpt-action";
import type { ActionView } from "@/lib/gpt-actions/types";
import { updateGptAction } from "@/lib/gpt-actions/update-gpt-action";
import { createFakeMcpServer, type FakeMcp } from "../../fixtures/fake-mcp/server";
import { expectAppError } from "../../support/app-error";
import { createActor } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";
import { allowlist, createActionGpt } from "./helpers";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

const MCP_TOKEN = "mcp-bearer-token-9f3e21";

let mcp: FakeMcp;
let securedMcp: FakeMcp;
let owner: Actor;

function tool(action: ActionView, key: string) {
  const found = action.operations.find((operation) => operation.key === key);
  if (!found) throw new Error(`no tool ${key}`);
  return found;
}

beforeAll(async () => {
  mcp = await createFakeMcpServer();
  securedMcp = await createFakeMcpServer({ requireBearer: MCP_TOKEN });
  await allowlist([mcp.url, securedMcp.url]);
  owner = await createActor({ name: "Owner" });
});

afterAll(async () => {
  await mcp?.close();
  await securedMcp?.close();
});

beforeEach(() => {
  setSessionActor(owner);
  mcp.calls.length = 0;
  securedMcp.calls.length = 0;
});

describe("[ACTIONS]: MCP actions", () => {
  it("[ACTIONS]: an MCP action lists the server's three tools; only the one not marked read-only is consequential", async () => {
    const gpt = await createActionGpt(owner);
    const action = await createGptAction({
      actor: owner,
      gptId: gpt.id,
      input: { kind: "mcp", serverUrl: mcp.url },
    });
    expect(action.kind).toBe("mcp");
    expect(action.name).toBe("fake-mcp");
    expect(action.schemaText).toBeNull();
    expect(action.operations.map((operation) => operation.key).sort()).toEqual([
      "add_numbers",
      "delete_order",
      "lookup_order",
    ]);
    expect(tool(action, "delete_order")).toMatchObject({ method: "TOOL", isConsequential: true });
    expect(tool(action, "lookup_order").isConsequential).toBe(false);
    expect(tool(action, "add_numbers").isConsequential).toBe(false);
    expect(tool(action, "lookup_order").description).toBe(
      "Returns the shipping status of an order.",
    );
    expect(tool(action, "add_numbers").inputSchema).toMatchObject({
      type: "object",
      properties: { a: { type: "number" }, b: { type: "number" } },
    });
    // Listing calls no tool.
    expect(mcp.calls).toEqual([]);
  });

  it("[ACTIONS]: refreshing the tools keeps switched-off tools off", async () => {
    const gpt = await createActionGpt(owner);
    const action = await createGptAction({
      actor: owner,
      gptId: gpt.id,
      input: { kind: "mcp", serverUrl: mcp.url, disabledOperations: ["delete_order"] },
    });
    expect(tool(action, "delete_order").isEnabled).toBe(false);
    await updateGptAction({
      actor: owner,
      gptId: gpt.id,
      actionId: action.id,
      input: { disabledOperations: ["delete_order", "lookup_order"] },
    });

    const refreshed = await refreshMcpTools({ actor: owner, gptId: gpt.id, actionId: action.id });
    expect(refreshed.operations).toHaveLength(3);
    expect(tool(refreshed, "delete_order").isEnabled).toBe(false);
    expect(tool(refreshed, "lookup_order").isEnabled).toBe(false);
    expect(tool(refreshed, "add_numbers").isEnabled).toBe(true);

    const response = await refreshRoute(
      appRequest(`/api/gpts/${gpt.id}/actions/${action.id}/refresh`, { method: "POST" }),
      segment({ id: gpt.id, actionId: action.id }),
    );
    expect(response.status).toBe(200);
    const { action: viaRoute } = (await response.json()) as { action: ActionView };
    expect(
      viaRoute.operations
        .filter((operation) => !operation.isEnabled)
        .map((o) => o.key)
        .sort(),
    ).toEqual(["delete_order", "lookup_order"]);
    const row = await prisma.gptAction.findUniqueOrThrow({ where: { id: action.id } });
    expect(row.disabledOperations.sort()).toEqual(["delete_order", "lookup_order"]);
  });

  it("[ACTIONS]: refreshing an OpenAPI action is refused", async () => {
    const gpt = await createActionGpt(owner);
    const action = await createGptAction({
      actor: owner,
      gptId: gpt.id,
      input: { kind: "mcp", serverUrl: mcp.url },
    });
    await prisma.gptAction.update({ where: { id: action.id }, data: { kind: "OPENAPI" } });
    await expectAppError(
      refreshMcpTools({ actor: owner, gptId: gpt.id, actionId: action.id }),
      "bad_request",
    );
  });

  it("[ACTIONS]: a Test of add_numbers calls the tool and returns the sum", async () => {
    const gpt = await createActionGpt(owner);
    const action = await createGptAction({
      actor: owner,
      gptId: gpt.id,
      input: { kind: "mcp", serverUrl: mcp.url },
    });
    const result = await testGptAction({
      actor: owner,
      gptId: gpt.id,
      actionId: action.id,
      input: { operationKey: "add_numbers", args: { a: 2, b: 40 } },
    });
    expect(result.error).toBeNull();
    expect(result.response?.body).toBe("42");
    expect(result.request.method).toBe("TOOL");
    expect(JSON.parse(result.request.body!)).toEqual({
      tool: "add_numbers",
      arguments: { a: 2, b: 40 },
    });
    expect(mcp.calls).toEqual([{ tool: "add_numbers", args: { a: 2, b: 40 } }]);
  });

  it("[ACTIONS]: a server requiring a bearer token works with an API-key action placed as bearer; without the key the save fails clearly", async () => {
    const gpt = await createActionGpt(owner);
    const error = await expectAppError(
      createGptAction({
        actor: owner,
        gptId: gpt.id,
        input: { kind: "mcp", serverUrl: securedMcp.url },
      }),
      "bad_request",
    );
    expect(error.message).toMatch(/Could not list the MCP server's tools/);
    expect(error.message).toMatch(/401|Unauthorized|bearer/i);
    expect(error.fieldErrors?.serverUrl).toBeDefined();
    expect(await prisma.gptAction.count({ where: { gptId: gpt.id } })).toBe(0);

    const wrongKey = await expectAppError(
      createGptAction({
        actor: owner,
        gptId: gpt.id,
        input: {
          kind: "mcp",
          serverUrl: securedMcp.url,
          auth: { kind: "api_key", placement: "bearer", secret: "not-the-token" },
        },
      }),
      "bad_request",
    );
    expect(wrongKey.message).not.toContain("not-the-token");

    const action = await createGptAction({
      actor: owner,
      gptId: gpt.id,
      input: {
        kind: "mcp",
        serverUrl: securedMcp.url,
        auth: { kind: "api_key", placement: "bearer", secret: MCP_TOKEN },
      },
    });
    expect(action.operations).toHaveLength(3);
    expect(action.auth).toMatchObject({ kind: "api_key", placement: "bearer", hasSecret: true });
    expect(JSON.stringify(action)).not.toContain(MCP_TOKEN);

    const result = await testGptAction({
      actor: owner,
      gptId: gpt.id,
      actionId: action.id,
      input: { operationKey: "lookup_order", args: { orderId: "A-1001" } },
    });
    expect(result.error).toBeNull();
    expect(result.response?.body).toBe("Order A-1001: shipped, arriving Tuesday");
    expect(JSON.stringify(result)).not.toContain(MCP_TOKEN);
    expect(securedMcp.calls).toEqual([{ tool: "lookup_order", args: { orderId: "A-1001" } }]);

    const refreshed = await refreshMcpTools({ actor: owner, gptId: gpt.id, actionId: action.id });
    expect(refreshed.operations).toHaveLength(3);
  });

  it("[ACTIONS]: an MCP server on a non-allowlisted loopback port is refused at save", async () => {
    const gpt = await createActionGpt(owner);
    const error = await expectAppError(
      createGptAction({
        actor: owner,
        gptId: gpt.id,
        input: { kind: "mcp", serverUrl: "http://127.0.0.1:9/mcp" },
      }),
      "bad_request",
    );
    expect(error.fieldErrors?.serverUrl?.[0]).toMatch(/not allowed|private or reserved/);
  });
});
