import { requestEmailChange } from "@/lib/accounts/change-email";
import { changeEmailSchema } from "@/lib/accounts/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** POST { newEmail, currentPassword? } → { newEmail }: mails a confirmation link to the new address. */
export const POST = route({ access: "user", body: changeEmailSchema }, async ({ actor, body }) =>
  requestEmailChange({ actor, input: body }),
);
