import { getEmbedSettings } from "@/lib/embed/queries";
import { saveEmbedSettings } from "@/lib/embed/save-embed-settings";
import { embedSettingsSchema } from "@/lib/embed/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The owner's website widget settings → `{ settings, isPublished }`. */
export const GET = route<undefined, { id: string }>({ access: "user" }, ({ actor, params }) =>
  getEmbedSettings({ actor, gptId: params.id }),
);

/** Saves them, effective at once for visitors already chatting → `{ settings, isPublished }`. */
export const PUT = route<typeof embedSettingsSchema, { id: string }>(
  { access: "user", body: embedSettingsSchema },
  ({ actor, body, params }) => saveEmbedSettings({ actor, gptId: params.id, input: body }),
);
