import "server-only";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { createEgressFetch, type EgressPolicy } from "../../security/egress";
import type { StoredOperation } from "../definition";
import { toToolName } from "../openapi/tool-name";
import { applyCredential, type Credential } from "./credentials";

type McpConnection = {
  serverUrl: string;
  credential: Credential;
  policy: EgressPolicy;
  timeoutMs?: number;
  signal?: AbortSignal;
};

/** Opens a session with the server (every request through the egress guard), runs `use`, closes. */
async function withMcpClient<T>(
  { serverUrl, credential, policy, timeoutMs = 45_000, signal }: McpConnection,
  use: (client: Client) => Promise<T>,
): Promise<T> {
  const { request } = applyCredential(
    { method: "POST", url: serverUrl, headers: {}, body: null },
    credential,
  );
  const transport = new StreamableHTTPClientTransport(new URL(request.url), {
    fetch: createEgressFetch({ policy, timeoutMs, signal, maxResponseBytes: 5 * 1024 * 1024 }),
    requestInit: { headers: request.headers },
  });
  const client = new Client({ name: "atelier", version: "1.0.0" });
  try {
    await client.connect(transport, { timeout: timeoutMs, signal });
    return await use(client);
  } finally {
    await client.close().catch(() => {});
  }
}

/** The server's tools as operations (paginated listing, at most 300). */
export async function listMcpTools(connection: McpConnection): Promise<{
  serverName: string | null;
  operations: StoredOperation[];
}> {
  return withMcpClient(connection, async (client) => {
    const tools: Awaited<ReturnType<Client["listTools"]>>["tools"] = [];
    let cursor: string | undefined;
    do {
      const page = await client.listTools(cursor ? { cursor } : undefined, {
        timeout: connection.timeoutMs ?? 45_000,
      });
      tools.push(...page.tools);
      cursor = page.nextCursor;
    } while (cursor && tools.length < 300);
    const taken = new Set<string>();
    const operations = tools.slice(0, 300).map((tool): StoredOperation => {
      const description = (tool.description ?? tool.annotations?.title ?? "").trim();
      const warnings: string[] = [];
      if (description.length > 300) {
        warnings.push(`description is longer than 300 characters (${description.length})`);
      }
      return {
        key: tool.name,
        operationId: tool.name,
        toolName: toToolName(tool.name, taken),
        method: "TOOL",
        path: tool.name,
        summary: tool.title ?? tool.annotations?.title ?? null,
        description,
        parameters: [],
        requestBody: null,
        inputSchema: (tool.inputSchema ?? { type: "object" }) as Record<string, unknown>,
        // MCP's own default: a tool not marked read-only may change things.
        isConsequential: tool.annotations?.readOnlyHint !== true,
        warnings,
      };
    });
    return { serverName: client.getServerVersion()?.name ?? null, operations };
  });
}

export type McpToolResult = { isError: boolean; text: string };

/** Calls one tool; its content blocks are flattened to text for the model. */
export async function callMcpTool(
  connection: McpConnection & { toolName: string; args: Record<string, unknown> },
): Promise<McpToolResult> {
  return withMcpClient(connection, async (client) => {
    const result = await client.callTool(
      { name: connection.toolName, arguments: connection.args },
      undefined,
      { timeout: connection.timeoutMs ?? 45_000, signal: connection.signal },
    );
    const blocks = Array.isArray(result.content) ? result.content : [];
    const text = blocks
      .map((block: { type: string; text?: string }) =>
        block.type === "text" ? (block.text ?? "") : `[${block.type} content]`,
      )
      .join("\n");
    const structured =
      !text && result.structuredContent ? JSON.stringify(result.structuredContent) : "";
    return { isError: result.isError === true, text: text || structured };
  });
}
