import { route } from "@/lib/http/route";
import { instanceSettingsInputSchema } from "@/lib/settings/schemas";
import {
  getInstanceSettingsForAdmin,
  updateInstanceSettings,
} from "@/lib/settings/update-instance-settings";

export const dynamic = "force-dynamic";

/** GET → { settings: InstanceSettingsView } (chat limits, knowledge limits, embedding model, egress). */
export const GET = route({ access: "admin" }, async ({ actor }) => ({
  settings: await getInstanceSettingsForAdmin({ actor }),
}));

/** PUT InstanceSettingsInput → { settings }; audited. */
export const PUT = route(
  { access: "admin", body: instanceSettingsInputSchema },
  async ({ actor, body }) => ({ settings: await updateInstanceSettings({ actor, input: body }) }),
);
