import { route } from "@/lib/http/route";
import { sendResetLink } from "@/lib/users/send-reset-link";

export const dynamic = "force-dynamic";

/** POST → { email }: emails the user a password reset link. Refused for banned or deleted accounts. */
export const POST = route<undefined, { id: string }>(
  { access: "admin" },
  async ({ actor, params }) => sendResetLink({ actor, userId: params.id }),
);
