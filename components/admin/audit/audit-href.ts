import type { AuditLogQuery } from "@/lib/admin/audit-schemas";

/** /admin/audit with the given filters; empty ones are left out of the URL. */
export function auditHref(query: Partial<AuditLogQuery>, overrides: Partial<AuditLogQuery> = {}) {
  const merged = { ...query, ...overrides };
  const search = new URLSearchParams();
  for (const key of ["action", "actor", "targetType", "targetId", "from", "to"] as const) {
    const value = merged[key];
    if (value) search.set(key, value);
  }
  if (merged.page && merged.page > 1) search.set("page", String(merged.page));
  const text = search.toString();
  return text ? `/admin/audit?${text}` : "/admin/audit";
}
