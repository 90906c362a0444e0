import "server-only";
import { EgressError, type EgressPolicy, egressFetch, readTextCapped } from "../../security/egress";
import type { ActionDefinition, StoredOperation } from "../definition";
import { buildOperationRequest } from "../openapi/build-request";
import type { ActionOperation } from "../openapi/operations";
import type { ActionTestResult } from "../types";
import {
  applyCredential,
  type Credential,
  maskRequest,
  maskSecrets,
  type OutgoingRequest,
} from "./credentials";
import { callMcpTool } from "./mcp-client";

/** Per call: the issue's 45 s, and at most 1 MiB of response read (the rest is cut). */
export const CALL_TIMEOUT_MS = 45_000;
export const RESPONSE_MAX_BYTES = 1024 * 1024;

export type OperationRun = ActionTestResult & {
  /** HTTP status, or null (MCP, or no response at all). */
  status: number | null;
  isOk: boolean;
};

/** A call refused before anything was sent (bad arguments, missing setup). */
export function refusedRun(
  request: { method: string; url: string },
  error: string,
  durationMs = 0,
): OperationRun {
  return {
    request: { ...request, headers: {}, body: null },
    response: null,
    error,
    durationMs,
    status: null,
    isOk: false,
  };
}

function describeEgressError(error: EgressError): string {
  switch (error.code) {
    case "timeout":
      return `The API did not answer within ${CALL_TIMEOUT_MS / 1000} seconds.`;
    case "dns_failed":
      return "The API's host name could not be resolved.";
    case "blocked_address":
    case "blocked_port":
    case "blocked_scheme":
      return `The request was blocked: ${error.message}`;
    default:
      return error.message;
  }
}

function isJsonType(contentType: string | null): boolean {
  return Boolean(contentType && /\bjson\b/i.test(contentType));
}

/**
 * Runs one operation exactly as the chat does (the Test panel uses it too): arguments validated
 * against the operation's schema, the request built from the OpenAPI operation (or an MCP tool
 * call), the credential added, sent through the egress guard with the time and size limits.
 * Never throws for the API's failures: they come back as `error`, with secrets masked everywhere.
 */
export async function runOperation({
  definition,
  operation,
  args,
  credential,
  policy,
  signal,
}: {
  definition: ActionDefinition;
  operation: StoredOperation;
  args: Record<string, unknown>;
  credential: Credential;
  policy: EgressPolicy;
  signal?: AbortSignal;
}): Promise<OperationRun> {
  const startedAt = performance.now();
  const elapsed = () => Math.round(performance.now() - startedAt);
  if (definition.kind === "MCP") return runMcpTool();

  const built = buildOperationRequest({
    serverUrl: definition.serverUrl,
    operation: operation as ActionOperation,
    args,
  });
  if (!built.ok) {
    return refusedRun(
      { method: operation.method, url: definition.serverUrl },
      `Invalid arguments: ${built.errors.join("; ")}`,
      elapsed(),
    );
  }
  const { request, secrets } = applyCredential(built.request, credential);
  const shown = maskRequest(request, secrets);
  try {
    const response = await egressFetch(
      request.url,
      {
        method: request.method,
        headers: request.headers,
        body: request.body ?? undefined,
      },
      { policy, timeoutMs: CALL_TIMEOUT_MS, maxResponseBytes: 8 * RESPONSE_MAX_BYTES, signal },
    );
    const { text, isTruncated } = await readTextCapped(response, RESPONSE_MAX_BYTES);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = maskSecrets(value, secrets);
    });
    const body = maskSecrets(text, secrets);
    let error: string | null = null;
    if (!response.ok) {
      error = `The API answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}.`;
    } else if (isJsonType(response.headers.get("content-type")) && !isTruncated && text.trim()) {
      try {
        JSON.parse(text);
      } catch {
        error = "The API returned invalid JSON.";
      }
    }
    return {
      request: shown,
      response: {
        status: response.status,
        statusText: response.statusText,
        headers,
        body,
        isTruncated,
      },
      error,
      durationMs: elapsed(),
      status: response.status,
      isOk: error === null,
    };
  } catch (error) {
    if (!(error instanceof EgressError)) {
      console.error("[atelier] action call failed", { domain: definition.domain, error });
    }
    return {
      request: shown,
      response: null,
      error:
        error instanceof EgressError
          ? describeEgressError(error)
          : "The request could not be sent.",
      durationMs: elapsed(),
      status: null,
      isOk: false,
    };
  }

  async function runMcpTool(): Promise<OperationRun> {
    const shownRequest: OutgoingRequest = {
      method: "TOOL",
      url: definition.serverUrl,
      headers: {},
      body: JSON.stringify({ tool: operation.path, arguments: args }, null, 2),
    };
    const secrets =
      credential.kind === "api_key"
        ? [credential.key]
        : credential.kind === "bearer"
          ? [credential.token]
          : [];
    try {
      const result = await callMcpTool({
        serverUrl: definition.serverUrl,
        credential,
        policy,
        signal,
        timeoutMs: CALL_TIMEOUT_MS,
        toolName: operation.path,
        args,
      });
      const isTruncated = result.text.length > RESPONSE_MAX_BYTES;
      const body = maskSecrets(result.text.slice(0, RESPONSE_MAX_BYTES), secrets);
      return {
        request: maskRequest(shownRequest, secrets),
        response: { status: 200, statusText: "OK", headers: {}, body, isTruncated },
        error: result.isError ? `The tool reported an error: ${body.slice(0, 300)}` : null,
        durationMs: elapsed(),
        status: null,
        isOk: !result.isError,
      };
    } catch (error) {
      const message =
        error instanceof EgressError
          ? describeEgressError(error)
          : error instanceof Error
            ? maskSecrets(error.message, secrets).slice(0, 300)
            : "The MCP server could not be reached.";
      return {
        request: maskRequest(shownRequest, secrets),
        response: null,
        error: `The MCP call failed: ${message}`,
        durationMs: elapsed(),
        status: null,
        isOk: false,
      };
    }
  }
}
