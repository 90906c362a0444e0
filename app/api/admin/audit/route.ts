import { listAuditLog } from "@/lib/admin/audit-queries";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * GET ?action=&actor=&targetType=&targetId=&from=YYYY-MM-DD&to=YYYY-MM-DD&page= → AuditLogPage,
 * newest first, 50 a page. Admins only.
 */
export const GET = route({ access: "admin" }, async ({ actor, request }) => {
  const search = new URL(request.url).searchParams;
  return listAuditLog({ actor, query: Object.fromEntries(search) });
});
