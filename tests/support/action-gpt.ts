import type { Actor } from "@/lib/auth/session";
import { createGptAction } from "@/lib/gpt-actions/create-gpt-action";
import { createGpt } from "@/lib/gpts/create-gpt";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import {
  FAKE_API_KEY,
  FAKE_OAUTH_CLIENT_ID,
  FAKE_OAUTH_CLIENT_SECRET,
  type FakeApi,
} from "../fixtures/fake-api/server";
import type { FakeMcp } from "../fixtures/fake-mcp/server";
import { ensureBuilderProfile } from "./factories";

/** A public GPT with the fake API (key in X-Api-Key, or OAuth) and, optionally, the fake MCP server. */
export async function createFakeApiGpt({
  owner,
  api,
  mcp,
  withMcp = false,
  withOAuth = false,
}: {
  owner: Actor;
  api: FakeApi;
  mcp?: FakeMcp;
  withMcp?: boolean;
  withOAuth?: boolean;
}) {
  const gpt = await createGpt({
    actor: owner,
    input: {
      name: "Weather helper",
      description: "Calls the fake API",
      instructions: "Use the tools.",
      conversationStarters: [],
      capabilities: ["actions"],
    },
  });
  const document = await (await fetch(`${api.url}/openapi.json`)).text();
  await createGptAction({
    actor: owner,
    gptId: gpt.id,
    input: {
      kind: "openapi",
      schemaText: document,
      auth: withOAuth
        ? {
            kind: "oauth",
            clientId: FAKE_OAUTH_CLIENT_ID,
            clientSecret: FAKE_OAUTH_CLIENT_SECRET,
            authorizeUrl: `${api.url}/oauth/authorize`,
            tokenUrl: `${api.url}/oauth/token`,
            scopes: "profile:read",
          }
        : { kind: "api_key", placement: "header", name: "X-Api-Key", secret: FAKE_API_KEY },
      privacyPolicyUrl: "https://example.com/privacy",
    },
  });
  if (withMcp && mcp) {
    await createGptAction({
      actor: owner,
      gptId: gpt.id,
      input: { kind: "mcp", serverUrl: mcp.url, privacyPolicyUrl: "https://example.com/privacy" },
    });
  }
  await ensureBuilderProfile(owner);
  await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PUBLIC" } });
  return gpt;
}
