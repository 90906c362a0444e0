import { createHash, randomBytes } from "node:crypto";

/** Every Atelier API key starts with this, so secret scanners and people can recognise one. */
export const API_KEY_PREFIX = "atl_";
/** What lists show of a key: the prefix and the first 8 characters of its random part. */
const VISIBLE_LENGTH = API_KEY_PREFIX.length + 8;

/** A new key: 32 random bytes, base64url, after the prefix. */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, VISIBLE_LENGTH), hash: hashApiKey(key) };
}

/**
 * SHA-256 of the whole key. A key carries 256 random bits, so a fast unsalted hash cannot be
 * brute-forced, and it lets a request find its key with one indexed lookup.
 */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** The key from `Authorization: Bearer atl_…`, or null when the header holds none. */
export function bearerKeyOf(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1] : null;
}
