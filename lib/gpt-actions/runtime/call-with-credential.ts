import "server-only";
import type { EgressPolicy } from "../../security/egress";
import type { ActionDefinition, OAuthConfig, StoredOperation } from "../definition";
import { resolveCredential } from "./resolve-credential";
import { type OperationRun, refusedRun, runOperation } from "./run-operation";

/**
 * Runs an operation for a user with the credential the action needs. An OAuth API that answers
 * 401 gets one retry after a forced token refresh (the provider may have revoked the token early).
 */
export async function callWithCredential({
  definition,
  operation,
  args,
  userId,
  policy,
  signal,
}: {
  definition: ActionDefinition;
  operation: StoredOperation;
  args: Record<string, unknown>;
  userId: string;
  policy: EgressPolicy;
  signal?: AbortSignal;
}): Promise<OperationRun | "needs_connection"> {
  const missing = missingSetup(definition);
  if (missing) {
    return refusedRun({ method: operation.method, url: definition.serverUrl }, missing);
  }
  const credential = await resolveCredential({ definition, userId, policy });
  if (credential === "needs_connection") return credential;
  const run = await runOperation({ definition, operation, args, credential, policy, signal });
  if (definition.authKind !== "OAUTH" || run.status !== 401) return run;
  const refreshed = await resolveCredential({ definition, userId, policy, forceRefresh: true });
  if (refreshed === "needs_connection") return refreshed;
  return runOperation({ definition, operation, args, credential: refreshed, policy, signal });
}

/** Remixed and imported actions arrive without credentials until their new owner adds them. */
function missingSetup(definition: ActionDefinition): string | null {
  if (definition.authKind === "API_KEY" && !definition.secretCiphertext) {
    return `The API key for ${definition.domain} is not set. The GPT's creator must add it.`;
  }
  if (definition.authKind === "OAUTH" && !(definition.authConfig as OAuthConfig).clientId) {
    return `The OAuth client for ${definition.domain} is not set up. The GPT's creator must add it.`;
  }
  return null;
}
