import { requestVerificationEmail } from "@/lib/accounts/verify-email";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** POST → { email }: sends the verification link again. */
export const POST = route({ access: "user" }, async ({ actor }) =>
  requestVerificationEmail({ actor }),
);
