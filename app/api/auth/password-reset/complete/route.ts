import { resetPassword } from "@/lib/accounts/reset-password";
import { passwordResetSchema } from "@/lib/accounts/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** POST { token, password } → { email }: sets the new password; every session ends. */
export const POST = route({ access: "public", body: passwordResetSchema }, async ({ body }) =>
  resetPassword({ input: body }),
);
