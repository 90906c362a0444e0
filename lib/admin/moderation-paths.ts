/** The admin area's pages a moderator may open: moderation only (not settings, users or money). */
export const MODERATION_PATHS = ["/admin/reports", "/admin/reviews"] as const;

export function isModerationPath(pathname: string): boolean {
  return MODERATION_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}
