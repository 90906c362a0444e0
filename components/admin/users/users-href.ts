import type { AdminUserQuery } from "@/lib/users/schemas";

/** /admin/users with the given filters; defaults are left out of the URL. */
export function usersHref(query: AdminUserQuery, overrides: Partial<AdminUserQuery> = {}): string {
  const merged = { ...query, ...overrides };
  const search = new URLSearchParams();
  if (merged.q) search.set("q", merged.q);
  if (merged.role !== "all") search.set("role", merged.role);
  if (merged.status !== "all") search.set("status", merged.status);
  if (merged.sort !== "newest") search.set("sort", merged.sort);
  if (merged.page > 1) search.set("page", String(merged.page));
  const text = search.toString();
  return text ? `/admin/users?${text}` : "/admin/users";
}
