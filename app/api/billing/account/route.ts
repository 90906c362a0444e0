import { getBillingAccount } from "@/lib/billing/account";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET → BillingAccount: the signed-in user's plan, usage, credits and the plans on offer. */
export const GET = route({ access: "user" }, async ({ actor }) => getBillingAccount(actor));
