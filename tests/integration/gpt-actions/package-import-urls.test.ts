import { strFromU8, strToU8 } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createGpt } from "@/lib/gpts/create-gpt";
import { exportGptPackage } from "@/lib/gpts/package/export-gpt-package";
import { importGptPackage } from "@/lib/gpts/package/import-gpt-package";
import { expectAppError } from "../../support/app-error";
import { createActor } from "../../support/factories";

/**
 * A GPT package's actions pass the same save-time URL checks as the action API: an MCP server or
 * OAuth endpoint on an address the egress guard refuses fails the import, naming the field, and
 * nothing is written.
 */
let owner: Actor;
let importer: Actor;
let packageJson: Record<string, unknown>;

const OPENAPI = {
  openapi: "3.1.0",
  info: { title: "Weather", version: "1.0.0" },
  servers: [{ url: "https://api.weather.example" }],
  paths: {
    "/today": {
      get: {
        operationId: "today",
        summary: "Today's weather",
        responses: { "200": { description: "ok" } },
      },
    },
  },
};

beforeAll(async () => {
  owner = await createActor();
  importer = await createActor();
  const gpt = await createGpt({ actor: owner, input: { name: "Forecaster" } });
  const exported = await exportGptPackage({
    actor: owner,
    gptId: gpt.id,
    source: "draft",
    container: "json",
  });
  packageJson = JSON.parse(strFromU8(exported.bytes));
});

function withActions(actions: unknown[]): Uint8Array {
  return strToU8(JSON.stringify({ ...packageJson, actions }));
}

async function gptsOf(actor: Actor): Promise<number> {
  return prisma.gpt.count({ where: { ownerId: actor.id } });
}

describe("[PACKAGE]: imported actions meet the action API's URL checks", () => {
  it("refuses an MCP server on a private address, at actions.0.serverUrl", async () => {
    const before = await gptsOf(importer);
    const error = await expectAppError(
      importGptPackage({
        actor: importer,
        bytes: withActions([
          {
            name: "Internal",
            kind: "mcp",
            serverUrl: "http://169.254.169.254/mcp",
            authKind: "none",
          },
        ]),
      }),
      "bad_request",
    );
    expect(error.message).toMatch(/^Action "Internal": /);
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["actions.0.serverUrl"]);
    expect(await gptsOf(importer)).toBe(before);
  });

  it("refuses OAuth endpoints on a private address, naming the endpoint", async () => {
    const before = await gptsOf(importer);
    const error = await expectAppError(
      importGptPackage({
        actor: importer,
        bytes: withActions([
          {
            name: "Weather",
            kind: "openapi",
            openapi: OPENAPI,
            authKind: "oauth",
            auth: {
              authorizeUrl: "https://auth.weather.example/authorize",
              tokenUrl: "http://10.0.0.5/token",
            },
          },
        ]),
      }),
      "bad_request",
    );
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["actions.0.auth.tokenUrl"]);
    expect(await gptsOf(importer)).toBe(before);
  });

  it("imports the same action when its URLs are public", async () => {
    const imported = await importGptPackage({
      actor: importer,
      bytes: withActions([
        {
          name: "Weather",
          kind: "openapi",
          openapi: OPENAPI,
          authKind: "oauth",
          auth: {
            authorizeUrl: "https://auth.weather.example/authorize",
            tokenUrl: "https://auth.weather.example/token",
          },
        },
      ]),
    });
    expect(await prisma.gptAction.count({ where: { gptId: imported.id } })).toBe(1);
  });
});
