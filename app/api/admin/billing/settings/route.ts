import { getBillingSettings, saveBillingSettings } from "@/lib/billing/billing-settings";
import { billingSettingsInputSchema } from "@/lib/billing/billing-settings-schema";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET → { settings: BillingSettingsView }. */
export const GET = route({ access: "admin" }, async ({ actor }) => ({
  settings: await getBillingSettings({ actor }),
}));

/** PUT BillingSettingsInput → { settings }; each bad value is named at its field. */
export const PUT = route(
  { access: "admin", body: billingSettingsInputSchema },
  async ({ actor, body }) => ({
    settings: await saveBillingSettings({ actor, input: body }),
  }),
);
