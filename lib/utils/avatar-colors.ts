/**
 * Background colours for generated avatars. Each passes WCAG AA (>= 4.5:1) against white
 * text, in both themes, so initials stay legible and axe scans stay green.
 */
export const AVATAR_COLORS = [
  "#4f46e5",
  "#7c3aed",
  "#7e22ce",
  "#a21caf",
  "#be185d",
  "#be123c",
  "#b91c1c",
  "#c2410c",
  "#b45309",
  "#15803d",
  "#047857",
  "#0f766e",
  "#0e7490",
  "#0369a1",
  "#1d4ed8",
  "#475569",
] as const;

export type AvatarColor = { background: string; foreground: string };

// FNV-1a: stable across server and client renders, so the colour never flickers on hydration.
function hashString(value: string) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export type AvatarColorValue = (typeof AVATAR_COLORS)[number];

export function isAvatarColor(value: unknown): value is AvatarColorValue {
  return typeof value === "string" && (AVATAR_COLORS as readonly string[]).includes(value);
}

/** The chosen palette colour when there is one, else a colour derived from the name. */
export function getAvatarColor(name: string, chosen?: string | null): AvatarColor {
  if (isAvatarColor(chosen)) return { background: chosen, foreground: "#ffffff" };
  const key = name.trim().toLowerCase();
  const background = AVATAR_COLORS[hashString(key) % AVATAR_COLORS.length];
  return { background, foreground: "#ffffff" };
}

/** "Code Copilot" -> "CC", "Atelier" -> "A"; punctuation and emoji are skipped. */
export function getInitials(name: string) {
  const words = name.match(/[\p{L}\p{N}]+/gu) ?? [];
  const letters = words.slice(0, 2).map((word) => Array.from(word)[0]);
  return letters.length > 0 ? letters.join("").toUpperCase() : "?";
}
