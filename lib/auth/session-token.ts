import hkdf from "@panva/hkdf";
import { jwtDecrypt } from "jose";

/** `id`: the user; `sid`: their UserSession row (lib/auth/user-sessions.ts). */
export type Claims = { id?: string; sid?: string };

const keyHolder = globalThis as unknown as {
  atelierSessionKey?: { secret: string; key: Promise<Uint8Array> };
};

/** next-auth/jwt's key derivation (getDerivedEncryptionKey, empty salt), once per secret. */
function sessionKey(secret: string): Promise<Uint8Array> {
  if (keyHolder.atelierSessionKey?.secret !== secret) {
    keyHolder.atelierSessionKey = {
      secret,
      key: hkdf("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32),
    };
  }
  return keyHolder.atelierSessionKey.key;
}

/**
 * The claims of a next-auth session token (a JWE: "dir", A256GCM, as next-auth/jwt's decode reads
 * it, with the same 15 s clock tolerance), or undefined when it is expired, tampered with or
 * sealed with another secret.
 */
export async function claimsFromSessionToken(
  token: string,
  secret: string,
): Promise<Claims | undefined> {
  try {
    const { payload } = await jwtDecrypt(token, await sessionKey(secret), { clockTolerance: 15 });
    if (typeof payload.sub !== "string") return undefined;
    return {
      id: payload.sub,
      sid: typeof payload.sid === "string" ? payload.sid : undefined,
    };
  } catch {
    return undefined;
  }
}
