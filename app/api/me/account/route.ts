import { getAccountSecurity } from "@/lib/accounts/queries";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET → the signed-in user's email, its verification, password and connected sign-in providers. */
export const GET = route({ access: "user" }, async ({ actor }) => getAccountSecurity(actor));
