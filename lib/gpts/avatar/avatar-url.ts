import { AVATAR_KEY_PATTERN } from "../schemas";

/**
 * Where the browser loads an uploaded avatar from (app/api/files/avatars/[owner]/[file]), or null
 * when there is none (the generated initials avatar shows instead). Browser-safe.
 */
export function avatarUrl(key: string | null | undefined): string | null {
  if (!key || !AVATAR_KEY_PATTERN.test(key)) return null;
  return `/api/files/${key}`;
}
