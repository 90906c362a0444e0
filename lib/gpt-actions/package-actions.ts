import "server-only";
import { parse as parseYaml } from "yaml";
import type { GptPackageAction } from "../gpts/package/package-schema";
import type { EgressPolicy } from "../security/egress";
import { withoutCredentials } from "./copy-actions";
import type { ActionDefinition, ApiKeyConfig, OAuthConfig } from "./definition";
import { domainOf } from "./definition";
import { loadOpenApiSource } from "./load-action-source";
import { assertReachableUrl } from "./resolve-auth";

const AUTH_KIND_NAMES = { NONE: "none", API_KEY: "api_key", OAUTH: "oauth" } as const;

/** An action as a package describes it: the document and settings, never a credential. */
export function toPackageAction(definition: ActionDefinition): GptPackageAction {
  const safe = withoutCredentials(definition);
  const config = safe.authConfig as Partial<ApiKeyConfig & OAuthConfig>;
  let openapi: Record<string, unknown> | undefined;
  if (definition.kind === "OPENAPI" && definition.schemaText) {
    openapi = parseYaml(definition.schemaText) as Record<string, unknown>;
  }
  return {
    name: definition.name.slice(0, 100),
    description: "",
    kind: definition.kind === "MCP" ? "mcp" : "openapi",
    ...(openapi ? { openapi } : {}),
    serverUrl: definition.serverUrl,
    authKind: AUTH_KIND_NAMES[definition.authKind],
    auth:
      definition.authKind === "API_KEY"
        ? { placement: config.placement, name: config.name }
        : definition.authKind === "OAUTH"
          ? {
              authorizeUrl: config.authorizeUrl,
              tokenUrl: config.tokenUrl,
              scopes: config.scopes,
              tokenAuthMethod: config.tokenAuthMethod,
            }
          : {},
    disabledOperations: definition.disabledOperations,
    privacyPolicyUrl: definition.privacyPolicyUrl,
  };
}

/**
 * A package's action as a draft definition (id assigned on insert), validated like a pasted
 * document. MCP tools are listed when the new owner opens the action and refreshes it (the
 * importer does not connect anywhere). Returns a warning for what the new owner must add.
 */
export async function fromPackageAction(
  action: GptPackageAction,
  policy: EgressPolicy,
): Promise<{ definition: ActionDefinition; warning: string | null }> {
  const authKind =
    action.authKind === "api_key" ? "API_KEY" : action.authKind === "oauth" ? "OAUTH" : "NONE";
  const authConfig: ActionDefinition["authConfig"] =
    authKind === "API_KEY"
      ? { placement: action.auth.placement ?? "header", name: action.auth.name ?? "" }
      : authKind === "OAUTH"
        ? {
            clientId: "",
            authorizeUrl: action.auth.authorizeUrl ?? "",
            tokenUrl: action.auth.tokenUrl ?? "",
            scopes: action.auth.scopes ?? "",
            tokenAuthMethod: action.auth.tokenAuthMethod ?? "client_secret_post",
          }
        : {};
  // The same save-time URL checks as the action API (lib/gpt-actions/resolve-auth.ts): an
  // imported action may not point the egress guard's way at anything it would refuse.
  if (authKind === "OAUTH") {
    if (action.auth.authorizeUrl)
      assertReachableUrl(action.auth.authorizeUrl, policy, "auth.authorizeUrl");
    if (action.auth.tokenUrl) assertReachableUrl(action.auth.tokenUrl, policy, "auth.tokenUrl");
  }
  let source: { name: string; serverUrl: string; operations: ActionDefinition["operations"] };
  let schemaText: string | null = null;
  if (action.kind === "mcp") {
    assertReachableUrl(action.serverUrl!, policy, "serverUrl");
    source = { name: action.name, serverUrl: action.serverUrl!, operations: [] };
  } else {
    schemaText = JSON.stringify(action.openapi, null, 2);
    source = await loadOpenApiSource({
      schemaText,
      serverUrl: action.serverUrl ?? null,
      policy,
    });
  }
  const needs = [
    authKind === "API_KEY" ? "its API key" : null,
    authKind === "OAUTH" ? "its OAuth client ID and secret" : null,
    action.kind === "mcp" ? "a refresh of its tools" : null,
  ].filter(Boolean);
  return {
    definition: {
      id: "",
      kind: action.kind === "mcp" ? "MCP" : "OPENAPI",
      name: action.name,
      domain: domainOf(source.serverUrl),
      serverUrl: source.serverUrl,
      operations: source.operations,
      disabledOperations: action.disabledOperations,
      authKind,
      authConfig,
      secretCiphertext: null,
      privacyPolicyUrl: action.privacyPolicyUrl,
      schemaText,
      sourceUrl: null,
    },
    warning:
      needs.length > 0
        ? `The action "${action.name}" needs ${needs.join(" and ")} before it works.`
        : null,
  };
}
