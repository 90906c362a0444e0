import { route } from "@/lib/http/route";
import { setUserBannedInputSchema } from "@/lib/users/schemas";
import { setUserBanned } from "@/lib/users/set-user-banned";

export const dynamic = "force-dynamic";

/** PATCH { banned: boolean } → { user: AdminUserRow }. Admins (and oneself) cannot be banned. */
export const PATCH = route<typeof setUserBannedInputSchema, { id: string }>(
  { access: "admin", body: setUserBannedInputSchema },
  async ({ actor, body, params }) => ({
    user: await setUserBanned({ actor, userId: params.id, banned: body.banned }),
  }),
);
