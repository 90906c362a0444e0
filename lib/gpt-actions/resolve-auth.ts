import "server-only";
import { AppError } from "../errors";
import { assertEgressUrlShape, EgressError, type EgressPolicy } from "../security/egress";
import { sealSecret } from "../security/secret-box";
import type { ActionDefinition, ApiKeyConfig, OAuthConfig } from "./definition";
import type { AuthInput } from "./schemas";

export type StoredAuth = {
  authKind: ActionDefinition["authKind"];
  authConfig: ApiKeyConfig | OAuthConfig | Record<string, never>;
  secretCiphertext: string | null;
};

/** A draft row's stored auth, typed. */
export function storedAuthOf(row: {
  authKind: StoredAuth["authKind"];
  authConfig: unknown;
  secretCiphertext: string | null;
}): StoredAuth {
  return {
    authKind: row.authKind,
    authConfig: (row.authConfig ?? {}) as StoredAuth["authConfig"],
    secretCiphertext: row.secretCiphertext,
  };
}

/** A URL the guard would refuse, refused when it is saved (field error at `field`). */
export function assertReachableUrl(url: string, policy: EgressPolicy, field: string): void {
  try {
    assertEgressUrlShape(url, policy);
  } catch (error) {
    if (error instanceof EgressError) {
      throw new AppError("bad_request", error.message, { [field]: [error.message] });
    }
    throw error;
  }
}

/**
 * Turns the auth form into what is stored: the non-secret settings in clear, the key or client
 * secret sealed. An omitted secret keeps the one already stored for the same kind of auth.
 */
export async function resolveAuth({
  input,
  existing,
  policy,
}: {
  input: AuthInput;
  existing: StoredAuth | null;
  policy: EgressPolicy;
}): Promise<StoredAuth> {
  if (input.kind === "none") return { authKind: "NONE", authConfig: {}, secretCiphertext: null };
  if (input.kind === "api_key") {
    const kept = existing?.authKind === "API_KEY" ? existing.secretCiphertext : null;
    const secretCiphertext = input.secret ? await sealSecret(input.secret) : kept;
    if (!secretCiphertext) {
      throw new AppError("bad_request", "Enter the API key.", {
        "auth.secret": ["Enter the API key."],
      });
    }
    return {
      authKind: "API_KEY",
      authConfig: { placement: input.placement, name: input.name },
      secretCiphertext,
    };
  }
  assertReachableUrl(input.authorizeUrl, policy, "auth.authorizeUrl");
  assertReachableUrl(input.tokenUrl, policy, "auth.tokenUrl");
  const kept = existing?.authKind === "OAUTH" ? existing.secretCiphertext : null;
  return {
    authKind: "OAUTH",
    authConfig: {
      clientId: input.clientId,
      authorizeUrl: input.authorizeUrl,
      tokenUrl: input.tokenUrl,
      scopes: input.scopes,
      tokenAuthMethod: input.tokenAuthMethod,
    },
    // Public clients (PKCE without a secret) are allowed: the secret is optional.
    secretCiphertext: input.clientSecret ? await sealSecret(input.clientSecret) : kept,
  };
}
