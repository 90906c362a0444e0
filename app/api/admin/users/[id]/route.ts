import { route } from "@/lib/http/route";
import { updateUserInputSchema } from "@/lib/users/schemas";
import { setUserBanned } from "@/lib/users/set-user-banned";
import { setUserRole } from "@/lib/users/set-user-role";

export const dynamic = "force-dynamic";

/**
 * PATCH { banned: true, reason } | { banned: false } | { role } → { user: AdminUserRow }.
 * Admins (and oneself) cannot be banned; nobody changes their own role; the last admin stays one.
 */
export const PATCH = route<typeof updateUserInputSchema, { id: string }>(
  { access: "admin", body: updateUserInputSchema },
  async ({ actor, body, params }) => {
    if (body.role)
      return { user: await setUserRole({ actor, userId: params.id, role: body.role }) };
    const user = body.banned
      ? await setUserBanned({ actor, userId: params.id, banned: true, reason: body.reason ?? "" })
      : await setUserBanned({ actor, userId: params.id, banned: false });
    return { user };
  },
);
