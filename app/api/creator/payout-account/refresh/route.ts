import { route } from "@/lib/http/route";
import { refreshPayoutAccount } from "@/lib/payouts/connect";

export const dynamic = "force-dynamic";

/** POST → { hasAccount, payoutsEnabled }: re-reads the connected account from Stripe. */
export const POST = route({ access: "user" }, async ({ actor }) => {
  const account = await refreshPayoutAccount({ actor });
  return { hasAccount: account !== null, payoutsEnabled: account?.payoutsEnabled ?? false };
});
