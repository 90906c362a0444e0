import { route } from "@/lib/http/route";
import { getPayoutSettings, savePayoutSettings } from "@/lib/payouts/payout-settings";
import { payoutSettingsInputSchema } from "@/lib/payouts/payout-settings-schema";

export const dynamic = "force-dynamic";

/** GET → { settings: PayoutSettingsView }. */
export const GET = route({ access: "admin" }, async ({ actor }) => ({
  settings: await getPayoutSettings({ actor }),
}));

/** PUT PayoutSettingsInput → { settings }; each bad value is named at its field. */
export const PUT = route(
  { access: "admin", body: payoutSettingsInputSchema },
  async ({ actor, body }) => ({ settings: await savePayoutSettings({ actor, input: body }) }),
);
