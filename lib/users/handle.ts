import { createHash } from "node:crypto";

/** A profile handle: 3-30 of a-z, 0-9 and "-", not starting or ending with "-". */
export const HANDLE_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,28}[a-z0-9])$/;

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
