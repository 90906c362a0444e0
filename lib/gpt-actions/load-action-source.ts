import "server-only";
import { AppError } from "../errors";
import type { EgressPolicy } from "../security/egress";
import { openSecret } from "../security/secret-box";
import type { ApiKeyConfig, StoredOperation } from "./definition";
import { parseOrThrow, storedOperations } from "./openapi-source";
import { assertReachableUrl, type StoredAuth } from "./resolve-auth";
import type { Credential } from "./runtime/credentials";
import { listMcpTools } from "./runtime/mcp-client";

export type ActionSource = { name: string; serverUrl: string; operations: StoredOperation[] };

/** An OpenAPI document's operations and the server they call (the document's, or the override). */
export async function loadOpenApiSource({
  schemaText,
  serverUrl: override,
  policy,
}: {
  schemaText: string;
  serverUrl: string | null;
  policy: EgressPolicy;
}): Promise<ActionSource> {
  const parsed = await parseOrThrow(schemaText);
  const serverUrl = override ?? parsed.serverUrl;
  if (!serverUrl) {
    const message = "The document names no absolute server URL. Enter the API's base URL.";
    throw new AppError("bad_request", message, { serverUrl: [message] });
  }
  assertReachableUrl(serverUrl, policy, "serverUrl");
  if (parsed.operations.length === 0) {
    const message = "The document describes no operations.";
    throw new AppError("bad_request", message, { schemaText: [message] });
  }
  return {
    name: parsed.title || new URL(serverUrl).host,
    serverUrl,
    operations: storedOperations(parsed),
  };
}

/** The credential the builder itself uses to list an MCP server's tools (API key or none). */
async function listingCredential(auth: StoredAuth): Promise<Credential> {
  if (auth.authKind === "API_KEY" && auth.secretCiphertext) {
    return {
      kind: "api_key",
      config: auth.authConfig as ApiKeyConfig,
      key: await openSecret(auth.secretCiphertext),
    };
  }
  return { kind: "none" };
}

/**
 * Connects to an MCP server (through the egress guard) and lists its tools. With OAuth, the
 * owner's own connection is used when there is one (`ownerToken`); without, nothing is listed yet.
 */
export async function loadMcpSource({
  serverUrl,
  auth,
  policy,
  ownerToken = null,
}: {
  serverUrl: string;
  auth: StoredAuth;
  policy: EgressPolicy;
  ownerToken?: string | null;
}): Promise<ActionSource> {
  assertReachableUrl(serverUrl, policy, "serverUrl");
  const credential: Credential =
    auth.authKind === "OAUTH"
      ? ownerToken
        ? { kind: "bearer", token: ownerToken }
        : { kind: "none" }
      : await listingCredential(auth);
  if (auth.authKind === "OAUTH" && !ownerToken) {
    return { name: new URL(serverUrl).host, serverUrl, operations: [] };
  }
  try {
    const { serverName, operations } = await listMcpTools({ serverUrl, credential, policy });
    return { name: serverName || new URL(serverUrl).host, serverUrl, operations };
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : "no answer";
    const message = `Could not list the MCP server's tools: ${reason}`;
    throw new AppError("bad_request", message, { serverUrl: [message] });
  }
}
