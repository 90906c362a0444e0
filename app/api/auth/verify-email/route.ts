import { emailTokenSchema } from "@/lib/accounts/schemas";
import { confirmEmailVerification } from "@/lib/accounts/verify-email";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** POST { token } → { email }: the emailed link, opened; the token is the authority. */
export const POST = route({ access: "public", body: emailTokenSchema }, async ({ body }) =>
  confirmEmailVerification(body),
);
