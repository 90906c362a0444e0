import { z } from "zod";
import { getBillingSettings, saveBillingSettings } from "@/lib/billing/billing-settings";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET → { settings: BillingSettingsView }. */
export const GET = route({ access: "admin" }, async ({ actor }) => ({
  settings: await getBillingSettings({ actor }),
}));

/** PUT BillingSettingsInput → { settings }; validated by the domain, which names each bad field. */
export const PUT = route({ access: "admin", body: z.unknown() }, async ({ actor, body }) => ({
  settings: await saveBillingSettings({ actor, input: body }),
}));
