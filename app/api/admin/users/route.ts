import { route } from "@/lib/http/route";
import { listUsersForAdmin } from "@/lib/users/queries";

export const dynamic = "force-dynamic";

/**
 * GET ?q=&role=all|user|moderator|admin&status=all|active|banned|unverified|deleted
 * &sort=newest|oldest&page= → AdminUserPage (50 a page). Admins only.
 */
export const GET = route({ access: "admin" }, async ({ actor, request }) => {
  const search = new URL(request.url).searchParams;
  return listUsersForAdmin({ actor, query: Object.fromEntries(search) });
});
