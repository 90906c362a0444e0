import { route } from "@/lib/http/route";
import { runPayoutsAsAdmin } from "@/lib/payouts/admin-actions";

export const dynamic = "force-dynamic";

/** POST → { summary }: runs the payout job now. */
export const POST = route({ access: "admin" }, async ({ actor }) => ({
  summary: await runPayoutsAsAdmin({ actor }),
}));
