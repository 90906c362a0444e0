import { createHash, randomBytes } from "node:crypto";

/**
 * The secret in an emailed link (verification, reset, email change, invitation): 32 random bytes,
 * base64url. Only its SHA-256 is stored, so a database leak reveals no usable link.
 */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
