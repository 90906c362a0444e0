import "server-only";
import type { EgressPolicy } from "../../security/egress";
import { openSecret } from "../../security/secret-box";
import type { ActionDefinition, ApiKeyConfig } from "../definition";
import { getAccessToken } from "../oauth/access-token";
import type { Credential } from "./credentials";

/**
 * The credential a call for `userId` carries, or "needs_connection" when the action uses OAuth
 * and this user has not connected (or their connection could not be refreshed).
 */
export async function resolveCredential({
  definition,
  userId,
  policy,
  forceRefresh = false,
}: {
  definition: ActionDefinition;
  userId: string;
  policy: EgressPolicy;
  forceRefresh?: boolean;
}): Promise<Credential | "needs_connection"> {
  if (definition.authKind === "API_KEY" && definition.secretCiphertext) {
    return {
      kind: "api_key",
      config: definition.authConfig as ApiKeyConfig,
      key: await openSecret(definition.secretCiphertext),
    };
  }
  if (definition.authKind === "OAUTH") {
    const token = await getAccessToken({ userId, definition, policy, force: forceRefresh });
    return token ? { kind: "bearer", token } : "needs_connection";
  }
  return { kind: "none" };
}
