import "server-only";
import type { GptAction, Prisma } from "../generated/prisma/client";
import type {
  ActionAuthView,
  ActionOperationView,
  ActionView,
  ApiKeyPlacement,
  OAuthTokenAuthMethod,
} from "./types";

/** An operation as stored (the draft row and version snapshots): the view without its switch. */
export type StoredOperation = Omit<ActionOperationView, "isEnabled">;

export type ApiKeyConfig = { placement: ApiKeyPlacement; name: string };
export type OAuthConfig = {
  clientId: string;
  authorizeUrl: string;
  tokenUrl: string;
  scopes: string;
  tokenAuthMethod: OAuthTokenAuthMethod;
};

/**
 * Everything the runtime needs to call an action, identical whether it comes from the draft row
 * (owner's preview, Test) or a published version's snapshot (GptVersion.actions). Holds the
 * credential as ciphertext; never send it to the browser (see toActionView).
 */
export type ActionDefinition = {
  id: string;
  kind: "OPENAPI" | "MCP";
  name: string;
  domain: string;
  serverUrl: string;
  operations: StoredOperation[];
  disabledOperations: string[];
  authKind: "NONE" | "API_KEY" | "OAUTH";
  authConfig: ApiKeyConfig | OAuthConfig | Record<string, never>;
  secretCiphertext: string | null;
  privacyPolicyUrl: string | null;
  /** Kept in version snapshots so a restore brings the document back into the draft. */
  schemaText?: string | null;
  sourceUrl?: string | null;
};

/** host[:port] of a URL: what consent is given for and what the chat shows. */
export function domainOf(url: string): string {
  return new URL(url).host;
}

export function definitionFromRow(row: GptAction): ActionDefinition {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    domain: domainOf(row.serverUrl),
    serverUrl: row.serverUrl,
    operations: row.operations as StoredOperation[],
    disabledOperations: row.disabledOperations,
    authKind: row.authKind,
    authConfig: row.authConfig as ActionDefinition["authConfig"],
    secretCiphertext: row.secretCiphertext,
    privacyPolicyUrl: row.privacyPolicyUrl,
    schemaText: row.schemaText,
    sourceUrl: row.sourceUrl,
  };
}

/** A published version's actions (GptVersion.actions JSON). */
export function definitionsFromVersion(actions: unknown): ActionDefinition[] {
  return Array.isArray(actions) ? (actions as ActionDefinition[]) : [];
}

export function enabledOperations(definition: ActionDefinition): StoredOperation[] {
  const disabled = new Set(definition.disabledOperations);
  return definition.operations.filter((operation) => !disabled.has(operation.key));
}

export function authView(
  definition: Pick<ActionDefinition, "authKind" | "authConfig" | "secretCiphertext">,
): ActionAuthView {
  const hasSecret = definition.secretCiphertext !== null;
  if (definition.authKind === "API_KEY") {
    const config = definition.authConfig as ApiKeyConfig;
    return { kind: "api_key", placement: config.placement, name: config.name, hasSecret };
  }
  if (definition.authKind === "OAUTH") {
    const config = definition.authConfig as OAuthConfig;
    return { kind: "oauth", ...config, hasSecret };
  }
  return { kind: "none" };
}

/** The owner's view of a draft action: no credential, only whether one is set. */
export function toActionView(row: GptAction): ActionView {
  const definition = definitionFromRow(row);
  const disabled = new Set(row.disabledOperations);
  return {
    id: row.id,
    kind: row.kind === "MCP" ? "mcp" : "openapi",
    name: row.name,
    domain: definition.domain,
    serverUrl: row.serverUrl,
    sourceUrl: row.sourceUrl,
    schemaText: row.schemaText,
    operations: definition.operations.map((operation) => ({
      ...operation,
      isEnabled: !disabled.has(operation.key),
    })),
    auth: authView(definition),
    privacyPolicyUrl: row.privacyPolicyUrl,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Operations (and version snapshots) as a JSON column value. */
export function asJson(value: unknown): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}
