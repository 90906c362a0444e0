import { requestPasswordReset } from "@/lib/accounts/reset-password";
import { passwordResetRequestSchema } from "@/lib/accounts/schemas";
import { clientIp } from "@/lib/http/client-ip";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** POST { email } → { email }: mails a reset link when the address has an account (same answer either way). */
export const POST = route(
  { access: "public", body: passwordResetRequestSchema },
  async ({ request, body }) => requestPasswordReset({ input: body, ip: clientIp(request.headers) }),
);
