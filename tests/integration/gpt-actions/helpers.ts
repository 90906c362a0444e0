import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createGptAction } from "@/lib/gpt-actions/create-gpt-action";
import type { CreateActionInput } from "@/lib/gpt-actions/schemas";
import type { ActionView } from "@/lib/gpt-actions/types";
import { createGpt } from "@/lib/gpts/create-gpt";
import {
  createFakeApiServer,
  FAKE_API_KEY,
  FAKE_OAUTH_CLIENT_ID,
  FAKE_OAUTH_CLIENT_SECRET,
  type FakeApi,
} from "../../fixtures/fake-api/server";

export { FAKE_API_KEY, FAKE_OAUTH_CLIENT_ID, FAKE_OAUTH_CLIENT_SECRET };

/** "127.0.0.1:PORT" of a URL, as the egress allowlist holds it. */
export function hostPortOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port}`.toLowerCase();
}

/** Lets the egress guard reach exactly these loopback servers (nothing else private). */
export async function allowlist(urls: string[]): Promise<void> {
  const egressAllowlist = urls.map(hostPortOf);
  await prisma.instanceSettings.upsert({
    where: { id: 1 },
    create: { id: 1, egressAllowlist },
    update: { egressAllowlist },
  });
}

export async function startFakeApi(): Promise<FakeApi> {
  return createFakeApiServer();
}

/** The fake API's OpenAPI 3.1 document as text (what a creator would paste). */
export async function fakeApiDocument(api: FakeApi, path = "/openapi.json"): Promise<string> {
  const response = await fetch(`${api.url}${path}`);
  return response.text();
}

/** A private draft GPT of the owner's, with the actions capability on. */
export async function createActionGpt(
  owner: Actor,
  {
    name = "Actions GPT",
    capabilities = ["actions"],
  }: { name?: string; capabilities?: string[] } = {},
) {
  return createGpt({
    actor: owner,
    input: {
      name,
      description: "Calls the fake API",
      instructions: "Use the actions.",
      conversationStarters: ["Weather in Paris?"],
      capabilities,
    },
  });
}

/** An OpenAPI action on the fake API, authenticated with the fixture's API key in X-Api-Key. */
export async function createApiKeyAction(
  owner: Actor,
  gptId: string,
  api: FakeApi,
  overrides: Partial<Extract<CreateActionInput, { kind: "openapi" }>> = {},
): Promise<ActionView> {
  return createGptAction({
    actor: owner,
    gptId,
    input: {
      kind: "openapi",
      schemaText: await fakeApiDocument(api),
      auth: { kind: "api_key", placement: "header", name: "X-Api-Key", secret: FAKE_API_KEY },
      ...overrides,
    },
  });
}

/** An OpenAPI action on the fake API using its OAuth provider (client id and secret set). */
export async function createOAuthAction(
  owner: Actor,
  gptId: string,
  api: FakeApi,
  overrides: Partial<Extract<CreateActionInput, { kind: "openapi" }>> = {},
): Promise<ActionView> {
  return createGptAction({
    actor: owner,
    gptId,
    input: {
      kind: "openapi",
      schemaText: await fakeApiDocument(api),
      auth: {
        kind: "oauth",
        clientId: FAKE_OAUTH_CLIENT_ID,
        clientSecret: FAKE_OAUTH_CLIENT_SECRET,
        authorizeUrl: `${api.url}/oauth/authorize`,
        tokenUrl: `${api.url}/oauth/token`,
        scopes: "profile:read",
      },
      ...overrides,
    },
  });
}

/** A minimal valid OpenAPI document calling `serverUrl` (fast to parse, for bulk creation). */
export function tinyDocument(serverUrl: string, title = "Tiny API"): string {
  return JSON.stringify({
    openapi: "3.1.0",
    info: { title, version: "1.0.0" },
    servers: [{ url: serverUrl }],
    paths: {
      "/echo": {
        get: {
          operationId: "echo",
          summary: "Echo the request",
          responses: { "200": { description: "ok" } },
        },
      },
    },
  });
}
