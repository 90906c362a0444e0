import { confirmEmailChange } from "@/lib/accounts/change-email";
import { emailTokenSchema } from "@/lib/accounts/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** POST { token } → { email }: the link sent to a new address, opened; the email changes. */
export const POST = route({ access: "public", body: emailTokenSchema }, async ({ body }) =>
  confirmEmailChange(body),
);
