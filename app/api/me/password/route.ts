import { changePassword } from "@/lib/accounts/change-password";
import { changePasswordSchema } from "@/lib/accounts/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** POST { currentPassword?, newPassword } → { otherSessionsSignedOut }. */
export const POST = route({ access: "user", body: changePasswordSchema }, async ({ actor, body }) =>
  changePassword({ actor, input: body }),
);
