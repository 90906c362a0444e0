import { route } from "@/lib/http/route";
import { listUsersForAdmin } from "@/lib/users/queries";
import { adminUserSearchSchema } from "@/lib/users/schemas";

export const dynamic = "force-dynamic";

/** GET ?q= → { users: AdminUserRow[], total } (newest first, at most 100). */
export const GET = route({ access: "admin" }, async ({ actor, request }) => {
  const q = adminUserSearchSchema.parse(new URL(request.url).searchParams.get("q") ?? "");
  return listUsersForAdmin({ actor, q });
});
