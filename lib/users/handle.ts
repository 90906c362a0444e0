import { createHash } from "node:crypto";

// The rule itself is browser-safe (the settings form checks it as you type); this file uses node:crypto.
export { HANDLE_PATTERN } from "./handle-rules";

/**
 * The handle a new profile starts with: its name in URL form plus six hex characters of the
 * user id, so two "Ada"s never collide and the same user always gets the same suggestion. The
 * store migration backfilled existing profiles with the same rule (keep them in step).
 */
export function initialHandle(displayName: string, userId: string): string {
  const base =
    displayName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 23)
      .replace(/-+$/g, "") || "creator";
  const suffix = createHash("md5").update(userId).digest("hex").slice(0, 6);
  return `${base}-${suffix}`;
}
