import "server-only";
import { AppError } from "../errors";
import { EgressError, type EgressPolicy, egressFetch, readTextCapped } from "../security/egress";
import type { StoredOperation } from "./definition";
import { type OpenApiProblem, type ParsedOpenApi, parseOpenApi } from "./openapi/parse-openapi";
import { SCHEMA_TEXT_MAX_CHARS } from "./schemas";
import type { ActionAuthView } from "./types";

/** Downloads an OpenAPI document through the egress guard (redirects re-checked, size capped). */
export async function fetchOpenApiText(url: string, policy: EgressPolicy): Promise<string> {
  try {
    const response = await egressFetch(
      url,
      { headers: { accept: "application/json, application/yaml, text/yaml, text/plain, */*" } },
      { policy, timeoutMs: 20_000, maxResponseBytes: SCHEMA_TEXT_MAX_CHARS + 1 },
    );
    if (!response.ok) {
      throw new AppError(
        "bad_request",
        `The URL answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}.`,
        { url: [`The URL answered ${response.status}.`] },
      );
    }
    const { text, isTruncated } = await readTextCapped(response, SCHEMA_TEXT_MAX_CHARS);
    if (isTruncated) {
      throw new AppError("bad_request", "The document is larger than 2 MB.", {
        url: ["The document is larger than 2 MB."],
      });
    }
    return text;
  } catch (error) {
    if (error instanceof EgressError) {
      throw new AppError("bad_request", `Could not import the document: ${error.message}`, {
        url: [error.message],
      });
    }
    throw error;
  }
}

export function problemsError(problems: OpenApiProblem[]): AppError {
  const lines = problems.map((problem) =>
    problem.path ? `${problem.path}: ${problem.message}` : problem.message,
  );
  return new AppError(
    "bad_request",
    problems.length === 1
      ? `The document is not valid: ${lines[0]}`
      : `The document has ${problems.length} problems.`,
    { schemaText: lines },
  );
}

/** Parses and validates a document, or throws a bad_request listing its problems. */
export async function parseOrThrow(text: string): Promise<Extract<ParsedOpenApi, { ok: true }>> {
  const parsed = await parseOpenApi(text);
  if (!parsed.ok) throw problemsError(parsed.problems);
  return parsed;
}

export function storedOperations(parsed: Extract<ParsedOpenApi, { ok: true }>): StoredOperation[] {
  return parsed.operations.map((operation) => ({ ...operation }));
}

type SecurityScheme = {
  type?: string;
  in?: string;
  name?: string;
  scheme?: string;
  flows?: {
    authorizationCode?: { authorizationUrl?: string; tokenUrl?: string; scopes?: object };
  };
};

/** The first security scheme the document declares, as the auth form's starting point. */
export function suggestAuth(document: object): ActionAuthView | null {
  const schemes = (document as { components?: { securitySchemes?: Record<string, unknown> } })
    .components?.securitySchemes;
  if (!schemes) return null;
  for (const raw of Object.values(schemes)) {
    const scheme = raw as SecurityScheme;
    if (scheme.type === "apiKey" && (scheme.in === "header" || scheme.in === "query")) {
      return { kind: "api_key", placement: scheme.in, name: scheme.name ?? "", hasSecret: false };
    }
    if (scheme.type === "http" && scheme.scheme?.toLowerCase() === "bearer") {
      return { kind: "api_key", placement: "bearer", name: "", hasSecret: false };
    }
    if (scheme.type === "http" && scheme.scheme?.toLowerCase() === "basic") {
      return { kind: "api_key", placement: "basic", name: "", hasSecret: false };
    }
    const code = scheme.type === "oauth2" ? scheme.flows?.authorizationCode : undefined;
    if (code?.authorizationUrl && code.tokenUrl) {
      return {
        kind: "oauth",
        clientId: "",
        authorizeUrl: code.authorizationUrl,
        tokenUrl: code.tokenUrl,
        scopes: Object.keys(code.scopes ?? {}).join(" "),
        tokenAuthMethod: "client_secret_post",
        hasSecret: false,
      };
    }
  }
  return null;
}
