import { deleteAccountSchema } from "@/lib/accounts/data-schemas";
import { deleteAccount } from "@/lib/accounts/delete-account";
import { getAccountSecurity } from "@/lib/accounts/queries";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET → the signed-in user's email, its verification, password and connected sign-in providers. */
export const GET = route({ access: "user" }, async ({ actor }) => getAccountSecurity(actor));

/** next-auth's session cookies: a deleted account's browser forgets its (already dead) session. */
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * DELETE { password } or { confirmEmail } → deletes the signed-in user's account
 * (lib/accounts/delete-account.ts). Its sessions end on the server with it.
 */
export const DELETE = route(
  { access: "user", body: deleteAccountSchema },
  async ({ actor, body }) => {
    await deleteAccount({ actor, input: body });
    const response = Response.json({ ok: true });
    for (const name of SESSION_COOKIES) {
      response.headers.append(
        "Set-Cookie",
        `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`,
      );
    }
    return response;
  },
);
