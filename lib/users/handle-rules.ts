/** A profile handle: 3-30 of a-z, 0-9 and "-", not starting or ending with "-". Browser-safe. */
export const HANDLE_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,28}[a-z0-9])$/;

export const HANDLE_MIN = 3;
export const HANDLE_MAX = 30;

/**
 * Handles that would read as the site speaking (admin, support) or collide with app paths a
 * profile link might be confused with (/u/settings, /u/new). Compared after lower-casing.
 */
export const RESERVED_HANDLES: ReadonlySet<string> = new Set([
  "about",
  "account",
  "admin",
  "administrator",
  "api",
  "app",
  "atelier",
  "auth",
  "billing",
  "blog",
  "chat",
  "contact",
  "dashboard",
  "docs",
  "edit",
  "explore",
  "gpt",
  "gpts",
  "help",
  "home",
  "login",
  "logout",
  "me",
  "moderator",
  "new",
  "null",
  "official",
  "owner",
  "privacy",
  "profile",
  "root",
  "search",
  "security",
  "settings",
  "sign-in",
  "sign-out",
  "sign-up",
  "signin",
  "signup",
  "staff",
  "store",
  "support",
  "system",
  "terms",
  "undefined",
  "user",
  "users",
  "www",
]);

/**
 * Why a (lower-cased, trimmed) handle is refused, in words a person can act on; null when it is
 * fine. The form shows it as the user types; the server applies the same rule.
 */
export function handleProblem(handle: string): string | null {
  if (handle.length < HANDLE_MIN) return `Use at least ${HANDLE_MIN} characters.`;
  if (handle.length > HANDLE_MAX) return `Use at most ${HANDLE_MAX} characters.`;
  if (/[^a-z0-9-]/.test(handle)) {
    return "Use only lower-case letters a-z, digits and hyphens (no spaces, dots or accents).";
  }
  if (handle.startsWith("-") || handle.endsWith("-")) {
    return "Start and end with a letter or a digit, not a hyphen.";
  }
  if (handle.includes("--")) return "Use single hyphens between words.";
  if (RESERVED_HANDLES.has(handle)) return `"${handle}" is reserved. Choose another handle.`;
  if (!HANDLE_PATTERN.test(handle)) return "This handle is not valid.";
  return null;
}
